package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;

/** A request named a county variant whose rules were refused at startup; the findings say why. */
public class JurisdictionRefusedException extends RuntimeException {

    private final String jurisdiction;
    private final List<RuleProblem> findings;

    public JurisdictionRefusedException(String jurisdiction, List<RuleProblem> findings) {
        super("Jurisdiction '" + jurisdiction + "' is not served: its rules were refused");
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
