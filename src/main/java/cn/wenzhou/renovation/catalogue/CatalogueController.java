package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.api.CatalogueApi;
import cn.wenzhou.renovation.api.model.CatalogueResponse;
import cn.wenzhou.renovation.api.model.CategoryTierCount;
import cn.wenzhou.renovation.api.model.ClassifyRequest;
import cn.wenzhou.renovation.api.model.ClassifyResponse;
import cn.wenzhou.renovation.api.model.ItemCategory;
import cn.wenzhou.renovation.api.model.ItemTier;
import cn.wenzhou.renovation.api.model.PlanCheckRequest;
import cn.wenzhou.renovation.api.model.PlanCheckResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue and name classification over HTTP; the items themselves come from the table. */
@RestController
class CatalogueController implements CatalogueApi {

    private final RequestRulesets rulesets;
    private final CatalogueService service;
    private final PlanCheckDecider plans;

    CatalogueController(RequestRulesets rulesets, CatalogueService service, PlanCheckDecider plans) {
        this.rulesets = rulesets;
        this.service = service;
        this.plans = plans;
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
                items.stream()
                        .map(i -> PlanCheckDecider.entry(view.ruleset(), i))
                        .toList()));
    }

    @Override
    public ResponseEntity<ClassifyResponse> classifyItems(ClassifyRequest request, String jurisdiction) {
        CatalogueService.Classified classified = service.classify(
                rulesets.take(jurisdiction), PlanCheckDecider.names(request.getNames(), "names", ItemName.Role.LOOKUP));
        CatalogueService.CatalogueView view = classified.view();
        return ResponseEntity.ok(new ClassifyResponse(
                view.ruleset().jurisdiction(), view.ruleset().version(), plans.results(view, classified.names())));
    }

    @Override
    public ResponseEntity<PlanCheckResponse> checkPlan(PlanCheckRequest request, String jurisdiction) {
        return ResponseEntity.ok(plans.decide(rulesets.take(jurisdiction), request));
    }
}
