package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A replay asked for under a kept version whose rules no longer compile or pass today's checks (422). */
class VersionNotReplayableException extends ProblemException {

    VersionNotReplayableException(List<RuleProblem> findings) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "Ruleset invalid",
                ProblemCode.RULESET_INVALID,
                "该版本的规则无法使用 (that version's rules cannot be used)" + first(findings),
                new FieldProblem("version", "规则无法编译" + first(findings)));
    }

    private static String first(List<RuleProblem> findings) {
        return findings.isEmpty() ? "" : "：" + findings.get(0);
    }
}
