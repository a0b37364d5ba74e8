package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.kernel.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A notice was asked for a vote that did not pass: annex 3 is only posted for a passed vote. */
class ConsentInsufficientException extends ProblemException {

    private final transient List<String> failedRules;

    ConsentInsufficientException(ConsentOutcome outcome) {
        super(Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "Consent insufficient",
                ProblemCode.CONSENT_INSUFFICIENT,
                "表决未达到表决日施行的规定，不能出具居民意见公示书 (the consent is insufficient; no notice is issued)"));
        this.failedRules = outcome.failedCriteria().stream()
                .map(c -> c.ruleId() + " " + c.measure())
                .toList();
        getBody().setProperty("failedRules", failedRules);
    }

    public List<String> failedRules() {
        return failedRules;
    }
}
