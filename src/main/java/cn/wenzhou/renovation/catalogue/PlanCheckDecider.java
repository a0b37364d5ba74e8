package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.api.CatalogueApi;
import cn.wenzhou.renovation.api.model.CatalogueEntry;
import cn.wenzhou.renovation.api.model.CategoryCoverage;
import cn.wenzhou.renovation.api.model.ClassifyResult;
import cn.wenzhou.renovation.api.model.ItemCategory;
import cn.wenzhou.renovation.api.model.ItemTier;
import cn.wenzhou.renovation.api.model.PlanCheckRequest;
import cn.wenzhou.renovation.api.model.PlanCheckResponse;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A community's plan checked against guide §2's catalogue, under the ruleset the caller took: each planned and
 * requested name classified by the table's items, the tiers the plan covers per category, and the rules' warnings
 * (an enhancement planned without its basic item). The items and warnings are the rules'; this only shapes them.
 */
@Component
class PlanCheckDecider implements Decider<PlanCheckRequest, PlanCheckResponse> {

    private final CatalogueService service;
    private final ItemSuggestions suggestions;

    PlanCheckDecider(CatalogueService service, ItemSuggestions suggestions) {
        this.service = service;
        this.suggestions = suggestions;
    }

    @Override
    public String path() {
        return CatalogueApi.PATH_CHECK_PLAN;
    }

    @Override
    public Class<PlanCheckRequest> requestType() {
        return PlanCheckRequest.class;
    }

    @Override
    public PlanCheckResponse decide(CompiledRuleset ruleset, PlanCheckRequest request) {
        List<ItemName> names = new ArrayList<>(names(request.getPlannedItems(), "plannedItems", ItemName.Role.PLANNED));
        names.addAll(names(request.getRequestedItems(), "requestedItems", ItemName.Role.REQUESTED));
        CatalogueService.Classified classified = service.classify(ruleset, names);
        CatalogueService.CatalogueView view = classified.view();
        List<CatalogueService.NameResult> planned = classified.withRole(ItemName.Role.PLANNED);
        return new PlanCheckResponse(
                        ruleset.jurisdiction(),
                        ruleset.version(),
                        results(view, planned),
                        results(view, classified.withRole(ItemName.Role.REQUESTED)),
                        coverage(planned),
                        classified.warnings().stream()
                                .map(w -> warning(view, w))
                                .toList())
                .communityName(request.getCommunityName());
    }

    /** A JSON null in a list of names is a mistake to name, not a name to classify; an absent list is empty. */
    static List<ItemName> names(List<String> texts, String field, ItemName.Role role) {
        if (texts == null) {
            return List.of();
        }
        List<ItemName> names = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "项目名称不能为 null (a name is missing)");
            }
            names.add(new ItemName(texts.get(i), role));
        }
        return names;
    }

    /** Which tiers the planned items reach in each category that has any, in the guide's order. */
    private static List<CategoryCoverage> coverage(List<CatalogueService.NameResult> planned) {
        Map<Category, List<CatalogueItem>> byCategory = new TreeMap<>();
        planned.stream()
                .flatMap(n -> n.item().stream())
                .distinct()
                .forEach(i -> byCategory
                        .computeIfAbsent(i.getCategory(), c -> new ArrayList<>())
                        .add(i));
        return byCategory.entrySet().stream()
                .map(e -> new CategoryCoverage(
                        ItemCategory.valueOf(e.getKey().name()),
                        e.getKey().label(),
                        e.getValue().stream()
                                .map(CatalogueItem::getTier)
                                .distinct()
                                .sorted()
                                .map(t -> ItemTier.valueOf(t.name()))
                                .toList(),
                        e.getValue().stream().map(CatalogueItem::getCode).toList()))
                .toList();
    }

    private static cn.wenzhou.renovation.api.model.PlanWarning warning(
            CatalogueService.CatalogueView view, PlanWarning w) {
        CatalogueItem basic = view.catalogue().byCode(w.missingBasicCode()).orElseThrow();
        CatalogueItem enhancement = view.catalogue().byCode(w.enhancementCode()).orElseThrow();
        RuleClause clause = view.ruleset().clauseOf(w.ruleId()).orElseThrow();
        return new cn.wenzhou.renovation.api.model.PlanWarning(
                        w.ruleId(),
                        ItemCategory.valueOf(w.category().name()),
                        basic.getCode(),
                        basic.getOfficialName(),
                        enhancement.getCode(),
                        enhancement.getOfficialName(),
                        w.message(),
                        Reasons.clause(clause))
                .interpretation(clause.interpretation());
    }

    List<ClassifyResult> results(CatalogueService.CatalogueView view, List<CatalogueService.NameResult> names) {
        return names.stream().map(n -> result(view, n)).toList();
    }

    private ClassifyResult result(CatalogueService.CatalogueView view, CatalogueService.NameResult n) {
        String text = n.name().getText();
        if (n.item().isPresent()) {
            return new ClassifyResult(text, true, List.of())
                    .matchedBy(
                            n.classification().byAlias()
                                    ? ClassifyResult.MatchedByEnum.ALIAS
                                    : ClassifyResult.MatchedByEnum.OFFICIAL_NAME)
                    .item(entry(view.ruleset(), n.item().get()));
        }
        return new ClassifyResult(text, false, suggestions.of(view.catalogue(), text));
    }

    static CatalogueEntry entry(CompiledRuleset ruleset, CatalogueItem item) {
        return new CatalogueEntry(
                        item.getCode(),
                        ItemCategory.valueOf(item.getCategory().name()),
                        item.getCategory().label(),
                        ItemTier.valueOf(item.getTier().name()),
                        item.getTier().label(),
                        item.getOfficialName(),
                        item.getAliases(),
                        Reasons.clause(ruleset.clauseOf(item.getCode())
                                .orElseThrow(
                                        () -> new IllegalStateException("Item " + item.getCode() + " has no clause"))))
                .number(item.getNumber());
    }
}
