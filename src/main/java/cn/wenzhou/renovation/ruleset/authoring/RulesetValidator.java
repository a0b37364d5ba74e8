package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.authoring.tablecheck.TableChecks;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.ContentCaches;
import cn.wenzhou.renovation.ruleset.engine.DecisionTableTranslator;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Compiles one jurisdiction's files and runs every {@link RulesetCheck} on the result, collecting
 * every problem instead of stopping at the first: the same validation for startup, the
 * {@code validate} command and the tests.
 */
public final class RulesetValidator {

    private static final java.util.regex.Pattern RULE_IN_MESSAGE = java.util.regex.Pattern.compile("Rule \"([^\"]+)\"");

    private final RulesetCompiler compiler = new RulesetCompiler();
    private final List<RulesetCheck> checks;

    public RulesetValidator(List<RulesetCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public RulesetValidation validate(RulesetSources sources) {
        if (!sources.problems().isEmpty()) {
            return new RulesetValidation(sources, null, sources.problems(), List.of());
        }
        List<RuleProblem> tableProblems = checkTables(sources);
        CompiledRuleset ruleset;
        try {
            ruleset = compiler.compile(sources.jurisdiction().code(), sources.files());
        } catch (RulesetCompilationException e) {
            List<RuleProblem> problems = new ArrayList<>(e.problems());
            tableProblems.stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            return new RulesetValidation(sources, null, problems, List.of());
        }
        List<RuleProblem> problems = new ArrayList<>(tableProblems);
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

    /** Each decision table against the jurisdiction's table checks (its own copy, or the base's). */
    private static List<RuleProblem> checkTables(RulesetSources sources) {
        String code = sources.jurisdiction().code();
        List<RuleProblem> problems = new ArrayList<>();
        java.util.Optional<RuleFile> checksFile = sources.files().stream()
                .filter(f -> RulesetSources.basePath(code, f.path()).equals(TableChecks.FILE))
                .findFirst();
        TableChecks checks =
                checksFile.map(file -> TableChecks.parse(file, problems)).orElse(TableChecks.none());
        String checksVersion =
                checksFile.map(file -> RulesetFiles.contentHash(List.of(file))).orElse("none");
        sources.files().stream()
                .filter(file -> file.isDecisionTable() || file.isMisnamedSpreadsheet())
                .forEach(file -> problems.addAll(checked(checksVersion, checks, file)));
        return problems;
    }

    /**
     * A table's findings depend on its bytes and the checks alone; reading it with POI is most of a
     * check, and an activation (or a base edit's counties) checks the same unchanged tables again.
     */
    private static List<RuleProblem> checked(String checksVersion, TableChecks checks, RuleFile table) {
        String key = checksVersion + "|" + table.path() + "|" + RulesetFiles.contentHash(List.of(table));
        return ContentCaches.TABLE_CHECK_FINDINGS.get(key, k -> List.copyOf(checks.check(table)));
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
                        .problem("规则 " + named.group(1) + " 的条件无法计算，单元格取值无法识别: "
                                + DecisionTableTranslator.rootMessage(e));
            }
        }
        return RuleProblem.inFile(
                "(ruleset " + ruleset.jurisdiction() + ")", "校验时规则执行失败: " + DecisionTableTranslator.rootMessage(e));
    }
}
