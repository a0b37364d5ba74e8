package cn.wenzhou.renovation.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.api.model.SatisfactionForm;
import cn.wenzhou.renovation.api.model.SatisfactionForm.SatisfactionEnum;
import cn.wenzhou.renovation.api.model.SatisfactionRate;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyRequest;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyResponse;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Annex 7 question 8's satisfaction rate over generated piles of forms, counted by the survey's decider with
 * the repository's compiled rules: what holds whatever the survey table counts as satisfied. Which
 * answers it counts is pinned once, in {@code scenarios/wenzhou/survey/annex-7-satisfaction-rate.scesim};
 * here it is read from the ruleset's parameter row.
 */
class SatisfactionRateProperties {

    private static CompiledRuleset ruleset;
    private static Set<String> counted;
    private static SatisfactionSurveyDecider decider;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = SatisfactionRulesTest.compile(Path.of("rules"), Path.of("decision-tables"));
        counted = ruleset.parameters(SatisfactionService.CAPABILITY).stream()
                .filter(SatisfiedAnswers.class::isInstance)
                .flatMap(p -> ((SatisfiedAnswers) p).answers().stream())
                .map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());
        decider = new SatisfactionSurveyDecider(new SatisfactionService());
    }

    @Property(tries = 300)
    void countsTheAnsweredFormsWhoseAnswerTheRulesetCountsAsSatisfied(@ForAll("forms") List<SatisfactionForm> forms) {
        SatisfactionSurveyResponse response = aggregate(forms);
        SatisfactionRate rate = response.getSatisfactionRate();
        long answered = forms.stream().filter(f -> f.getSatisfaction() != null).count();
        long satisfied = forms.stream()
                .filter(f -> f.getSatisfaction() != null
                        && counted.contains(f.getSatisfaction().getValue()))
                .count();

        assertThat(response.getResponses()).isEqualTo(forms.size());
        assertThat(rate.getAnswered()).isEqualTo((int) answered);
        assertThat(rate.getSatisfied()).isEqualTo((int) satisfied);
        assertThat(rate.getRate().getFraction())
                .isEqualTo(ExactRatio.of(satisfied, answered).fraction());
        assertThat(rate.getSatisfiedAnswers()).containsExactlyInAnyOrderElementsOf(counted);
    }

    /** A form that answers question 8 one way or another: a counted answer never lowers the rate, an uncounted one never raises it. */
    @Property(tries = 300)
    void oneAnswerChangedMovesTheRateOnlyTheWayItsCountingSays(
            @ForAll("forms") List<SatisfactionForm> forms,
            @ForAll SatisfactionEnum before,
            @ForAll SatisfactionEnum after) {
        SatisfactionRate was = aggregate(with(forms, before)).getSatisfactionRate();
        SatisfactionRate is = aggregate(with(forms, after)).getSatisfactionRate();
        ExactRatio wasRate = ExactRatio.of(was.getSatisfied(), was.getAnswered());
        ExactRatio isRate = ExactRatio.of(is.getSatisfied(), is.getAnswered());

        assertThat(is.getAnswered()).isEqualTo(was.getAnswered());
        if (counted.contains(after.getValue())) {
            assertThat(isRate.isAtLeast(wasRate)).as(was + " → " + is).isTrue();
        } else {
            assertThat(wasRate.isAtLeast(isRate)).as(was + " → " + is).isTrue();
        }
        if (counted.contains(after.getValue()) && !counted.contains(before.getValue())) {
            assertThat(is.getSatisfied()).isEqualTo(was.getSatisfied() + 1);
        }
    }

    @Property(tries = 300)
    void aFormLeavingQuestionEightBlankLeavesTheRateAsItWas(@ForAll("forms") List<SatisfactionForm> forms) {
        SatisfactionRate without = aggregate(forms).getSatisfactionRate();
        SatisfactionRate with = aggregate(with(forms, null)).getSatisfactionRate();

        assertThat(with.getSatisfied()).isEqualTo(without.getSatisfied());
        assertThat(with.getAnswered()).isEqualTo(without.getAnswered());
        assertThat(with.getRate()).isEqualTo(without.getRate());
    }

    @Property(tries = 100)
    void theRateCitesTheClauseOfTheRowThatDefinesIt(@ForAll("forms") List<SatisfactionForm> forms) {
        RuleClause row = ruleset.clauseOf(SatisfactionService.RULE_ID).orElseThrow();

        var clause = aggregate(forms).getSatisfactionRate().getClause();

        assertThat(clause.getSection()).isNotBlank().isEqualTo(row.section());
        assertThat(clause.getQuote()).isNotBlank().isEqualTo(row.quote());
    }

    // --- generated forms -----------------------------------------------------------------------

    /** Up to 40 forms; about one in five leaves question 8 blank. */
    @Provide
    Arbitrary<List<SatisfactionForm>> forms() {
        return Arbitraries.of(SatisfactionEnum.class)
                .injectNull(0.2)
                .map(answer -> new SatisfactionForm().satisfaction(answer))
                .list()
                .ofMaxSize(40);
    }

    private static List<SatisfactionForm> with(List<SatisfactionForm> forms, SatisfactionEnum answer) {
        List<SatisfactionForm> more = new ArrayList<>(forms);
        more.add(new SatisfactionForm().satisfaction(answer));
        return more;
    }

    private static SatisfactionSurveyResponse aggregate(List<SatisfactionForm> forms) {
        return decider.decide(ruleset, new SatisfactionSurveyRequest(forms));
    }
}
