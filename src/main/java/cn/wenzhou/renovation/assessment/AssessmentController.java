package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.api.AssessmentsApi;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController implements AssessmentsApi {

    private final RequestRulesets rulesets;
    private final ProjectAssessor assessor;

    AssessmentController(RequestRulesets rulesets, ProjectAssessor assessor) {
        this.rulesets = rulesets;
        this.assessor = assessor;
    }

    @Override
    public ResponseEntity<AssessmentResponse> assessProject(AssessmentRequest request, String jurisdiction) {
        return ResponseEntity.ok(assessor.decide(rulesets.take(jurisdiction), request));
    }
}
