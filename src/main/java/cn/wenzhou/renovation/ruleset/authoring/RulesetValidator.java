package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.engine.TableTranslation;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Compiles one jurisdiction's files and runs every {@link RulesetCheck} on the result, collecting
 * every problem instead of stopping at the first: the same validation for startup, the
 * {@code validate} command and the tests. The packaged rules, loaded as the build compiled them, are not checked
 * again when the build's validation of them holds ({@link ValidatedByTheBuild}).
 */
public final class RulesetValidator {

    private static final java.util.regex.Pattern RULE_IN_MESSAGE = java.util.regex.Pattern.compile("Rule \"([^\"]+)\"");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RulesetValidator.class);

    private final RulesetCompiler compiler = new RulesetCompiler();
    private final List<RulesetCheck> checks;

    public RulesetValidator(List<RulesetCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public RulesetValidation validate(RulesetSources sources) {
        if (!sources.problems().isEmpty()) {
            return new RulesetValidation(sources, null, sources.problems(), List.of());
        }
        // A table's cells and rows are checked by its form when it is translated: those findings come from here.
        CompiledRuleset ruleset;
        try {
            ruleset = compiler.compile(sources.jurisdiction().code(), sources.files());
        } catch (RulesetCompilationException e) {
            return new RulesetValidation(sources, null, e.problems(), List.of());
        }
        if (ValidatedByTheBuild.holdsFor(ruleset)) {
            log.info(
                    "Checks of {} version {} not run again: the build ran them with these classes and this Drools",
                    ruleset.jurisdiction(),
                    ruleset.version());
            return new RulesetValidation(sources, ruleset, List.of(), List.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> violations = new ArrayList<>();
        for (RulesetCheck check : checks) {
            try {
                (check.statutory() ? violations : problems).addAll(check.check(ruleset));
            } catch (RuntimeException e) {
                problems.add(failureOf(ruleset, e));
            }
        }
        return new RulesetValidation(sources, ruleset, problems, violations);
    }

    /**
     * A check's probe made a rule fail (a cell its consequence cannot read, such as a share written
     * 九成, in a row that only fires for a vote): the rule's row, and what it could not read.
     */
    private static RuleProblem failureOf(CompiledRuleset ruleset, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConsequenceException consequence) {
                String rule = consequence.getMatch().getRule().getName();
                Throwable thrown = consequence.getCause() != null ? consequence.getCause() : consequence;
                return ruleset.originOf(rule).problem("规则 " + rule + " 执行失败，单元格取值无法识别: " + thrown.getMessage());
            }
        }
        // A condition that throws (a date cell such as 2021-13-01) names its rule only in the message.
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher named = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (named.find() && ruleset.clauseOf(named.group(1)).isPresent()) {
                return ruleset.originOf(named.group(1))
                        .problem("规则 " + named.group(1) + " 的条件无法计算，单元格取值无法识别: " + TableTranslation.rootMessage(e));
            }
        }
        return RuleProblem.inFile(
                "(ruleset " + ruleset.jurisdiction() + ")", "校验时规则执行失败: " + TableTranslation.rootMessage(e));
    }
}
