package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.api.RulesetReviewApi;
import cn.wenzhou.renovation.api.model.RulesetReturn;
import cn.wenzhou.renovation.api.model.RulesetReviewDecision;
import cn.wenzhou.renovation.api.model.RulesetSubmissionInfo;
import cn.wenzhou.renovation.api.model.RulesetSubmissionListing;
import cn.wenzhou.renovation.api.model.RulesetSubmissionReview;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.RulesetReview;
import cn.wenzhou.renovation.ruleset.versions.RulesetSubmission;
import cn.wenzhou.renovation.web.HeavyWork;
import cn.wenzhou.renovation.web.SignedInStaff;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Submit for review, list, review, approve, return: the four-eyes path to a new version. */
@RestController
class RulesetReviewController implements RulesetReviewApi {

    private final RulesetReview review;
    private final RulesetRegistry registry;
    private final RulesetReports reports;
    private final InventoryReports inventories;
    private final HeavyWork heavyWork;

    RulesetReviewController(
            RulesetReview review,
            RulesetRegistry registry,
            RulesetReports reports,
            InventoryReports inventories,
            HeavyWork heavyWork) {
        this.review = review;
        this.registry = registry;
        this.reports = reports;
        this.inventories = inventories;
        this.heavyWork = heavyWork;
    }

    @Override
    public ResponseEntity<RulesetSubmissionReview> submitRulesetEdit(
            String jurisdiction, List<MultipartFile> files, String reason) {
        String why = required("reason", reason, "请写明修改的理由");
        return heavyWork.run(HeavyWork.Kind.VALIDATION, () -> {
            List<RuleFile> placed = reports.place(jurisdiction, files);
            RulesetReview.Submitted submitted = review.submit(jurisdiction, placed, SignedInStaff.name(), why);
            RulesetSubmissionReview body = new RulesetSubmissionReview()
                    .report(reports.report(submitted.candidate(), placed, Optional.empty()));
            submitted.submission().ifPresent(s -> body.submission(info(s)));
            return ResponseEntity.status(
                            submitted.submission().isPresent() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(body);
        });
    }

    @Override
    public ResponseEntity<RulesetSubmissionListing> listRulesetSubmissions(String jurisdiction) {
        return ResponseEntity.ok(new RulesetSubmissionListing(
                jurisdiction,
                review.submissions(jurisdiction).stream()
                        .map(RulesetReviewController::info)
                        .toList()));
    }

    @Override
    public ResponseEntity<RulesetSubmissionReview> reviewRulesetSubmission(String jurisdiction, Integer submission) {
        RulesetSubmission kept = review.submission(jurisdiction, submission);
        RulesetSubmissionReview body = new RulesetSubmissionReview().submission(info(kept));
        if (!kept.pending()) {
            return ResponseEntity.ok(body);
        }
        return heavyWork.run(
                HeavyWork.Kind.VALIDATION,
                () -> ResponseEntity.ok(body.report(
                        reports.report(review.review(jurisdiction, submission), kept.files(), Optional.empty()))));
    }

    @Override
    public ResponseEntity<RulesetSubmissionReview> approveRulesetSubmission(
            String jurisdiction, Integer submission, RulesetReviewDecision decision) {
        String comment =
                decision.getComment() == null ? null : decision.getComment().strip();
        RulesetSubmission kept = review.submission(jurisdiction, submission);
        RulesetRegistry.Activation activation = review.approve(
                jurisdiction,
                submission,
                SignedInStaff.name(),
                comment,
                Boolean.TRUE.equals(decision.getAcceptScenarioChanges()));
        RulesetSubmission now = review.submission(jurisdiction, submission);
        RulesetSubmissionReview body = new RulesetSubmissionReview()
                .submission(info(now))
                .report(reports.report(activation.candidate(), kept.files(), activation.version()));
        return ResponseEntity.status(now.pending() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(body);
    }

    @Override
    public ResponseEntity<RulesetSubmissionReview> returnRulesetSubmission(
            String jurisdiction, Integer submission, RulesetReturn returned) {
        String comment = required("comment", returned.getComment(), "请写明退回的意见：要改什么、为什么");
        return ResponseEntity.ok(new RulesetSubmissionReview()
                .submission(info(review.returnToSubmitter(jurisdiction, submission, SignedInStaff.name(), comment))));
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> downloadChangeRecord(
            String jurisdiction, Integer submission) {
        // A pending submission is compared with the rules served now: a compile, like a validation.
        RulesetReview.ChangeRecord record =
                heavyWork.run(HeavyWork.Kind.VALIDATION, () -> review.changeRecord(jurisdiction, submission));
        List<String> impact = record.rulesets()
                .flatMap(rules -> inventories.impact(jurisdiction, rules.before(), rules.after()))
                .map(InventoryReports::summaries)
                .orElse(List.of());
        String name = registry.validation(jurisdiction)
                .map(v -> v.sources().jurisdiction().name())
                .orElse(jurisdiction);
        byte[] document = ChangeRecordDocument.render(
                name,
                record,
                impact,
                ruleId -> registry.isServed(jurisdiction)
                        ? registry.active(jurisdiction).clauseOf(ruleId)
                        : Optional.empty());
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(ChangeRecordDocument.MEDIA_TYPE))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(
                                        ChangeRecordDocument.fileName(record.submission()),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new org.springframework.core.io.ByteArrayResource(document));
    }

    private static String required(String field, String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(field, message);
        }
        return text.strip();
    }

    private static RulesetSubmissionInfo info(RulesetSubmission submission) {
        RulesetSubmissionInfo info = new RulesetSubmissionInfo(
                        submission.jurisdiction(),
                        submission.number(),
                        submission.files().stream().map(RuleFile::path).toList(),
                        submission.submittedAt().atOffset(ZoneOffset.UTC),
                        submission.submittedBy(),
                        submission.reason(),
                        RulesetSubmissionInfo.StatusEnum.valueOf(
                                submission.status().name()))
                .basedOnVersion(submission.basedOnVersion());
        RulesetSubmission.Decision decision = submission.decision();
        if (decision != null) {
            info.decidedAt(decision.at().atOffset(ZoneOffset.UTC))
                    .decidedBy(decision.by())
                    .decisionComment(decision.comment())
                    .version(decision.version());
        }
        return info;
    }
}
