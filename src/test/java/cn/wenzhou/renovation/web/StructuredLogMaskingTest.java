package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

/** A structured log line masks its message and stack trace as the plain console does, and leaves other members. */
class StructuredLogMaskingTest {

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theMessageAndStackTraceAreMaskedOtherMembersAreNot() {
        JsonWriter<Map<String, String>> ecs = JsonWriter.of(members -> {
            members.add("@timestamp", line -> line.get("@timestamp"));
            members.add("message", line -> line.get("message"));
            members.add("error").usingMembers(error -> error.add("stack_trace", line -> line.get("trace")));
            new StructuredLogMasking().customize((JsonWriter.Members) members);
        });

        String written = ecs.writeToString(Map.of(
                "@timestamp",
                "2026-03-01T08:00:00.000Z",
                "message",
                "communityName: 河滨小区（联系13957754321）",
                "trace",
                "IllegalStateException: 身份证330302800101123"));

        assertThat(written)
                .contains("\"@timestamp\":\"2026-03-01T08:00:00.000Z\"", "联系***********", "身份证***************")
                .doesNotContain("13957754321", "330302800101123");
    }
}
