package cn.wenzhou.renovation.approval;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Policy parameter from the staff table 审批简化措施: one simplification of guide §4, whether this
 * jurisdiction adopts it, and for the merges the largest total investment (yuan, inclusive) it covers.
 */
public record SimplificationMeasure(
        String ruleId, String code, boolean adopted, Optional<BigDecimal> investmentCeiling) {

    public static final String MERGE_PROPOSAL_FEASIBILITY = "MERGE-PROPOSAL-FEASIBILITY";
    public static final String MERGE_PROPOSAL_FEASIBILITY_DESIGN = "MERGE-PROPOSAL-FEASIBILITY-DESIGN";
    public static final String PLANNING_PERMIT_WAIVER = "PLANNING-PERMIT-WAIVER";
    public static final String DRAWING_REVIEW_EXEMPTION = "DRAWING-REVIEW-EXEMPTION";
    public static final String JOINT_ACCEPTANCE = "JOINT-ACCEPTANCE";
    public static final String SIMPLIFIED_COMPLETION_FILING = "SIMPLIFIED-COMPLETION-FILING";

    /** Adopted, and the project's investment is within the ceiling (以下 includes the amount itself). */
    public boolean covers(BigDecimal totalInvestment) {
        return adopted
                && investmentCeiling.map(c -> totalInvestment.compareTo(c) <= 0).orElse(true);
    }

    public String ceilingLabel() {
        return investmentCeiling.map(c -> c.toPlainString() + " 元").orElse("不限");
    }
}
