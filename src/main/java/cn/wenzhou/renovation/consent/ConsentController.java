package cn.wenzhou.renovation.consent;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.model.ConsentNoticeRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.NoticeDetails;
import cn.wenzhou.renovation.web.InvalidFieldException;
import cn.wenzhou.renovation.web.PersonalDataMasking;

/** Maps the generated HTTP contract to a vote (via {@link VoteIntake}) and the outcome back. No policy here. */
@RestController
class ConsentController implements ConsentApi {

    private final ConsentTallies tallies;

    ConsentController(ConsentTallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public ResponseEntity<ConsentTallyResponse> tallyConsent(ConsentTallyRequest request, String jurisdiction) {
        return ResponseEntity.ok(tallies.tally(jurisdiction, request, "", "roster"));
    }

    @Override
    public ResponseEntity<Resource> renderConsentNotice(ConsentNoticeRequest request, String jurisdiction) {
        ConsentTallies.Tallied tallied = tallies.read(jurisdiction, request.getTally(), "tally.", "roster");
        String communityName = request.getTally().getCommunityName();
        if (communityName == null || communityName.isBlank()) {
            throw new InvalidFieldException("tally.communityName", "公示书须写明小区名称 (the notice needs the community name)");
        }
        NoticeDetails details = request.getNotice();
        if (details.getPublicityEndDate().isBefore(details.getPublicityStartDate())) {
            throw new InvalidFieldException("notice.publicityEndDate", "公示截止日 " + details.getPublicityEndDate()
                    + " 早于起始日 " + details.getPublicityStartDate() + " (the publicity period ends before it starts)");
        }
        ConsentOutcome outcome = tallied.outcome();
        if (!outcome.decision().sufficient()) {
            throw new ConsentInsufficientException(outcome);
        }
        // The name is the caller's free text and is printed for the public: personal numbers in it are masked.
        byte[] document = PublicityNotice.render(PersonalDataMasking.mask(communityName.strip()), outcome, tallied.vote().roster(), details);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PublicityNotice.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("居民意见公示书.docx", StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(document));
    }

}
