package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.api.model.CountyFindings;
import cn.wenzhou.renovation.api.model.RulesetReport;
import cn.wenzhou.renovation.api.model.RulesetVersionInfo;
import cn.wenzhou.renovation.jurisdiction.DiffResponses;
import cn.wenzhou.renovation.ruleset.authoring.EditorUploadPolicy;
import cn.wenzhou.renovation.ruleset.authoring.RulesetCandidate;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.RulesetVersion;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the rules-administration endpoints share: where uploads go (and what an editor may upload), and
 * the report of a candidate, in the same terms as the county diff.
 */
@Component
class RulesetReports {

    private final RulesetRegistry registry;
    private final InventoryReports inventories;
    /** Rule tables are tens of kilobytes; the multipart limit is higher because inventory workbooks share it. */
    private final DataSize maxRuleFile;
    /** The rules-administration limit for one request, below the 25 MB multipart limit inventory workbooks need. */
    private final DataSize maxRuleRequest;

    RulesetReports(
            RulesetRegistry registry,
            InventoryReports inventories,
            @Value("${renovation.limits.max-rule-file:2MB}") DataSize maxRuleFile,
            @Value("${renovation.limits.max-rule-request:10MB}") DataSize maxRuleRequest) {
        this.registry = registry;
        this.inventories = inventories;
        this.maxRuleFile = maxRuleFile;
        this.maxRuleRequest = maxRuleRequest;
    }

    /** An uploaded table's filled cells, read under the upload limits, for the console to show findings at. */
    cn.wenzhou.renovation.api.model.TablePreview preview(String jurisdiction, MultipartFile file) {
        registry.ownFiles(jurisdiction); // an unknown jurisdiction is a 404, as for every table operation
        RuleUploads.ReadTable table = RuleUploads.readTable(file, "file", maxRuleFile);
        return TablePreviews.of(table.name(), table.content());
    }

    List<RuleFile> place(String jurisdiction, List<MultipartFile> files) {
        List<RuleFile> own = registry.ownFiles(jurisdiction);
        List<RuleFile> base = registry.ownFiles(JurisdictionDescriptor.BASE);
        List<RuleFile> placed = RuleUploads.place(jurisdiction, files, own, base, maxRuleFile, maxRuleRequest);
        if (!isPublisher()) {
            // What each upload replaces: the jurisdiction's own file, or for a new county override the base file.
            java.util.Map<String, RuleFile> current = new java.util.HashMap<>();
            base.forEach(f -> current.put(
                    cn.wenzhou.renovation.ruleset.engine.RulesetSources.countyPath(jurisdiction, f.path()), f));
            base.forEach(f -> current.put(f.path(), f));
            own.forEach(f -> current.put(f.path(), f));
            EditorUploadPolicy.check(placed, current);
        }
        return placed;
    }

    static boolean isPublisher() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_rules-publisher"));
    }

    RulesetReport report(RulesetCandidate candidate, List<RuleFile> placed, Optional<RulesetVersion> activated) {
        String code = candidate.jurisdiction();
        RulesetDiff changes = RulesetDiff.ofEdit(code, servedBefore(code, candidate), candidate.ownFiles());
        List<String> replaced = placed.isEmpty()
                ? changes.tables().stream().map(t -> t.countyFile()).distinct().toList()
                : placed.stream().map(RuleFile::path).toList();
        RulesetReport report = new RulesetReport(
                code,
                candidate.activatable(),
                activated.isPresent(),
                replaced,
                DiffResponses.findings(candidate.validation().findings()),
                candidate.countiesItWouldBreak().stream()
                        .map(county -> new CountyFindings(
                                county,
                                DiffResponses.findings(
                                        candidate.validations().get(county).findings())))
                        .toList(),
                DiffResponses.findings(candidate.scenarioChanges()),
                DiffResponses.changes(changes));
        report.unchanged(candidate.sameRulesAsActive());
        // What the edit does to the communities staff keep: before it is activated, against the rules served now.
        if (activated.isEmpty()
                && candidate.validation().valid()
                && !candidate.sameRulesAsActive()
                && registry.isServed(code)) {
            inventories
                    .impact(code, registry.active(code), candidate.validation().ruleset())
                    .ifPresent(report::impact);
        }
        if (candidate.validation().ruleset() != null) {
            report.rulesetVersion(candidate.validation().ruleset().version());
        }
        if (registry.isServed(code)) {
            report.activeRulesetVersion(registry.active(code).version());
        }
        activated.ifPresent(v -> report.version(info(v, registry.activeVersion(code))));
        return report;
    }

    /** A county's own files with the base's beneath them, so that a first override is compared with the base's table. */
    private List<RuleFile> servedBefore(String code, RulesetCandidate candidate) {
        if (code.equals(JurisdictionDescriptor.BASE)) {
            return candidate.activeOwnFiles();
        }
        List<RuleFile> before = new java.util.ArrayList<>(registry.ownFiles(JurisdictionDescriptor.BASE));
        before.addAll(candidate.activeOwnFiles());
        return before;
    }

    static RulesetVersionInfo info(RulesetVersion version, Optional<Integer> active) {
        return new RulesetVersionInfo(
                        version.number(),
                        version.contentHash(),
                        version.activatedAt().atOffset(ZoneOffset.UTC),
                        version.activatedBy(),
                        active.map(n -> n == version.number()).orElse(false))
                .comment(version.comment());
    }
}
