package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.decision.TableYesNo;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Policy parameter from the decision table 审批简化措施: one simplification of guide §4, whether this
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

    /** As written in the table: 是/否, and an amount in yuan or 不限. */
    public SimplificationMeasure(String ruleId, String code, String adopted, String investmentCeiling) {
        this(ruleId, code.strip(), TableYesNo.parse(adopted), ceiling(investmentCeiling));
    }

    private static Optional<BigDecimal> ceiling(String cell) {
        String value = cell.strip().replace(",", "");
        if (value.equals("不限")) {
            return Optional.empty();
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("总投资上限应为以元为单位的数字或“不限”，不能是 '" + cell.strip() + "'");
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("总投资上限必须为正数或“不限”，不能是 " + cell);
        }
        return Optional.of(amount);
    }

    /** Adopted, and the project's investment is within the ceiling (以下 includes the amount itself). */
    public boolean covers(BigDecimal totalInvestment) {
        return adopted
                && investmentCeiling.map(c -> totalInvestment.compareTo(c) <= 0).orElse(true);
    }

    public String ceilingLabel() {
        return investmentCeiling.map(c -> c.toPlainString() + " 元").orElse("不限");
    }
}
