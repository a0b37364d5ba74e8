package cn.wenzhou.renovation.survey;

import cn.wenzhou.renovation.api.SurveysApi;
import cn.wenzhou.renovation.api.model.Ballot;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.ConsultationResponseForm;
import cn.wenzhou.renovation.api.model.ConsultationSurveyRequest;
import cn.wenzhou.renovation.api.model.ConsultationSurveyResponse;
import cn.wenzhou.renovation.api.model.DemandGroup;
import cn.wenzhou.renovation.api.model.ItemCategory;
import cn.wenzhou.renovation.api.model.ItemDemand;
import cn.wenzhou.renovation.api.model.ItemTier;
import cn.wenzhou.renovation.api.model.RosterEntry;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyRequest;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyResponse;
import cn.wenzhou.renovation.api.model.UnrecognisedItem;
import cn.wenzhou.renovation.api.model.VoteRound;
import cn.wenzhou.renovation.catalogue.Catalogue;
import cn.wenzhou.renovation.catalogue.CatalogueItem;
import cn.wenzhou.renovation.catalogue.CatalogueService;
import cn.wenzhou.renovation.catalogue.ItemName;
import cn.wenzhou.renovation.catalogue.ItemSuggestions;
import cn.wenzhou.renovation.consent.ConsentTallies;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.kernel.ExactShares;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annex 7 questionnaires, decided by {@link SatisfactionSurveyDecider}; and annex 1 questionnaires, aggregated: question one is a consent vote, counted by the consent rules
 * ({@link ConsentTallies}); question two is classified by the catalogue rules and counted per
 * household. Counting and ranking are arithmetic, not policy. Names and phones are never read.
 */
@RestController
class SurveyController implements SurveysApi {

    private final ConsentTallies tallies;
    private final CatalogueService catalogue;
    private final SatisfactionSurveyDecider satisfaction;
    private final RequestRulesets rulesets;
    private final ItemSuggestions suggestions;

    SurveyController(
            ConsentTallies tallies,
            CatalogueService catalogue,
            SatisfactionSurveyDecider satisfaction,
            RequestRulesets rulesets,
            ItemSuggestions suggestions) {
        this.tallies = tallies;
        this.catalogue = catalogue;
        this.satisfaction = satisfaction;
        this.rulesets = rulesets;
        this.suggestions = suggestions;
    }

    @Override
    public ResponseEntity<SatisfactionSurveyResponse> aggregateSatisfaction(
            SatisfactionSurveyRequest request, String jurisdiction) {
        return ResponseEntity.ok(satisfaction.decide(rulesets.take(jurisdiction), request));
    }

    @Override
    public ResponseEntity<ConsultationSurveyResponse> aggregateConsultation(
            ConsultationSurveyRequest request, String jurisdiction) {
        // The vote and the items are decided by one ruleset, even when an activation lands in between.
        CompiledRuleset ruleset = rulesets.take(jurisdiction);
        List<ConsultationResponseForm> forms = request.getResponses();
        ConsentTallyResponse consent = tallies.tally(ruleset, asVote(request), "", "responses");

        // Each distinct spelling is classified once by the rules, however many forms carry it.
        Set<String> texts =
                forms.stream().flatMap(f -> ticked(f).stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        CatalogueService.Classified classified = catalogue.classify(
                ruleset,
                texts.stream()
                        .map(t -> new ItemName(t, ItemName.Role.REQUESTED))
                        .toList());
        Map<String, CatalogueService.NameResult> byText = classified.names().stream()
                .collect(Collectors.toMap(n -> n.name().getText(), Function.identity(), (a, b) -> a));

        Map<CatalogueItem, Integer> households = new LinkedHashMap<>();
        Map<String, Integer> unknownHouseholds = new LinkedHashMap<>();
        Map<String, String> unknownSpelling = new LinkedHashMap<>();
        for (ConsultationResponseForm form : forms) {
            // A household ticking one item twice, in two spellings, still asked for it once.
            Set<CatalogueItem> items = new HashSet<>();
            Set<String> unknown = new HashSet<>();
            for (String text : ticked(form)) {
                CatalogueService.NameResult result = byText.get(text);
                if (result.item().isPresent()) {
                    items.add(result.item().get());
                } else {
                    String key = Catalogue.normalise(text);
                    unknownSpelling.putIfAbsent(key, text.strip());
                    unknown.add(key);
                }
            }
            items.forEach(i -> households.merge(i, 1, Integer::sum));
            unknown.forEach(k -> unknownHouseholds.merge(k, 1, Integer::sum));
        }

        List<CatalogueItem> order = classified.view().catalogue().items();
        List<ItemDemand> ranking = ranked(households, order, forms.size());
        return ResponseEntity.ok(new ConsultationSurveyResponse(
                        classified.view().ruleset().jurisdiction(),
                        classified.view().ruleset().version(),
                        forms.size(),
                        consent,
                        ranking,
                        grouped(ranking),
                        unrecognised(
                                unknownHouseholds,
                                unknownSpelling,
                                classified.view().catalogue()))
                .communityName(request.getCommunityName()));
    }

    /** Question two is optional: an explicit null is a form with nothing ticked, as when the field is left out. */
    private static List<String> ticked(ConsultationResponseForm form) {
        return form.getTickedItems() == null ? List.of() : form.getTickedItems();
    }

    /** Question one of each form is a ballot; forms not handed in are households without one. */
    private static ConsentTallyRequest asVote(ConsultationSurveyRequest request) {
        return new ConsentTallyRequest(
                        VoteRound.FIRST_CONSENT,
                        request.getVoteDate(),
                        request.getTotalExclusiveArea(),
                        request.getTotalHouseholds())
                .communityName(request.getCommunityName())
                .roster(request.getResponses().stream()
                        .map(f -> new RosterEntry(
                                f.getRoomNumber(),
                                f.getExclusiveArea(),
                                Ballot.fromValue(f.getConsent().getValue())))
                        .toList());
    }

    /** Most wanted first; ties share a rank (1, 1, 3) and keep the guide's order. */
    private static List<ItemDemand> ranked(
            Map<CatalogueItem, Integer> households, List<CatalogueItem> order, int forms) {
        List<CatalogueItem> items = new ArrayList<>(households.keySet());
        items.sort(Comparator.comparing((CatalogueItem i) -> -households.get(i)).thenComparingInt(order::indexOf));
        List<ItemDemand> ranking = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogueItem item = items.get(i);
            int count = households.get(item);
            int rank = i > 0 && households.get(items.get(i - 1)) == count
                    ? ranking.get(i - 1).getRank()
                    : i + 1;
            ranking.add(new ItemDemand(
                    rank,
                    item.getCode(),
                    item.getOfficialName(),
                    ItemCategory.valueOf(item.getCategory().name()),
                    ItemTier.valueOf(item.getTier().name()),
                    count,
                    ExactShares.of(ExactRatio.of(count, forms))));
        }
        return ranking;
    }

    private static List<DemandGroup> grouped(List<ItemDemand> ranking) {
        List<DemandGroup> groups = new ArrayList<>();
        for (cn.wenzhou.renovation.catalogue.Category category : cn.wenzhou.renovation.catalogue.Category.values()) {
            for (cn.wenzhou.renovation.catalogue.Tier tier : cn.wenzhou.renovation.catalogue.Tier.values()) {
                List<ItemDemand> items = ranking.stream()
                        .filter(d -> d.getCategory().getValue().equals(category.name())
                                && d.getTier().getValue().equals(tier.name()))
                        .toList();
                if (!items.isEmpty()) {
                    groups.add(new DemandGroup(
                            ItemCategory.valueOf(category.name()),
                            category.label(),
                            ItemTier.valueOf(tier.name()),
                            tier.label(),
                            items));
                }
            }
        }
        return groups;
    }

    private List<UnrecognisedItem> unrecognised(
            Map<String, Integer> households, Map<String, String> spelling, Catalogue catalogue) {
        return households.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new UnrecognisedItem(
                        spelling.get(e.getKey()), e.getValue(), suggestions.of(catalogue, spelling.get(e.getKey()))))
                .toList();
    }
}
