package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** A submission as one JSON document (its files as Base64), the same in a folder and in a database row. */
final class SubmissionRecords {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Stored(
            String jurisdiction,
            int number,
            List<StoredFile> files,
            Integer basedOnVersion,
            Instant submittedAt,
            String submittedBy,
            String reason,
            RulesetSubmission.Status status,
            RulesetSubmission.Decision decision) {}

    private record StoredFile(String path, String contentBase64) {}

    private SubmissionRecords() {}

    static byte[] write(RulesetSubmission submission) {
        Stored stored = new Stored(
                submission.jurisdiction(),
                submission.number(),
                submission.files().stream()
                        .map(f -> new StoredFile(f.path(), Base64.getEncoder().encodeToString(f.content())))
                        .toList(),
                submission.basedOnVersion(),
                submission.submittedAt(),
                submission.submittedBy(),
                submission.reason(),
                submission.status(),
                submission.decision());
        try {
            return JSON.writeValueAsBytes(stored);
        } catch (IOException e) {
            throw new IllegalStateException("a submission is plain data", e);
        }
    }

    /** The submission, or an exception naming what is wrong with the record. */
    static RulesetSubmission read(byte[] record) throws IOException {
        Stored stored = JSON.readValue(record, Stored.class);
        if (stored.jurisdiction() == null
                || stored.files() == null
                || stored.submittedAt() == null
                || stored.submittedBy() == null
                || stored.status() == null) {
            throw new IOException("incomplete submission record");
        }
        return new RulesetSubmission(
                stored.jurisdiction(),
                stored.number(),
                stored.files().stream()
                        .map(f -> new RuleFile(f.path(), Base64.getDecoder().decode(f.contentBase64())))
                        .toList(),
                stored.basedOnVersion(),
                stored.submittedAt(),
                stored.submittedBy(),
                stored.reason(),
                stored.status(),
                stored.decision());
    }
}
