package cn.wenzhou.renovation.survey;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.List;
import org.springframework.stereotype.Service;

/** The satisfaction-rate definition of a given ruleset, read once from its parameter row. */
@Service
class SatisfactionService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(SatisfactionService.class);

    public record Definition(CompiledRuleset ruleset, SatisfiedAnswers satisfied, String ruleId) {}

    public Definition of(CompiledRuleset ruleset) {
        // Parameter rows fire with no facts; the compiler's dry run has already proved exactly one exists.
        SatisfiedAnswers satisfied = ruleset.derived(
                SatisfiedAnswers.class,
                r -> r.answer(
                        CAPABILITY, List.of(), answers -> answers.single("satisfied answers", SatisfiedAnswers.class)));
        return new Definition(ruleset, satisfied, RULE_ID);
    }

    static final String RULE_ID = "SURVEY-PARAM-SATISFIED-ANSWERS";
}
