package cn.wenzhou.renovation.jurisdiction;

import cn.wenzhou.renovation.api.JurisdictionsApi;
import cn.wenzhou.renovation.api.model.JurisdictionDiff;
import cn.wenzhou.renovation.api.model.JurisdictionInfo;
import cn.wenzhou.renovation.api.model.JurisdictionListing;
import cn.wenzhou.renovation.api.model.RulesetFinding;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the jurisdictions found, served or refused, each with the ruleset version it answers with,
 * and shows what a county variant changes against the Wenzhou base.
 */
@RestController
class JurisdictionController implements JurisdictionsApi {

    private final RulesetRegistry registry;

    JurisdictionController(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ResponseEntity<JurisdictionListing> listJurisdictions() {
        return ResponseEntity.ok(new JurisdictionListing(registry.jurisdictions().stream()
                .map(validation -> {
                    var sources = validation.sources();
                    var descriptor = sources.jurisdiction();
                    return new JurisdictionInfo(
                                    descriptor.code(),
                                    descriptor.name(),
                                    descriptor.demonstration(),
                                    version(validation),
                                    List.copyOf(sources.overridden()),
                                    List.copyOf(sources.added()),
                                    validation.valid(),
                                    findings(validation.findings()))
                            .parent(descriptor.parent())
                            .source(descriptor.source());
                })
                .toList()));
    }

    @Override
    public ResponseEntity<JurisdictionDiff> diffJurisdiction(String code) {
        RulesetValidation county = registry.validation(code).orElseThrow(() -> new UnknownJurisdictionException(code));
        RulesetValidation base =
                registry.validation(JurisdictionDescriptor.BASE).orElseThrow();
        RulesetDiff diff = RulesetDiff.between(base.sources(), county.sources());
        var descriptor = county.sources().jurisdiction();
        return ResponseEntity.ok(new JurisdictionDiff(
                        code,
                        descriptor.name(),
                        diff.base(),
                        county.valid(),
                        version(county),
                        version(base),
                        diff.summary(),
                        DiffResponses.tables(diff),
                        DiffResponses.rules(diff),
                        findings(county.statutoryViolations()),
                        findings(listed(county.problems(), diff.unreadable())))
                .demonstration(descriptor.demonstration()));
    }

    private static String version(RulesetValidation validation) {
        return validation.ruleset() != null
                ? validation.ruleset().version()
                : validation.sources().version();
    }

    private static List<RuleProblem> listed(List<RuleProblem> problems, List<RuleProblem> unreadable) {
        return java.util.stream.Stream.concat(problems.stream(), unreadable.stream())
                .distinct()
                .toList();
    }

    private static List<RulesetFinding> findings(List<RuleProblem> problems) {
        return DiffResponses.findings(problems);
    }
}
