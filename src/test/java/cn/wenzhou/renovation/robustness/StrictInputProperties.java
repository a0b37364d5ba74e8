package cn.wenzhou.renovation.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Over real HTTP, each JSON endpoint's spec example with one thing that must not be read loosely: a blank,
 * tab or NUL string in a field the spec types as a number, flag, enum or date; one key given twice; or content
 * after the closing brace. Every answer is a 400 problem naming exactly that field (the body for trailing
 * content), and no answer names a Java class. A batch reads each item on its own, so a bad value inside an
 * item is that item's 400 problem in the batch's answer.
 */
class StrictInputProperties {

    private static final int TRIES = 150;
    private static final String BATCH = "/api/v1/assessments/batch";
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(java|javax|jakarta|com|org|cn)\\.[a-z]\\w*\\.|`|JsonToken|\\bclass\\b");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigurableApplicationContext service;
    private static URI base;
    private static Map<String, JsonNode> examples;
    private static JsonNode spec;

    @BeforeContainer
    static void startService() throws IOException {
        service = new SpringApplicationBuilder(RenovationDecisionServiceApplication.class)
                .properties(
                        "server.port=0",
                        "logging.level.renovation.requests=WARN",
                        "renovation.data-dir=" + Files.createTempDirectory("strict-input"))
                .run();
        base = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
        examples = SpecExamples.firstJsonRequestExamples();
        spec = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/renovation-api.yaml"));
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = TRIES)
    void eligibility(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/eligibility", mutation);
    }

    @Property(tries = TRIES)
    void consentTally(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/consent/tally", mutation);
    }

    @Property(tries = TRIES)
    void consentNotice(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/consent/notice", mutation);
    }

    @Property(tries = TRIES)
    void catalogueClassification(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/catalog/classify", mutation);
    }

    @Property(tries = TRIES)
    void planCheck(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/plans/check", mutation);
    }

    @Property(tries = TRIES)
    void consultationSurvey(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/surveys/consultation", mutation);
    }

    @Property(tries = TRIES)
    void satisfactionSurvey(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/surveys/satisfaction", mutation);
    }

    @Property(tries = TRIES)
    void fundingReadiness(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/funding/readiness", mutation);
    }

    @Property(tries = TRIES)
    void approvalPlan(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/approvals/plan", mutation);
    }

    @Property(tries = TRIES)
    void procedureStatus(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/procedure/status", mutation);
    }

    @Property(tries = TRIES)
    void workingDays(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/calendar/working-days", mutation);
    }

    @Property(tries = TRIES)
    void wholeProjectAssessment(@ForAll("loose") Mutation mutation) throws Exception {
        refused("/api/v1/assessments", mutation);
    }

    @Property(tries = TRIES)
    void batchAssessment(@ForAll("loose") Mutation mutation) throws Exception {
        refused(BATCH, mutation);
    }

    private static void refused(String path, Mutation mutation) throws Exception {
        JsonNode example = examples.get(path);
        JsonNode schema = requestSchema(path);
        Sent sent = mutation.apply(example, schema);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String shown = response.body().length() > 600 ? response.body().substring(0, 600) + "…" : response.body();
        String context = path + " " + mutation + " → " + shown;

        assertThat(CLASS_NAME.matcher(response.body()).find())
                .as("a Java class named: %s", context)
                .isFalse();
        JsonNode answer = JSON.readTree(response.body());
        JsonNode problem = answer;
        if (path.equals(BATCH) && sent.kind() == Kind.BLANK_IN_TYPED_FIELD) {
            // Each item is read on its own: the batch answers, and the item is INVALID with its own problem.
            assertThat(response.statusCode()).as(context).isEqualTo(200);
            int item = Integer.parseInt(sent.field().replaceAll("^items\\[(\\d+)].*", "$1"));
            assertThat(answer.at("/results/" + item + "/status").asText())
                    .as(context)
                    .isEqualTo("INVALID");
            problem = answer.at("/results/" + item + "/problem");
        } else {
            assertThat(response.statusCode()).as(context).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(context)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(400);
        assertThat(problem.path("type").asText())
                .as(context)
                .isEqualTo("https://wenzhou-renovation.example/problems/invalid-request");
        assertThat(problem.at("/errors/0/field").asText()).as(context).isEqualTo(sent.field());
        assertThat(problem.at("/errors/0/message").asText()).as(context).isNotBlank();
    }

    @Provide
    Arbitrary<Mutation> loose() {
        Arbitrary<Integer> anyPlace = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Mutation> blank = Combinators.combine(anyPlace, blankStrings())
                .as((at, text) -> new Mutation(Kind.BLANK_IN_TYPED_FIELD, at, text));
        Arbitrary<Mutation> duplicate = anyPlace.map(at -> new Mutation(Kind.DUPLICATE_KEY, at, null));
        Arbitrary<Mutation> trailing = trailingContent().map(text -> new Mutation(Kind.TRAILING_CONTENT, 0, text));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, blank),
                net.jqwik.api.Tuple.of(2, duplicate),
                net.jqwik.api.Tuple.of(1, trailing));
    }

    /** Strings Jackson once read as "absent": empty, or made only of characters at or below U+0020. */
    private static Arbitrary<String> blankStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t", "\u0000", "\n", "\r\n", " \t ", "\u0000\u0000", "\u001f", "\u000b"),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u0020')
                        .ofMinLength(1)
                        .ofMaxLength(12));
    }

    private static Arbitrary<String> trailingContent() {
        return Arbitraries.oneOf(
                Arbitraries.of(" {}", "{}", "[]", " 1", "\"x\"", " null", " true", "{\"a\":1}", "\n[0]"),
                Arbitraries.integers().between(-1_000, 1_000).map(n -> " " + n));
    }

    enum Kind {
        BLANK_IN_TYPED_FIELD,
        DUPLICATE_KEY,
        TRAILING_CONTENT
    }

    /** The body sent, the field its problem must name, and what was done to it. */
    record Sent(String body, String field, Kind kind) {}

    /** One loose reading invited; {@code at} picks the field, modulo how many the example has. */
    record Mutation(Kind kind, int at, String text) {

        Sent apply(JsonNode example, JsonNode schema) throws IOException {
            return switch (kind) {
                case BLANK_IN_TYPED_FIELD -> {
                    List<Place> typed = new ArrayList<>();
                    collect(example, schema, "", typed, true);
                    if (typed.isEmpty()) {
                        // Only text fields (catalogue names): nothing typed to blank, so a key twice instead.
                        yield new Mutation(Kind.DUPLICATE_KEY, at, null).apply(example, schema);
                    }
                    Place place = typed.get(at % typed.size());
                    JsonNode copy = example.deepCopy();
                    place.replace(copy, JSON.getNodeFactory().textNode(text));
                    yield new Sent(JSON.writeValueAsString(copy), place.path(), kind);
                }
                case DUPLICATE_KEY -> {
                    List<Place> keys = new ArrayList<>();
                    collect(example, schema, "", keys, false);
                    Place place = keys.get(at % keys.size());
                    yield new Sent(withKeyTwice(example, place), place.path(), kind);
                }
                case TRAILING_CONTENT -> new Sent(JSON.writeValueAsString(example) + text, "body", kind);
            };
        }

        @Override
        public String toString() {
            return kind + "@" + at
                    + (text == null ? "" : " " + JSON.getNodeFactory().textNode(text));
        }
    }

    /** A value in the example: the field of an object or the element of an array, with its path as the API names it. */
    private record Place(List<Object> steps, String path) {

        /** Puts {@code value} in this place of {@code root} (a copy of the example). */
        void replace(JsonNode root, JsonNode value) {
            JsonNode parent = root;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = steps.get(steps.size() - 1);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
        }
    }

    /**
     * Every value of the example with its path; {@code typedOnly}: only those the schema types as a number,
     * integer, boolean, enum or date (a schema this walk cannot follow, such as a oneOf, yields none below it).
     */
    private static void collect(JsonNode node, JsonNode schema, String path, List<Place> places, boolean typedOnly) {
        collect(node, schema, path, new ArrayList<>(), places, typedOnly);
    }

    private static void collect(
            JsonNode node, JsonNode schema, String path, List<Object> steps, List<Place> places, boolean typedOnly) {
        JsonNode resolved = resolve(schema);
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<Object> next = new ArrayList<>(steps);
                next.add(name);
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode childSchema = property(resolved, name);
                if (!typedOnly || isTyped(childSchema)) {
                    places.add(new Place(next, childPath));
                }
                collect(object.get(name), childSchema, childPath, next, places, typedOnly);
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = resolved == null ? null : resolve(resolved.path("items"));
            for (int i = 0; i < array.size(); i++) {
                List<Object> next = new ArrayList<>(steps);
                next.add(i);
                String childPath = path + "[" + i + "]";
                if (typedOnly && isTyped(items) && !array.get(i).isContainerNode()) {
                    places.add(new Place(next, childPath));
                }
                collect(array.get(i), items, childPath, next, places, typedOnly);
            }
        }
    }

    private static JsonNode property(JsonNode schema, String name) {
        if (schema == null) {
            return null;
        }
        JsonNode direct = schema.path("properties").path(name);
        if (!direct.isMissingNode()) {
            return resolve(direct);
        }
        for (JsonNode part : schema.path("allOf")) {
            JsonNode found = property(resolve(part), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isTyped(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        return type.equals("integer")
                || type.equals("number")
                || type.equals("boolean")
                || schema.has("enum")
                || format.equals("date")
                || format.equals("date-time");
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        JsonNode ref = schema.path("$ref");
        return ref.isTextual() ? resolve(spec.at(ref.asText().substring(1))) : schema;
    }

    private static JsonNode requestSchema(String path) {
        return spec.path("paths")
                .path(path)
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
    }

    /** The example's JSON text with the field at {@code place} written twice, same value both times. */
    private static String withKeyTwice(JsonNode example, Place place) throws IOException {
        StringBuilder out = new StringBuilder();
        write(example, new ArrayList<>(), place.steps(), out);
        return out.toString();
    }

    private static void write(JsonNode node, List<Object> at, List<Object> twice, StringBuilder out)
            throws IOException {
        if (node instanceof ObjectNode object) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<Object> here = new ArrayList<>(at);
                here.add(field.getKey());
                int times = here.equals(twice) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    out.append(first ? "" : ",")
                            .append(JSON.writeValueAsString(field.getKey()))
                            .append(':');
                    write(field.getValue(), here, twice, out);
                    first = false;
                }
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                List<Object> here = new ArrayList<>(at);
                here.add(i);
                out.append(i == 0 ? "" : ",");
                write(array.get(i), here, twice, out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
