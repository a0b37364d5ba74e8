package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The catalogue of a given ruleset: its table's rows, fired once per ruleset and kept with it. */
@Service
public class CatalogueService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(CatalogueService.class);

    /** The agenda group of the catalogue table's rows: they fire only when the catalogue is asked for. */
    static final String AGENDA_GROUP = "catalogue";

    private static final String TABLE = "decision-tables/catalogue/renovation-items.xlsx";

    public CatalogueView view(CompiledRuleset ruleset) {
        return new CatalogueView(ruleset, catalogueOf(ruleset));
    }

    /** The catalogue together with the ruleset it came from, for the jurisdiction and version. */
    public record CatalogueView(CompiledRuleset ruleset, Catalogue catalogue) {}

    /** One name and what the classification rules made of it. */
    public record NameResult(ItemName name, Classification classification, Optional<CatalogueItem> item) {}

    /** The outcome of classifying names, and for a plan its warnings, with the ruleset that decided. */
    public record Classified(CatalogueView view, List<NameResult> names, List<PlanWarning> warnings) {

        public List<NameResult> withRole(ItemName.Role role) {
            return names.stream().filter(n -> n.name().getRole() == role).toList();
        }
    }

    /** Classifies names (and checks a plan, when planned and requested names are given) in one session. */
    public Classified classify(CompiledRuleset ruleset, List<ItemName> names) {
        CatalogueView view = view(ruleset);
        record Answered(List<Classification> classifications, List<PlanWarning> warnings) {}
        Answered answered = view.ruleset()
                .answer(
                        CAPABILITY,
                        names,
                        AGENDA_GROUP,
                        answers -> new Answered(
                                answers.all("classifications", Classification.class),
                                answers.all("plan warnings", PlanWarning.class)));
        Map<ItemName, Classification> byName = new IdentityHashMap<>();
        for (Classification c : answered.classifications()) {
            Classification earlier = byName.putIfAbsent(c.name(), c);
            if (earlier != null) {
                throw new IllegalStateException("Name '" + c.name().getText() + "' classified twice: "
                        + earlier.ruleId() + " and " + c.ruleId());
            }
        }
        List<NameResult> results = names.stream()
                .map(n -> {
                    Classification c = byName.get(n);
                    if (c == null) {
                        throw new IllegalStateException("No classification rule decided on '" + n.getText() + "'");
                    }
                    return new NameResult(
                            n, c, c.isMatched() ? view.catalogue().byCode(c.itemCode()) : Optional.empty());
                })
                .toList();
        List<PlanWarning> warnings = answered.warnings().stream()
                .distinct()
                .sorted(Comparator.comparing(PlanWarning::category)
                        .thenComparing(PlanWarning::missingBasicCode)
                        .thenComparing(PlanWarning::enhancementCode))
                .toList();
        return new Classified(view, results, warnings);
    }

    public static Catalogue catalogueOf(CompiledRuleset ruleset) {
        return ruleset.derived(Catalogue.class, r -> build(r, new ArrayList<>()));
    }

    private static Catalogue build(CompiledRuleset ruleset, List<RuleProblem> problems) {
        List<CatalogueItem> rows = ruleset.answer(
                CAPABILITY, List.of(), AGENDA_GROUP, answers -> answers.all("catalogue items", CatalogueItem.class));
        return Catalogue.of(rows, problems, TABLE);
    }

    /** Refuses a ruleset whose catalogue is empty or lets one name mean two items. */
    @org.springframework.stereotype.Component
    static class Check implements RulesetCheck {

        @Override
        public List<RuleProblem> check(CompiledRuleset ruleset) {
            List<RuleProblem> problems = new ArrayList<>();
            Catalogue catalogue = build(ruleset, problems);
            if (catalogue.items().isEmpty()) {
                problems.add(RuleProblem.inFile(TABLE, "改造内容清单没有任何项目"));
            }
            return problems;
        }
    }
}
