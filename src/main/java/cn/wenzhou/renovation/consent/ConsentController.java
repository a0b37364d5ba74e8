package cn.wenzhou.renovation.consent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.model.BlankBallots;
import cn.wenzhou.renovation.api.model.ConsentCriterion;
import cn.wenzhou.renovation.api.model.ConsentMeasure;
import cn.wenzhou.renovation.api.model.ConsentNoticeRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.NoticeDetails;
import cn.wenzhou.renovation.api.model.PublicityFigures;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.ruleset.RuleClause;
import cn.wenzhou.renovation.web.ExactShares;
import cn.wenzhou.renovation.web.InvalidFieldException;

/** Maps the generated HTTP contract to a vote (via {@link VoteIntake}) and the outcome back. No policy here. */
@RestController
class ConsentController implements ConsentApi {

    private final ConsentService service;
    private final VoteIntake intake;

    ConsentController(ConsentService service, ConsentProperties properties, Clock clock) {
        this.service = service;
        this.intake = new VoteIntake(properties, clock);
    }

    @Override
    public ResponseEntity<ConsentTallyResponse> tallyConsent(ConsentTallyRequest request) {
        VoteIntake.Vote vote = intake.read(request, "");
        ConsentOutcome outcome = service.tally(vote.tally());
        return ResponseEntity.ok(toResponse(request, outcome, vote.roster()));
    }

    @Override
    public ResponseEntity<Resource> renderConsentNotice(ConsentNoticeRequest request) {
        VoteIntake.Vote vote = intake.read(request.getTally(), "tally.");
        String communityName = request.getTally().getCommunityName();
        if (communityName == null || communityName.isBlank()) {
            throw new InvalidFieldException("tally.communityName", "公示书须写明小区名称 (the notice needs the community name)");
        }
        NoticeDetails details = request.getNotice();
        if (details.getPublicityEndDate().isBefore(details.getPublicityStartDate())) {
            throw new InvalidFieldException("notice.publicityEndDate", "公示截止日 " + details.getPublicityEndDate()
                    + " 早于起始日 " + details.getPublicityStartDate() + " (the publicity period ends before it starts)");
        }
        ConsentOutcome outcome = service.tally(vote.tally());
        if (!outcome.decision().sufficient()) {
            throw new ConsentInsufficientException(outcome);
        }
        byte[] document = PublicityNotice.render(communityName.strip(), outcome, vote.roster(), details);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PublicityNotice.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("居民意见公示书.docx", StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(document));
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
