package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What an edit does to real communities: every community of a jurisdiction's kept inventory assessed under
 * the rules served now and under the candidate, and per part of the assessment, which conclusions change
 * (「37 个小区 改造范围结论 由 可纳入改造范围 变为 重点改造」) and for which communities.
 */
@Component
public class InventoryImpact {

    private final InventoryWorkbook inventory;

    InventoryImpact(InventoryWorkbook inventory) {
        this.inventory = inventory;
    }

    /** One kind of change: a part's conclusion from one value to another, and the communities it happens to. */
    public record Change(String part, String before, String after, List<InventoryWorkbook.InventoryRow> communities) {

        public int count() {
            return communities.size();
        }
    }

    /** How many communities were assessed, and the changes, the most frequent first. */
    public record Impact(int communities, List<Change> changes) {

        public int changedCommunities() {
            return (int) changes.stream()
                    .flatMap(c -> c.communities().stream())
                    .map(InventoryWorkbook.InventoryRow::row)
                    .distinct()
                    .count();
        }
    }

    public Impact of(List<InventoryWorkbook.InventoryRow> rows, CompiledRuleset before, CompiledRuleset after) {
        Map<List<String>, List<InventoryWorkbook.InventoryRow>> byChange = new LinkedHashMap<>();
        for (InventoryWorkbook.InventoryRow row : rows) {
            Map<String, String> was = inventory.conclusions(row, before);
            Map<String, String> is = inventory.conclusions(row, after);
            java.util.Set<String> parts = new java.util.LinkedHashSet<>(was.keySet());
            parts.addAll(is.keySet());
            for (String part : parts) {
                String from = was.getOrDefault(part, "未评估");
                String to = is.getOrDefault(part, "未评估");
                if (!Objects.equals(from, to)) {
                    byChange.computeIfAbsent(List.of(part, from, to), k -> new ArrayList<>())
                            .add(row);
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        byChange.forEach((key, communities) ->
                changes.add(new Change(key.get(0), key.get(1), key.get(2), List.copyOf(communities))));
        changes.sort(java.util.Comparator.comparingInt(Change::count).reversed());
        return new Impact(rows.size(), List.copyOf(changes));
    }
}
