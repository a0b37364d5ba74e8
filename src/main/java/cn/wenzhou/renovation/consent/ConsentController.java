package cn.wenzhou.renovation.consent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.model.BlankBallots;
import cn.wenzhou.renovation.api.model.ConsentCounts;
import cn.wenzhou.renovation.api.model.ConsentCriterion;
import cn.wenzhou.renovation.api.model.ConsentMeasure;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.PublicityFigures;
import cn.wenzhou.renovation.api.model.RosterEntry;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.ruleset.RuleClause;
import cn.wenzhou.renovation.web.Decimals;
import cn.wenzhou.renovation.web.ExactShares;
import cn.wenzhou.renovation.web.InvalidFieldException;

/**
 * Maps the generated HTTP contract to a {@link ConsentTally} and the outcome back. Checks only that
 * the figures are possible (no more ballots than households, no more area than the building); what
 * the figures mean is for the rules. Roster names, ID numbers and phones are never read.
 */
@RestController
class ConsentController implements ConsentApi {

    private final ConsentService service;
    private final ConsentProperties properties;
    private final Clock clock;

    ConsentController(ConsentService service, ConsentProperties properties, Clock clock) {
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ConsentTallyResponse> tallyConsent(ConsentTallyRequest request) {
        ConsentTally tally = new ConsentTally();
        tally.setRound(VoteRound.valueOf(request.getRound().getValue()));
        tally.setVoteDate(pastOrToday(request.getVoteDate()));
        tally.setTotalArea(Decimals.squareMetres("totalExclusiveArea", request.getTotalExclusiveArea()));
        tally.setTotalHouseholds(request.getTotalHouseholds());

        boolean hasCounts = request.getCounts() != null;
        boolean hasRoster = request.getRoster() != null && !request.getRoster().isEmpty();
        if (hasCounts == hasRoster) {
            throw new InvalidFieldException(hasCounts ? "roster" : "counts",
                    "counts（汇总数）与 roster（逐户名册）须且只须提交其一 (give exactly one of counts or roster)");
        }
        RosterSummary roster = null;
        int entries;
        if (hasCounts) {
            addCounts(request.getCounts(), tally);
            entries = 3;
        } else {
            roster = roster(request.getRoster(), tally);
            roster.addTo(tally);
            entries = roster.size();
        }
        checkTotals(tally, entries, hasCounts ? "counts" : "roster");

        ConsentOutcome outcome = service.tally(tally);
        return ResponseEntity.ok(toResponse(request, outcome, roster));
    }

    private LocalDate pastOrToday(LocalDate voteDate) {
        LocalDate today = LocalDate.now(clock);
        if (voteDate.isAfter(today)) {
            throw new InvalidFieldException("voteDate", "表决日期 " + voteDate + " 晚于今天 " + today
                    + "：尚未举行的表决无法计票 (the vote date is in the future)");
        }
        return voteDate;
    }

    private static void addCounts(ConsentCounts counts, ConsentTally tally) {
        tally.setAgreeingHouseholds(counts.getAgreeingHouseholds());
        tally.setAgreeingArea(Decimals.squareMetres("counts.agreeingArea", counts.getAgreeingArea()));
        tally.setDisagreeingHouseholds(counts.getDisagreeingHouseholds());
        tally.setDisagreeingArea(Decimals.squareMetres("counts.disagreeingArea", counts.getDisagreeingArea()));
        tally.setBlankHouseholds(counts.getBlankHouseholds());
        tally.setBlankArea(Decimals.squareMetres("counts.blankArea", counts.getBlankArea()));
    }

    private RosterSummary roster(List<RosterEntry> entries, ConsentTally tally) {
        if (entries.size() > properties.maxRosterEntries()) {
            throw new InvalidFieldException("roster", "名册最多 " + properties.maxRosterEntries() + " 户 (roster too long)");
        }
        if (entries.size() > tally.getTotalHouseholds()) {
            throw new InvalidFieldException("roster", "名册有 " + entries.size() + " 户，多于总户数 "
                    + tally.getTotalHouseholds() + " (more households listed than in total)");
        }
        return RosterSummary.of(entries.stream()
                .map(e -> new RosterSummary.Line(e.getRoomNumber(), e.getExclusiveArea(),
                        RosterSummary.Opinion.valueOf(e.getBallot().getValue())))
                .toList());
    }

    /** Ballots cannot outnumber households, nor their areas the building beyond rounding. */
    private void checkTotals(ConsentTally tally, int entries, String field) {
        int households = tally.getAgreeingHouseholds() + tally.getDisagreeingHouseholds() + tally.getBlankHouseholds();
        if (households > tally.getTotalHouseholds()) {
            throw new InvalidFieldException(field, "同意、不同意与空白票合计 " + households + " 户，多于总户数 "
                    + tally.getTotalHouseholds() + " (more ballots than households)");
        }
        BigDecimal area = tally.getAgreeingArea().add(tally.getDisagreeingArea()).add(tally.getBlankArea());
        BigDecimal tolerance = properties.areaRoundingPerEntry().multiply(BigDecimal.valueOf(entries));
        if (area.subtract(tally.getTotalArea()).compareTo(tolerance) > 0) {
            throw new InvalidFieldException(field, "表决户面积合计 " + area.toPlainString() + " m² 超过总面积 "
                    + tally.getTotalArea().toPlainString() + " m²（允许的舍入误差 " + tolerance.stripTrailingZeros().toPlainString()
                    + " m²） (areas exceed the total)");
        }
    }

    private static ConsentTallyResponse toResponse(ConsentTallyRequest request, ConsentOutcome outcome,
            RosterSummary roster) {
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
                .criteria(outcome.criteria().stream().map(c -> criterion(c, outcome)).toList())
                .blankBallots(new BlankBallots(outcome.tally().getBlankHouseholds(), outcome.tally().getBlankArea(),
                        blanks.countedAsAgreeing(), blanks.ruleId(), blanks.message()))
                .publicity(new PublicityFigures(votes.totalArea(), votes.totalHouseholds(), votes.agreeingHouseholds(),
                        ExactShares.of(votes.share(Measure.AGREEING_HOUSEHOLDS_OF_TOTAL)), votes.agreeingArea(),
                        ExactShares.of(votes.share(Measure.AGREEING_AREA_OF_TOTAL))))
                .reasons(reasons.decidedBy(decision.ruleId(), decision.message(), outcome.supportingFindings()))
                .whyNot(reasons.of(outcome.failedCriteria()));
        // Annex 2's room summary exists only for a roster; counts have no rooms to list.
        response.setAgreeingRooms(roster == null ? null : roster.agreeingRooms(blanks.countedAsAgreeing()));
        return response;
    }

    private static ConsentCriterion criterion(CriterionResult c, ConsentOutcome outcome) {
        RuleClause clause = outcome.ruleset().clauseOf(c.ruleId())
                .orElseThrow(() -> new IllegalStateException("Rule " + c.ruleId() + " has no clause"));
        return new ConsentCriterion(c.ruleId(), cn.wenzhou.renovation.api.model.LegalBasis.valueOf(c.basis().name()),
                ConsentMeasure.valueOf(c.measure().name()), c.measure().label(), c.part(), c.whole(),
                ExactShares.of(c.share()), ExactShares.of(c.minimum()), c.passed(), Reasons.clause(clause));
    }
}
