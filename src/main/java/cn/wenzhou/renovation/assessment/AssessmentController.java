package cn.wenzhou.renovation.assessment;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.AssessmentsApi;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

@RestController
class AssessmentController implements AssessmentsApi {

    private final RulesetRegistry registry;
    private final ProjectAssessor assessor;

    AssessmentController(RulesetRegistry registry, ProjectAssessor assessor) {
        this.registry = registry;
        this.assessor = assessor;
    }

    @Override
    public ResponseEntity<AssessmentResponse> assessProject(AssessmentRequest request, String jurisdiction) {
        return ResponseEntity.ok(assessor.assess(registry.forRequest(jurisdiction), request));
    }
}
