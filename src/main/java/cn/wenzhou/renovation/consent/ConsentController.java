package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.model.ConsentNoticeRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.NoticeDetails;
import cn.wenzhou.renovation.calendar.CalendarVersions;
import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import cn.wenzhou.renovation.procedure.ProcedureService;
import cn.wenzhou.renovation.procedure.PublicityFinding;
import cn.wenzhou.renovation.procedure.PublicityPeriod;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maps the generated HTTP contract to a vote (via {@link VoteIntake}) and the outcome back. No policy here:
 * whether the notice's publicity period is long enough is the procedure's publicity rule (§3.4).
 */
@RestController
class ConsentController implements ConsentApi {

    private final RequestRulesets rulesets;
    private final ConsentTallies tallies;
    private final ProcedureService procedure;
    private final CalendarVersions calendars;

    ConsentController(
            RequestRulesets rulesets, ConsentTallies tallies, ProcedureService procedure, CalendarVersions calendars) {
        this.rulesets = rulesets;
        this.tallies = tallies;
        this.procedure = procedure;
        this.calendars = calendars;
    }

    @Override
    public ResponseEntity<ConsentTallyResponse> tallyConsent(ConsentTallyRequest request, String jurisdiction) {
        return ResponseEntity.ok(tallies.decide(rulesets.take(jurisdiction), request));
    }

    @Override
    public ResponseEntity<Resource> renderConsentNotice(ConsentNoticeRequest request, String jurisdiction) {
        ConsentTallies.Tallied tallied =
                tallies.read(rulesets.take(jurisdiction), request.getTally(), "tally.", "roster");
        String communityName = request.getTally().getCommunityName();
        if (communityName == null || communityName.isBlank()) {
            throw new InvalidFieldException("tally.communityName", "公示书须写明小区名称 (the notice needs the community name)");
        }
        NoticeDetails details = request.getNotice();
        OfficialCalendar calendar = calendars.current();
        LocalDate start = calendar.requireCovered("notice.publicityStartDate", details.getPublicityStartDate());
        LocalDate end = calendar.requireCovered("notice.publicityEndDate", details.getPublicityEndDate());
        if (end.isBefore(start)) {
            throw new InvalidFieldException(
                    "notice.publicityEndDate",
                    "公示截止日 " + end + " 早于起始日 " + start + " (the publicity period ends before it starts)");
        }
        ConsentOutcome outcome = tallied.outcome();
        if (!outcome.decision().sufficient()) {
            throw new ConsentInsufficientException(outcome);
        }
        // The notice is posted on its start date; the same ruleset that tallied the vote checks the period.
        PublicityFinding publicity = procedure
                .checkPublicity(outcome.ruleset(), calendar, new PublicityPeriod(start, end))
                .finding();
        if (!publicity.longEnough()) {
            throw new InvalidFieldException("notice.publicityEndDate", publicity.message());
        }
        // The name is the caller's free text and is printed for the public: personal numbers in it are masked.
        byte[] document = PublicityNotice.render(
                PersonalDataMasking.mask(communityName.strip()),
                outcome,
                tallied.vote().roster(),
                details);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PublicityNotice.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("居民意见公示书.docx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new ByteArrayResource(document));
    }
}
