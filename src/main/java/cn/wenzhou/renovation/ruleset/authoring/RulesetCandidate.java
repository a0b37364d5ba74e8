package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;
import java.util.Map;

/**
 * A jurisdiction's own files as they would be after an activation, and what validating them found:
 * for the jurisdiction itself and, when it is the base, for every county compiled over it. It may be
 * activated only when the jurisdiction is valid and no county that is served now would be refused;
 * the Test Scenario rows it changes need the publisher's acceptance besides. One with the same rules as
 * the jurisdiction serves now ({@code sameRulesAsActive}: a table re-saved without a change) is no change.
 */
public record RulesetCandidate(
        String jurisdiction,
        List<RuleFile> ownFiles,
        List<RuleFile> activeOwnFiles,
        Map<String, RulesetValidation> validations,
        List<String> countiesItWouldBreak,
        List<RuleProblem> scenarioChanges,
        boolean sameRulesAsActive) {

    public RulesetCandidate withScenarioChanges(List<RuleProblem> changes) {
        return new RulesetCandidate(
                jurisdiction,
                ownFiles,
                activeOwnFiles,
                validations,
                countiesItWouldBreak,
                List.copyOf(changes),
                sameRulesAsActive);
    }

    public RulesetValidation validation() {
        return validations.get(jurisdiction);
    }

    public boolean activatable() {
        return validation().valid() && countiesItWouldBreak.isEmpty();
    }
}
