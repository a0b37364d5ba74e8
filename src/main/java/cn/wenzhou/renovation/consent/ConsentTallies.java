package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.model.BlankBallots;
import cn.wenzhou.renovation.api.model.ConsentCriterion;
import cn.wenzhou.renovation.api.model.ConsentMeasure;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.PublicityFigures;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryColumn.Kind;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.ExactShares;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A vote in the API's terms, read, tallied by the consent rules and answered: the one way every
 * endpoint that counts residents' consent (the tally, the notice, the annex-1 survey) does it.
 */
@Component
public class ConsentTallies implements Decider<ConsentTallyRequest, ConsentTallyResponse> {

    private final VoteIntake intake;

    public ConsentTallies(ConsentProperties properties, Clock clock) {
        this.intake = new VoteIntake(properties, clock);
    }

    record Tallied(VoteIntake.Vote vote, ConsentOutcome outcome) {}

    /** The consent endpoint's own question: a vote with its {@code roster}, field names from the body's root. */
    @Override
    public String path() {
        return ConsentApi.PATH_TALLY_CONSENT;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("consent");
    }

    @Override
    public Optional<InventoryPart<ConsentTallyResponse>> inventoryPart() {
        return Optional.of(new InventoryPart<>(
                List.of(
                        InventoryColumn.choice("round", "表决轮次", List.of("FIRST_CONSENT", "DESIGN_PLAN")),
                        InventoryColumn.of("voteDate", "表决日期", Kind.DATE),
                        InventoryColumn.of("totalExclusiveArea", "专有部分总面积（m²）", Kind.DECIMAL),
                        InventoryColumn.of("totalHouseholds", "总户数", Kind.INTEGER),
                        InventoryColumn.of("counts.agreeingHouseholds", "同意户数", Kind.INTEGER),
                        InventoryColumn.of("counts.agreeingArea", "同意面积（m²）", Kind.DECIMAL),
                        InventoryColumn.of("counts.disagreeingHouseholds", "不同意户数", Kind.INTEGER),
                        InventoryColumn.of("counts.disagreeingArea", "不同意面积（m²）", Kind.DECIMAL),
                        InventoryColumn.of("counts.blankHouseholds", "弃权（空白票）户数", Kind.INTEGER),
                        InventoryColumn.of("counts.blankArea", "弃权（空白票）面积（m²）", Kind.DECIMAL)),
                "表决结论",
                ConsentTallyResponse::getDecisionLabel,
                answer -> Reasons.andWhyNot(answer.getReasons(), answer.getWhyNot())));
    }

    @Override
    public Class<ConsentTallyRequest> requestType() {
        return ConsentTallyRequest.class;
    }

    @Override
    public ConsentTallyResponse decide(CompiledRuleset ruleset, ConsentTallyRequest request) {
        return tally(ruleset, request, "", "roster");
    }

    /**
     * @param prefix      the vote's JSON path within the request body, for field names in problems
     * @param rosterField what the caller's body calls the list of households (roster, responses)
     */
    public ConsentTallyResponse tally(
            CompiledRuleset ruleset, ConsentTallyRequest request, String prefix, String rosterField) {
        Tallied tallied = read(ruleset, request, prefix, rosterField);
        return toResponse(request, tallied.outcome(), tallied.vote().roster());
    }

    Tallied read(CompiledRuleset ruleset, ConsentTallyRequest request, String prefix, String rosterField) {
        VoteIntake.Vote vote = intake.read(request, prefix, rosterField);
        return new Tallied(vote, ConsentService.tally(ruleset, vote.tally()));
    }

    private static ConsentTallyResponse toResponse(
            ConsentTallyRequest request, ConsentOutcome outcome, RosterSummary roster) {
        Reasons reasons = new Reasons(outcome.ruleset());
        ConsentDecision decision = outcome.decision();
        CountedVotes votes = outcome.votes();
        BlankBallotTreatment blanks = outcome.blankBallots();
        ConsentTallyResponse response = new ConsentTallyResponse()
                .jurisdiction(outcome.ruleset().jurisdiction())
                .rulesetVersion(outcome.ruleset().version())
                .communityName(request.getCommunityName())
                .round(request.getRound())
                .voteDate(outcome.tally().getVoteDate())
                .sufficient(decision.sufficient())
                .decisionLabel(decision.message())
                .criteria(outcome.criteria().stream()
                        .map(c -> criterion(c, outcome))
                        .toList())
                .blankBallots(new BlankBallots(
                        outcome.tally().getBlankHouseholds(),
                        outcome.tally().getBlankArea(),
                        blanks.countedAsAgreeing(),
                        blanks.ruleId(),
                        blanks.message()))
                .publicity(new PublicityFigures(
                        votes.totalArea(),
                        votes.totalHouseholds(),
                        votes.agreeingHouseholds(),
                        ExactShares.of(votes.share(Measure.AGREEING_HOUSEHOLDS_OF_TOTAL)),
                        votes.agreeingArea(),
                        ExactShares.of(votes.share(Measure.AGREEING_AREA_OF_TOTAL))))
                .reasons(reasons.decidedBy(decision.ruleId(), decision.message(), outcome.supportingFindings()))
                .whyNot(reasons.of(outcome.failedCriteria()));
        // Annex 2's room summary exists only for a roster; counts have no rooms to list.
        response.setAgreeingRooms(roster == null ? null : roster.agreeingRooms(blanks.countedAsAgreeing()));
        return response;
    }

    private static ConsentCriterion criterion(CriterionResult c, ConsentOutcome outcome) {
        RuleClause clause = outcome.ruleset()
                .clauseOf(c.ruleId())
                .orElseThrow(() -> new IllegalStateException("Rule " + c.ruleId() + " has no clause"));
        return new ConsentCriterion(
                c.ruleId(),
                cn.wenzhou.renovation.api.model.LegalBasis.valueOf(c.basis().name()),
                ConsentMeasure.valueOf(c.measure().name()),
                c.measure().label(),
                c.part(),
                c.whole(),
                ExactShares.of(c.share()),
                ExactShares.of(c.minimum()),
                c.passed(),
                Reasons.clause(clause));
    }
}
