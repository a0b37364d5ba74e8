package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a ruleset that does not compile into a short startup report naming each file, sheet and cell. */
class RulesetFailureAnalyzer extends AbstractFailureAnalyzer<RulesetCompilationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RulesetCompilationException cause) {
        String problems = cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "规则集 '" + cause.jurisdiction() + "' 无法编译 (the ruleset does not compile):\n" + problems,
                "改正上列文件、工作表和单元格后重新启动；或用 renovation.rules-dir / renovation.decision-tables-dir "
                        + "指向一份可用的规则。 Fix the files listed above and start again.",
                cause);
    }
}
