package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.api.RulesetAdminApi;
import cn.wenzhou.renovation.api.model.RulesetActivationInfo;
import cn.wenzhou.renovation.api.model.RulesetReport;
import cn.wenzhou.renovation.api.model.RulesetTableInfo;
import cn.wenzhou.renovation.api.model.RulesetTableListing;
import cn.wenzhou.renovation.api.model.RulesetVersionListing;
import cn.wenzhou.renovation.api.model.StaffSession;
import cn.wenzhou.renovation.api.model.StoredRecordProblem;
import cn.wenzhou.renovation.jurisdiction.DiffResponses;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.RulesetVersion;
import cn.wenzhou.renovation.web.HeavyWork;
import cn.wenzhou.renovation.web.SignedInStaff;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Validate, activate, list versions, roll back. Nothing here decides policy: the registry validates
 * and swaps, the report says what it found, in the same terms as the county diff.
 */
@RestController
class RulesetAdminController implements RulesetAdminApi {

    private final RulesetRegistry registry;
    private final RulesetReports reports;
    private final InventoryReports inventories;
    private final HeavyWork heavyWork;

    RulesetAdminController(
            RulesetRegistry registry, RulesetReports reports, InventoryReports inventories, HeavyWork heavyWork) {
        this.registry = registry;
        this.reports = reports;
        this.inventories = inventories;
        this.heavyWork = heavyWork;
    }

    @Override
    public ResponseEntity<cn.wenzhou.renovation.api.model.TablePreview> previewRulesetTable(
            String jurisdiction, MultipartFile file) {
        return ResponseEntity.ok(reports.preview(jurisdiction, file));
    }

    @Override
    public ResponseEntity<cn.wenzhou.renovation.api.model.InventoryInfo> describeInventory(String jurisdiction) {
        return ResponseEntity.ok(inventories.info(jurisdiction));
    }

    @Override
    public ResponseEntity<cn.wenzhou.renovation.api.model.InventoryInfo> keepInventory(
            String jurisdiction, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "请上传按评估模板填写的小区清单（.xlsx）");
        }
        byte[] upload;
        try {
            upload = file.getBytes();
        } catch (java.io.IOException e) {
            throw new InvalidFieldException("file", "无法读取上传的文件");
        }
        // Reading an inventory of up to the batch limit is heavy work, like an assessment workbook.
        return heavyWork.run(
                HeavyWork.Kind.VALIDATION,
                () -> ResponseEntity.ok(inventories.keep(jurisdiction, upload, SignedInStaff.name())));
    }

    @Override
    public ResponseEntity<RulesetReport> validateRuleset(String jurisdiction, List<MultipartFile> files) {
        // A validation compiles and dry-runs a whole ruleset: only a few at once (503 BUSY beyond the queue).
        return heavyWork.run(HeavyWork.Kind.VALIDATION, () -> {
            List<RuleFile> placed = reports.place(jurisdiction, files);
            return ResponseEntity.ok(
                    reports.report(registry.candidate(jurisdiction, placed), placed, Optional.empty()));
        });
    }

    @Override
    public ResponseEntity<RulesetReport> activateRuleset(
            String jurisdiction, List<MultipartFile> files, String comment, Boolean acceptScenarioChanges) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidFieldException("comment", "请写明启用的原因");
        }
        List<RuleFile> placed = reports.place(jurisdiction, files);
        RulesetRegistry.Activation activation = registry.activate(
                jurisdiction,
                placed,
                SignedInStaff.name(),
                comment.strip(),
                Boolean.TRUE.equals(acceptScenarioChanges));
        return respond(activation, placed);
    }

    @Override
    public ResponseEntity<RulesetReport> rollbackRuleset(String jurisdiction, Integer version) {
        RulesetRegistry.Activation activation = registry.rollback(jurisdiction, version, SignedInStaff.name());
        return respond(activation, List.of());
    }

    @Override
    public ResponseEntity<RulesetVersionListing> listRulesetVersions(String jurisdiction) {
        List<RulesetVersion> versions = registry.versions(jurisdiction);
        Optional<Integer> active = registry.activeVersion(jurisdiction);
        List<RulesetActivationInfo> activations = registry.activations(jurisdiction).stream()
                .map(a -> new RulesetActivationInfo(
                                a.version(),
                                a.at().atOffset(ZoneOffset.UTC),
                                a.by(),
                                RulesetActivationInfo.KindEnum.valueOf(a.kind().name()))
                        .baseVersion(a.baseVersion())
                        .rulesetVersion(a.rulesetVersion()))
                .toList();
        List<StoredRecordProblem> problems = registry.storeProblems(jurisdiction).stream()
                .map(p -> new StoredRecordProblem(p.where(), p.problem()))
                .toList();
        return ResponseEntity.ok(new RulesetVersionListing(
                        jurisdiction,
                        versions.stream()
                                .map(v -> RulesetReports.info(v, active)
                                        .rulesetVersion(lastServed(activations, v.number()))
                                        .refusedCells(DiffResponses.findings(registry.refusedCells(v))))
                                .toList(),
                        activations)
                .activeVersion(active.orElse(null))
                .servedRulesetVersion(registry.servedVersion(jurisdiction).orElse(null))
                .storeProblems(problems));
    }

    /** The ruleset a version's answers named the last time the audit says it was served. */
    private static String lastServed(List<RulesetActivationInfo> activations, int version) {
        return activations.stream()
                .filter(a -> a.getVersion() == version && a.getRulesetVersion() != null)
                .reduce((earlier, later) -> later)
                .map(RulesetActivationInfo::getRulesetVersion)
                .orElse(null);
    }

    @Override
    public ResponseEntity<StaffSession> describeStaffSession() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        List<StaffSession.RolesEnum> roles = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .flatMap(role -> java.util.Arrays.stream(StaffSession.RolesEnum.values())
                        .filter(known -> known.getValue().equals(role)))
                .sorted()
                .toList();
        return ResponseEntity.ok(new StaffSession(SignedInStaff.name(), roles, RulesetReports.isPublisher()));
    }

    @Override
    public ResponseEntity<RulesetTableListing> listRulesetTables(String jurisdiction) {
        List<RuleFile> files = registry.servedFiles(jurisdiction, Optional.empty());
        List<RulesetTableInfo> tables = new java.util.ArrayList<>();
        RulesetSources.staffTables(files).forEach((path, form) -> {
            String basePath = RulesetSources.basePath(jurisdiction, path);
            String[] parts = basePath.split("/");
            tables.add(new RulesetTableInfo(
                    parts[1],
                    parts[parts.length - 1],
                    form.title(),
                    path,
                    path.equals(basePath) && !isBase(jurisdiction)));
        });
        tables.sort(java.util.Comparator.comparing(RulesetTableInfo::getCapability)
                .thenComparing(RulesetTableInfo::getFileName));
        return ResponseEntity.ok(new RulesetTableListing(jurisdiction, tables)
                .activeVersion(registry.activeVersion(jurisdiction).orElse(null)));
    }

    @Override
    public ResponseEntity<Resource> downloadRulesetTable(
            String jurisdiction, String capability, String fileName, Integer version) {
        String basePath = "decision-tables/" + capability + "/" + fileName;
        RuleFile table = registry.servedFiles(jurisdiction, Optional.ofNullable(version)).stream()
                .filter(f -> RulesetSources.basePath(jurisdiction, f.path()).equals(basePath))
                .findFirst()
                .orElseThrow(() -> new UnknownTableException(jurisdiction, capability, fileName));
        // The file's own name: the edited copy, uploaded, replaces it.
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new ByteArrayResource(table.content()));
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static boolean isBase(String jurisdiction) {
        return jurisdiction.equals(JurisdictionDescriptor.BASE);
    }

    private ResponseEntity<RulesetReport> respond(RulesetRegistry.Activation activation, List<RuleFile> placed) {
        RulesetReport report = reports.report(activation.candidate(), placed, activation.version());
        boolean noChange = activation.candidate().sameRulesAsActive();
        return ResponseEntity.status(
                        activation.activated() || noChange ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }
}
