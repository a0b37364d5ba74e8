package cn.wenzhou.renovation.survey;

import cn.wenzhou.renovation.api.SurveysApi;
import cn.wenzhou.renovation.api.model.SatisfactionForm;
import cn.wenzhou.renovation.api.model.SatisfactionRate;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyRequest;
import cn.wenzhou.renovation.api.model.SatisfactionSurveyResponse;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.kernel.ExactShares;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Annex 7 questionnaires counted per question, with the satisfaction rate the table defines, under the ruleset the
 * caller took. Counting is arithmetic, not policy; which answers count as satisfied is the table's. Names and phones
 * are never read.
 */
@Component
class SatisfactionSurveyDecider implements Decider<SatisfactionSurveyRequest, SatisfactionSurveyResponse> {

    private final SatisfactionService satisfaction;

    SatisfactionSurveyDecider(SatisfactionService satisfaction) {
        this.satisfaction = satisfaction;
    }

    @Override
    public String path() {
        return SurveysApi.PATH_AGGREGATE_SATISFACTION;
    }

    @Override
    public Class<SatisfactionSurveyRequest> requestType() {
        return SatisfactionSurveyRequest.class;
    }

    @Override
    public SatisfactionSurveyResponse decide(CompiledRuleset ruleset, SatisfactionSurveyRequest request) {
        List<SatisfactionForm> forms = request.getResponses();
        SatisfactionService.Definition definition = satisfaction.of(ruleset);
        List<SatisfactionForm> answered =
                forms.stream().filter(f -> f.getSatisfaction() != null).toList();
        long satisfied = answered.stream()
                .filter(f -> definition
                        .satisfied()
                        .answers()
                        .contains(SatisfactionAnswer.valueOf(f.getSatisfaction().getValue())))
                .count();
        RuleClause clause = ruleset.clauseOf(definition.ruleId()).orElseThrow();
        SatisfactionRate rate = new SatisfactionRate(
                (int) satisfied,
                answered.size(),
                ExactShares.of(ExactRatio.of(satisfied, answered.size())),
                definition.satisfied().answers().stream()
                        .sorted()
                        .map(Enum::name)
                        .toList(),
                Reasons.clause(clause));
        // Comments are free text: personal numbers in them are masked as the answer is written
        // (FreeTextMaskingConfiguration).
        List<String> comments = forms.stream()
                .map(SatisfactionForm::getComments)
                .filter(c -> c != null && !c.isBlank())
                .map(String::strip)
                .toList();
        return new SatisfactionSurveyResponse(
                        ruleset.jurisdiction(),
                        ruleset.version(),
                        forms.size(),
                        SatisfactionQuestions.distributions(forms),
                        rate,
                        comments)
                .communityName(request.getCommunityName());
    }
}
