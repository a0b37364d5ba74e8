package cn.wenzhou.renovation.decision;

import cn.wenzhou.renovation.api.model.Clause;
import cn.wenzhou.renovation.api.model.Reason;
import cn.wenzhou.renovation.api.model.ReasonEffect;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.util.ArrayList;
import java.util.List;

/** Builds the API's reasons, the same way for every capability: rule id, effect, message, clause. */
public final class Reasons {

    private final CompiledRuleset ruleset;

    public Reasons(CompiledRuleset ruleset) {
        this.ruleset = ruleset;
    }

    /** The deciding rule first, then the findings behind the decision. */
    public List<Reason> decidedBy(String decisionRuleId, String decisionMessage, List<? extends RuleFinding> findings) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(of(decisionRuleId, ReasonEffect.DECISION, decisionMessage));
        findings.forEach(f -> reasons.add(of(f)));
        return reasons;
    }

    public List<Reason> of(List<? extends RuleFinding> findings) {
        return findings.stream().map(this::of).toList();
    }

    public Reason of(RuleFinding finding) {
        Reason reason =
                of(finding.ruleId(), ReasonEffect.valueOf(finding.effect().name()), finding.message());
        return finding.interpretation() == null ? reason : reason.interpretation(finding.interpretation());
    }

    public Reason of(String ruleId, ReasonEffect effect, String message) {
        RuleClause clause = ruleset.clauseOf(ruleId)
                .orElseThrow(() -> new IllegalStateException("Rule " + ruleId + " has no clause"));
        return new Reason(ruleId, effect, message, clause(clause)).interpretation(clause.interpretation());
    }

    public static Clause clause(RuleClause clause) {
        return new Clause(clause.section(), clause.quote()).source(clause.source());
    }

    /** The reasons for a decision followed by those saying why it went no further, as one list. */
    public static List<Reason> andWhyNot(List<Reason> reasons, List<Reason> whyNot) {
        List<Reason> all = new java.util.ArrayList<>(reasons);
        all.addAll(whyNot);
        return all;
    }
}
