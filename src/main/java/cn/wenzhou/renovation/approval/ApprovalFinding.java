package cn.wenzhou.renovation.approval;

import java.util.List;

/**
 * One rule's answer for one approval step; {@code mergedWith} lists the steps compiled together with it;
 * {@code interpretation} is the one the rule rendered from the parameter values it applied, if any.
 */
public record ApprovalFinding(
        String ruleId,
        ApprovalStep step,
        StepTreatment treatment,
        String message,
        List<ApprovalStep> mergedWith,
        String interpretation) {

    public ApprovalFinding(String ruleId, ApprovalStep step, StepTreatment treatment, String message) {
        this(ruleId, step, treatment, message, List.of(), null);
    }

    public ApprovalFinding(
            String ruleId, ApprovalStep step, StepTreatment treatment, String message, List<ApprovalStep> mergedWith) {
        this(ruleId, step, treatment, message, mergedWith, null);
    }
}
