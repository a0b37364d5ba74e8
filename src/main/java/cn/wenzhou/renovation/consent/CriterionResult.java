package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;
import cn.wenzhou.renovation.kernel.ExactRatio;
import java.math.BigDecimal;

/**
 * One requirement checked against the counted votes. Its {@link #ruleId()} is the requirement's
 * table row, so the reason cites the clause of the guide or statute that sets the minimum.
 */
public record CriterionResult(
        String ruleId,
        LegalBasis basis,
        Measure measure,
        BigDecimal part,
        BigDecimal whole,
        ExactRatio share,
        ExactRatio minimum,
        boolean passed)
        implements RuleFinding {

    /** The requirement measured on the votes; {@code passed} is what the checking rule concluded. */
    public static CriterionResult of(ConsentRequirement requirement, CountedVotes votes, boolean passed) {
        Measure measure = requirement.measure();
        return new CriterionResult(
                requirement.ruleId(),
                requirement.basis(),
                measure,
                votes.part(measure),
                votes.whole(measure),
                votes.share(measure),
                requirement.minimum(),
                passed);
    }

    @Override
    public FindingEffect effect() {
        return passed ? FindingEffect.CONDITION_MET : FindingEffect.CONDITION_FAILED;
    }

    @Override
    public String message() {
        return measure.label() + " " + part.toPlainString() + "/" + whole.toPlainString() + " = " + share.fraction()
                + "（" + share.percent(2) + "%），" + (passed ? "达到 " : "未达到 ") + minimum.fraction()
                + (passed ? " 以上" : "");
    }
}
