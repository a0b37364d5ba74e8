package cn.wenzhou.renovation.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.CatalogueApi;
import cn.wenzhou.renovation.api.model.CatalogueEntry;
import cn.wenzhou.renovation.api.model.CatalogueResponse;
import cn.wenzhou.renovation.api.model.CategoryTierCount;
import cn.wenzhou.renovation.api.model.ClassifyRequest;
import cn.wenzhou.renovation.api.model.ClassifyResponse;
import cn.wenzhou.renovation.api.model.ClassifyResult;
import cn.wenzhou.renovation.api.model.ItemCategory;
import cn.wenzhou.renovation.api.model.ItemSuggestion;
import cn.wenzhou.renovation.api.model.ItemTier;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.ruleset.CompiledRuleset;

/** The catalogue and name classification over HTTP; the items themselves come from the table. */
@RestController
class CatalogueController implements CatalogueApi {

    private static final int SUGGESTIONS = 3;

    private final CatalogueService service;

    CatalogueController(CatalogueService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<CatalogueResponse> listCatalogue(ItemCategory category, ItemTier tier) {
        CatalogueService.CatalogueView view = service.current();
        List<CatalogueItem> items = view.catalogue().items().stream()
                .filter(i -> category == null || i.getCategory().name().equals(category.getValue()))
                .filter(i -> tier == null || i.getTier().name().equals(tier.getValue()))
                .toList();
        List<CategoryTierCount> counts = new ArrayList<>();
        for (Category c : Category.values()) {
            for (Tier t : Tier.values()) {
                if ((category == null || c.name().equals(category.getValue())) && (tier == null || t.name().equals(tier.getValue()))) {
                    int count = (int) items.stream().filter(i -> i.getCategory() == c && i.getTier() == t).count();
                    counts.add(new CategoryTierCount(ItemCategory.valueOf(c.name()), c.label(), ItemTier.valueOf(t.name()),
                            t.label(), count));
                }
            }
        }
        return ResponseEntity.ok(new CatalogueResponse(view.ruleset().jurisdiction(), view.ruleset().version(),
                items.size(), counts, items.stream().map(i -> entry(view.ruleset(), i)).toList()));
    }

    @Override
    public ResponseEntity<ClassifyResponse> classifyItems(ClassifyRequest request) {
        CatalogueService.CatalogueView view = service.current();
        List<ClassifyResult> results = request.getNames().stream().map(name -> classify(view, name)).toList();
        return ResponseEntity.ok(new ClassifyResponse(view.ruleset().jurisdiction(), view.ruleset().version(), results));
    }

    private static ClassifyResult classify(CatalogueService.CatalogueView view, String name) {
        Optional<CatalogueItem> found = view.catalogue().find(name);
        if (found.isPresent()) {
            CatalogueItem item = found.get();
            boolean official = Catalogue.normalise(item.getOfficialName()).equals(Catalogue.normalise(name));
            return new ClassifyResult(name, true, List.of())
                    .matchedBy(official ? ClassifyResult.MatchedByEnum.OFFICIAL_NAME : ClassifyResult.MatchedByEnum.ALIAS)
                    .item(entry(view.ruleset(), item));
        }
        List<ItemSuggestion> suggestions = view.catalogue().closest(name, SUGGESTIONS).stream()
                .map(s -> new ItemSuggestion(s.item().getCode(), s.item().getOfficialName(),
                        BigDecimal.valueOf(s.similarity()).setScale(2, RoundingMode.HALF_UP)))
                .toList();
        return new ClassifyResult(name, false, suggestions);
    }

    private static CatalogueEntry entry(CompiledRuleset ruleset, CatalogueItem item) {
        return new CatalogueEntry(item.getCode(), ItemCategory.valueOf(item.getCategory().name()), item.getCategory().label(),
                ItemTier.valueOf(item.getTier().name()), item.getTier().label(), item.getNumber(), item.getOfficialName(),
                item.getAliases(), Reasons.clause(ruleset.clauseOf(item.getCode())
                        .orElseThrow(() -> new IllegalStateException("Item " + item.getCode() + " has no clause"))));
    }
}
