package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.api.CatalogueApi;
import cn.wenzhou.renovation.api.model.CatalogueEntry;
import cn.wenzhou.renovation.api.model.CatalogueResponse;
import cn.wenzhou.renovation.api.model.CategoryCoverage;
import cn.wenzhou.renovation.api.model.CategoryTierCount;
import cn.wenzhou.renovation.api.model.ClassifyRequest;
import cn.wenzhou.renovation.api.model.ClassifyResponse;
import cn.wenzhou.renovation.api.model.ClassifyResult;
import cn.wenzhou.renovation.api.model.ItemCategory;
import cn.wenzhou.renovation.api.model.ItemTier;
import cn.wenzhou.renovation.api.model.PlanCheckRequest;
import cn.wenzhou.renovation.api.model.PlanCheckResponse;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue and name classification over HTTP; the items themselves come from the table. */
@RestController
class CatalogueController implements CatalogueApi {

    private final RequestRulesets rulesets;
    private final CatalogueService service;
    private final ItemSuggestions suggestions;

    CatalogueController(RequestRulesets rulesets, CatalogueService service, ItemSuggestions suggestions) {
        this.rulesets = rulesets;
        this.service = service;
        this.suggestions = suggestions;
    }

    @Override
    public ResponseEntity<CatalogueResponse> listCatalogue(String jurisdiction, ItemCategory category, ItemTier tier) {
        CatalogueService.CatalogueView view = service.view(rulesets.take(jurisdiction));
        List<CatalogueItem> items = view.catalogue().items().stream()
                .filter(i -> category == null || i.getCategory().name().equals(category.getValue()))
                .filter(i -> tier == null || i.getTier().name().equals(tier.getValue()))
                .toList();
        List<CategoryTierCount> counts = new ArrayList<>();
        for (Category c : Category.values()) {
            for (Tier t : Tier.values()) {
                if ((category == null || c.name().equals(category.getValue()))
                        && (tier == null || t.name().equals(tier.getValue()))) {
                    int count = (int) items.stream()
                            .filter(i -> i.getCategory() == c && i.getTier() == t)
                            .count();
                    counts.add(new CategoryTierCount(
                            ItemCategory.valueOf(c.name()), c.label(), ItemTier.valueOf(t.name()), t.label(), count));
                }
            }
        }
        return ResponseEntity.ok(new CatalogueResponse(
                view.ruleset().jurisdiction(),
                view.ruleset().version(),
                items.size(),
                counts,
                items.stream().map(i -> entry(view.ruleset(), i)).toList()));
    }

    @Override
    public ResponseEntity<ClassifyResponse> classifyItems(ClassifyRequest request, String jurisdiction) {
        CatalogueService.Classified classified =
                service.classify(rulesets.take(jurisdiction), names(request.getNames(), "names", ItemName.Role.LOOKUP));
        CatalogueService.CatalogueView view = classified.view();
        return ResponseEntity.ok(new ClassifyResponse(
                view.ruleset().jurisdiction(), view.ruleset().version(), results(view, classified.names())));
    }

    @Override
    public ResponseEntity<PlanCheckResponse> checkPlan(PlanCheckRequest request, String jurisdiction) {
        List<ItemName> names = new ArrayList<>(names(request.getPlannedItems(), "plannedItems", ItemName.Role.PLANNED));
        names.addAll(names(request.getRequestedItems(), "requestedItems", ItemName.Role.REQUESTED));
        CatalogueService.Classified classified = service.classify(rulesets.take(jurisdiction), names);
        CatalogueService.CatalogueView view = classified.view();
        CompiledRuleset ruleset = view.ruleset();
        List<CatalogueService.NameResult> planned = classified.withRole(ItemName.Role.PLANNED);
        return ResponseEntity.ok(new PlanCheckResponse(
                        ruleset.jurisdiction(),
                        ruleset.version(),
                        results(view, planned),
                        results(view, classified.withRole(ItemName.Role.REQUESTED)),
                        coverage(planned),
                        classified.warnings().stream()
                                .map(w -> warning(view, w))
                                .toList())
                .communityName(request.getCommunityName()));
    }

    /** A JSON null in a list of names is a mistake to name, not a name to classify; an absent list is empty. */
    private static List<ItemName> names(List<String> texts, String field, ItemName.Role role) {
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

    private List<ClassifyResult> results(CatalogueService.CatalogueView view, List<CatalogueService.NameResult> names) {
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

    private static CatalogueEntry entry(CompiledRuleset ruleset, CatalogueItem item) {
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
