package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request named a county variant whose rules were refused at startup; the findings say why. */
public class JurisdictionRefusedException extends ProblemException {

    private final String jurisdiction;
    private final List<RuleProblem> findings;

    public JurisdictionRefusedException(String jurisdiction, List<RuleProblem> findings) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Jurisdiction refused",
                ProblemCode.JURISDICTION_REFUSED,
                "辖区 '" + jurisdiction + "' 的规则未通过校验，暂不提供判定 (its rules were refused); 详见 GET /api/v1/jurisdictions/"
                        + jurisdiction + "/diff",
                new FieldProblem(
                        "jurisdiction",
                        "辖区 " + jurisdiction + " 的规则被拒用" + (findings.isEmpty() ? "" : "：" + findings.get(0))));
        this.jurisdiction = jurisdiction;
        this.findings = List.copyOf(findings);
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public List<RuleProblem> findings() {
        return findings;
    }
}
