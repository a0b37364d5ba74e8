package cn.wenzhou.renovation.approval;

import java.util.List;

/** One rule's answer for one approval step; {@code mergedWith} lists the steps compiled together with it. */
public record ApprovalFinding(String ruleId, ApprovalStep step, StepTreatment treatment, String message,
        List<ApprovalStep> mergedWith) {

    public ApprovalFinding(String ruleId, ApprovalStep step, StepTreatment treatment, String message) {
        this(ruleId, step, treatment, message, List.of());
    }
}
