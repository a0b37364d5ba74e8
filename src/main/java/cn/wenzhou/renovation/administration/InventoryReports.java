package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.api.model.ImpactChange;
import cn.wenzhou.renovation.api.model.ImpactCommunity;
import cn.wenzhou.renovation.api.model.InventoryInfo;
import cn.wenzhou.renovation.api.model.RulesetImpact;
import cn.wenzhou.renovation.assessment.InventoryImpact;
import cn.wenzhou.renovation.assessment.InventoryWorkbook;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A jurisdiction's inventory of communities, kept as the rows read from the assessment template (never
 * the upload itself, and never with residents' ID or phone numbers), and what an edit does to it.
 */
@Component
class InventoryReports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InventoryReports.class);

    private final RulesetRegistry registry;
    private final InventoryWorkbook workbook;
    private final InventoryImpact impacts;
    private final ObjectMapper json;

    InventoryReports(RulesetRegistry registry, InventoryWorkbook workbook, InventoryImpact impacts, ObjectMapper json) {
        this.registry = registry;
        this.workbook = workbook;
        this.impacts = impacts;
        this.json = json;
    }

    InventoryInfo keep(String jurisdiction, byte[] upload, String keptBy) {
        registry.ownFiles(jurisdiction); // an unknown jurisdiction is a 404 before the workbook is read
        List<InventoryWorkbook.InventoryRow> rows = workbook.rows(upload);
        rows.forEach(InventoryReports::refusePersonalData);
        try {
            registry.keepInventory(jurisdiction, json.writeValueAsBytes(rows), keptBy);
        } catch (IOException e) {
            throw new IllegalStateException("rows read from a workbook are plain data", e);
        }
        return info(jurisdiction);
    }

    InventoryInfo info(String jurisdiction) {
        InventoryInfo info = new InventoryInfo(jurisdiction, 0);
        registry.inventory(jurisdiction)
                .ifPresent(kept -> info.communities(rows(kept.content()).size())
                        .keptAt(kept.keptAt().atOffset(ZoneOffset.UTC))
                        .keptBy(kept.keptBy()));
        return info;
    }

    /** The inventory under both rulesets; none when the jurisdiction keeps no inventory. */
    Optional<RulesetImpact> impact(String jurisdiction, CompiledRuleset before, CompiledRuleset after) {
        return registry.inventory(jurisdiction).map(kept -> {
            long started = System.nanoTime();
            InventoryImpact.Impact impact = impacts.of(rows(kept.content()), before, after);
            log.info(
                    "Impact on the inventory of {}: {} of {} communities change ({} ms)",
                    jurisdiction,
                    impact.changedCommunities(),
                    impact.communities(),
                    (System.nanoTime() - started) / 1_000_000);
            List<ImpactChange> changes = new ArrayList<>();
            for (InventoryImpact.Change change : impact.changes()) {
                changes.add(new ImpactChange(
                        change.part(),
                        change.before(),
                        change.after(),
                        change.count(),
                        summary(change),
                        change.communities().stream()
                                .map(c -> new ImpactCommunity(c.row(), c.projectName()))
                                .toList()));
            }
            return new RulesetImpact(impact.communities(), impact.changedCommunities(), changes);
        });
    }

    /** 「37 个小区的改造范围结论由 可纳入改造范围 变为 重点改造」 */
    static String summary(InventoryImpact.Change change) {
        return change.count() + " 个小区的" + change.part() + "由 " + change.before() + " 变为 " + change.after();
    }

    static List<String> summaries(RulesetImpact impact) {
        List<String> lines = new ArrayList<>();
        lines.add("清单共 " + impact.getCommunities() + " 个小区，其中 " + impact.getChangedCommunities() + " 个的结论改变。");
        impact.getChanges()
                .forEach(change -> lines.add(change.getSummary() + "："
                        + String.join(
                                "、",
                                change.getCommunities().stream()
                                        .limit(20)
                                        .map(c -> c.getName())
                                        .toList())
                        + (change.getCount() > 20 ? " 等" : "")));
        return lines;
    }

    private List<InventoryWorkbook.InventoryRow> rows(byte[] kept) {
        try {
            return json.readValue(kept, new TypeReference<List<InventoryWorkbook.InventoryRow>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("the kept inventory is written by this class", e);
        }
    }

    /** An inventory describes communities: an ID or phone number in any of its cells is refused, naming the row. */
    private static void refusePersonalData(InventoryWorkbook.InventoryRow row) {
        List<String> texts = new ArrayList<>();
        collectTexts(row.item(), texts);
        for (String text : texts) {
            if (!PersonalDataMasking.mask(text).equals(text)) {
                throw new InvalidFieldException(
                        "file", "清单第 " + row.row() + " 行含有身份证号或电话号码：清单只记小区的情况，不记居民个人信息，请删去后再上传");
            }
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, texts));
    }
}
