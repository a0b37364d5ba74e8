package cn.wenzhou.renovation.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RuleProblem;
import cn.wenzhou.renovation.ruleset.RulesetCheck;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** The catalogue of the active ruleset: its table's rows, fired once per ruleset and kept with it. */
@Service
public class CatalogueService {

    /** The agenda group of the catalogue table's rows: they fire only when the catalogue is asked for. */
    static final String AGENDA_GROUP = "catalogue";
    private static final String TABLE = "decision-tables/catalogue/catalogue.drl.xlsx";

    private final RulesetRegistry registry;

    public CatalogueService(RulesetRegistry registry) {
        this.registry = registry;
    }

    public CatalogueView current() {
        CompiledRuleset ruleset = registry.defaultRuleset();
        return new CatalogueView(ruleset, catalogueOf(ruleset));
    }

    /** The catalogue together with the ruleset it came from, for the jurisdiction and version. */
    public record CatalogueView(CompiledRuleset ruleset, Catalogue catalogue) {
    }

    public static Catalogue catalogueOf(CompiledRuleset ruleset) {
        return ruleset.derived(Catalogue.class, r -> build(r, new ArrayList<>()));
    }

    private static Catalogue build(CompiledRuleset ruleset, List<RuleProblem> problems) {
        List<CatalogueItem> rows = ruleset.evaluate(List.of(), AGENDA_GROUP).all(CatalogueItem.class);
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
