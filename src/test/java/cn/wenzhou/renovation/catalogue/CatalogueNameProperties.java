package cn.wenzhou.renovation.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §2 (改造内容) and annex 1: what holds whatever the catalogue table lists. Names are drawn from the
 * compiled catalogue (official names, aliases, both as a form may decorate them, and names one character
 * off); the table's own rows are checked against the guide's text in {@link CatalogueRulesTest} and its
 * particular answers pinned once, in the golden cases ({@code decision-tables/catalogue/catalogue.cases.xlsx}).
 */
class CatalogueNameProperties {

    private static final String OFFICIAL = "CAT-CLASSIFY-OFFICIAL-NAME";
    private static final String ALIAS = "CAT-CLASSIFY-ALIAS";
    private static final String NOT_IN_CATALOGUE = "CAT-CLASSIFY-NOT-IN-CATALOGUE";

    private static CompiledRuleset ruleset;
    private static Catalogue catalogue;
    /** Every name the catalogue answers to, normalised: what a name one character off must avoid. */
    private static Set<String> knownKeys;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
        catalogue = new CatalogueService().view(ruleset).catalogue();
        knownKeys = new HashSet<>();
        catalogue.items().forEach(item -> {
            knownKeys.add(Catalogue.normalise(item.getOfficialName()));
            item.getAliases().forEach(alias -> knownKeys.add(Catalogue.normalise(alias)));
        });
    }

    /** How a written name was made from its source item. */
    enum How {
        OFFICIAL_NAME,
        ALIAS,
        ONE_CHARACTER_OFF
    }

    /** One name as written on a form, the item it was made from, and how. */
    record Written(String text, CatalogueItem source, How how) {

        /** The item the name should resolve to: none for a name one character off. */
        Optional<String> expectedCode() {
            return how == How.ONE_CHARACTER_OFF ? Optional.empty() : Optional.of(source.getCode());
        }

        @Override
        public String toString() {
            return "\"" + text + "\" (" + how + " of " + source.getCode() + ")";
        }
    }

    @Property(tries = 300)
    void aWrittenNameResolvesToItsItemWhateverTheNumberingSpacesAndWidth(@ForAll("known") Written written) {
        CatalogueService.NameResult result = lookUp(List.of(written)).names().get(0);

        assertThat(result.classification().ruleId())
                .as(written.toString())
                .isEqualTo(written.how() == How.ALIAS ? ALIAS : OFFICIAL);
        assertThat(result.classification().byAlias()).isEqualTo(written.how() == How.ALIAS);
        assertThat(result.item()).map(CatalogueItem::getCode).isEqualTo(written.expectedCode());
    }

    @Property(tries = 300)
    void aNameOneCharacterOffIsNeverGuessedButItsItemIsSuggested(@ForAll("unknown") Written written) {
        CatalogueService.NameResult result = lookUp(List.of(written)).names().get(0);

        assertThat(result.classification().ruleId()).as(written.toString()).isEqualTo(NOT_IN_CATALOGUE);
        assertThat(result.classification().isMatched()).isFalse();
        assertThat(result.item()).isEmpty();
        assertThat(catalogue.closest(written.text(), 3))
                .as(written.toString())
                .extracting(s -> s.item().getCode())
                .contains(written.source().getCode());
    }

    @Property(tries = 300)
    void suggestionsAreAtMostAsManyAsAskedMostAlikeFirst(
            @ForAll("anyName") Written written, @ForAll("counts") int count) {
        List<Catalogue.Suggestion> suggestions = catalogue.closest(written.text(), count);

        assertThat(suggestions).hasSizeLessThanOrEqualTo(count);
        assertThat(suggestions)
                .extracting(Catalogue.Suggestion::similarity)
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        if (written.how() == How.OFFICIAL_NAME) {
            assertThat(suggestions.get(0).item().getCode())
                    .isEqualTo(written.source().getCode());
            assertThat(suggestions.get(0).similarity()).isEqualTo(1.0);
        }
    }

    @Property(tries = 300)
    void everyNameGetsItsOwnAnswerInTheOrderGiven(@ForAll("names") List<Written> names) {
        List<CatalogueService.NameResult> results = lookUp(names).names();

        assertThat(results)
                .extracting(r -> r.name().getText())
                .containsExactlyElementsOf(names.stream().map(Written::text).toList());
        for (int i = 0; i < names.size(); i++) {
            assertThat(results.get(i).item().map(CatalogueItem::getCode))
                    .as(names.get(i).toString())
                    .isEqualTo(names.get(i).expectedCode());
            assertCitesClause(results.get(i).classification().ruleId());
        }
    }

    /**
     * 从保基本开始: one warning for each basic item the residents asked for and the plan leaves out, beside
     * each enhancement item of its category the plan has; none for an improvement item, another category,
     * a basic that is planned or not asked for, an unknown name; however often and however spelled.
     */
    @Property(tries = 300)
    void warnsOnceForEachRequestedBasicLeftOutBesideAPlannedEnhancementOfItsCategory(@ForAll("plans") Plan plan) {
        CatalogueService.Classified classified = classify(plan.names());
        Set<String> plannedCodes = codes(plan.planned());
        Set<List<String>> expected = new LinkedHashSet<>();
        for (CatalogueItem enhancement : items(plan.planned())) {
            for (CatalogueItem basic : items(plan.requested())) {
                if (enhancement.getTier() == Tier.ENHANCEMENT
                        && basic.getTier() == Tier.BASIC
                        && basic.getCategory() == enhancement.getCategory()
                        && !plannedCodes.contains(basic.getCode())) {
                    expected.add(List.of(enhancement.getCategory().name(), basic.getCode(), enhancement.getCode()));
                }
            }
        }

        assertThat(classified.warnings())
                .as(plan.toString())
                .extracting(w -> List.of(w.category().name(), w.missingBasicCode(), w.enhancementCode()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(classified.warnings()).allSatisfy(w -> {
            assertCitesClause(w.ruleId());
            assertThat(w.message())
                    .contains(
                            catalogue.byCode(w.missingBasicCode()).orElseThrow().getOfficialName(),
                            catalogue.byCode(w.enhancementCode()).orElseThrow().getOfficialName());
        });
    }

    // --- generated names -------------------------------------------------------------------------

    record Plan(List<Written> planned, List<Written> requested) {

        List<ItemName> names() {
            List<ItemName> names = new ArrayList<>();
            planned.forEach(w -> names.add(new ItemName(w.text(), ItemName.Role.PLANNED)));
            requested.forEach(w -> names.add(new ItemName(w.text(), ItemName.Role.REQUESTED)));
            return names;
        }
    }

    /** An official name or an alias of any item, as a form may number, space, punctuate and widen it. */
    @Provide
    Arbitrary<Written> known() {
        return Arbitraries.of(catalogue.items()).flatMap(CatalogueNameProperties::knownNameOf);
    }

    /** An item's official name with one character replaced, so that it names no item. */
    @Provide
    Arbitrary<Written> unknown() {
        return Arbitraries.of(catalogue.items()).flatMap(item -> {
            String name = item.getOfficialName();
            return Combinators.combine(
                            Arbitraries.integers().between(0, name.length() - 1),
                            Arbitraries.chars().range('\u4e00', '\u9fa5'))
                    .as((at, c) -> name.substring(0, at) + c + name.substring(at + 1))
                    .filter(text -> !knownKeys.contains(Catalogue.normalise(text)))
                    .map(text -> new Written(text, item, How.ONE_CHARACTER_OFF));
        });
    }

    @Provide
    Arbitrary<Written> anyName() {
        return Arbitraries.oneOf(known(), unknown());
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 60);
    }

    /** Up to eight names, known or not, and now and then the same name twice. */
    @Provide
    Arbitrary<List<Written>> names() {
        return Arbitraries.frequencyOf(Tuple.of(3, known()), Tuple.of(1, unknown()))
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .flatMap(list -> Arbitraries.of(false, true).map(twice -> {
                    List<Written> names = new ArrayList<>(list);
                    if (twice) {
                        names.add(list.get(0));
                    }
                    return names;
                }));
    }

    /** Names mostly from one category, so that enhancements and basics meet; sometimes an unknown name. */
    @Provide
    Arbitrary<Plan> plans() {
        return Arbitraries.of(Category.values()).flatMap(category -> {
            List<CatalogueItem> ofCategory = catalogue.items().stream()
                    .filter(i -> i.getCategory() == category)
                    .toList();
            Arbitrary<Written> name = Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(ofCategory).flatMap(CatalogueNameProperties::knownNameOf)),
                    Tuple.of(2, known()),
                    Tuple.of(1, unknown()));
            Arbitrary<List<Written>> some = name.list().ofMaxSize(5);
            return Combinators.combine(some, some).as(Plan::new);
        });
    }

    private static Arbitrary<Written> knownNameOf(CatalogueItem item) {
        Stream<Written> official = Stream.of(new Written(item.getOfficialName(), item, How.OFFICIAL_NAME));
        Stream<Written> aliases = item.getAliases().stream().map(a -> new Written(a, item, How.ALIAS));
        List<Written> names = Stream.concat(official, aliases).toList();
        String number = item.getNumber() == null ? "1.1" : item.getNumber();
        Arbitrary<String> prefixes =
                Arbitraries.of("", " ", "\u3000", "（2）", "(2) ", number, number + " ", "3、", "一、", "□", "√ ");
        Arbitrary<String> suffixes = Arbitraries.of("", "。", " ", "\u3000", "；", "，");
        return Combinators.combine(Arbitraries.of(names), prefixes, suffixes, Arbitraries.of(false, true))
                .as((written, prefix, suffix, halfWidth) -> {
                    String text = written.text();
                    if (halfWidth) {
                        text = text.replace('（', '(').replace('）', ')').replace('，', ',');
                    }
                    return new Written(prefix + text + suffix, written.source(), written.how());
                });
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static CatalogueService.Classified lookUp(List<Written> names) {
        return classify(names.stream()
                .map(w -> new ItemName(w.text(), ItemName.Role.LOOKUP))
                .toList());
    }

    private static CatalogueService.Classified classify(List<ItemName> names) {
        return new CatalogueService().classify(ruleset, names);
    }

    private static List<CatalogueItem> items(List<Written> names) {
        return names.stream()
                .flatMap(w -> w.expectedCode().stream())
                .map(code -> catalogue.byCode(code).orElseThrow())
                .toList();
    }

    private static Set<String> codes(List<Written> names) {
        Set<String> codes = new HashSet<>();
        items(names).forEach(i -> codes.add(i.getCode()));
        return codes;
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
