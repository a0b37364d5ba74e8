package cn.wenzhou.renovation.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.json.JSONException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;
import org.skyscreamer.jsonassert.comparator.DefaultComparator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends every example of the OpenAPI spec to the service, started on a random port, and checks that the
 * answer is the documented example of the same name: status, media type and body, and that the body
 * validates against the response schema. So the documented examples cannot go stale.
 *
 * <p>An example is named: its request is the request-body example of that name (in whichever media type
 * has it) with the parameter examples of that name, a parameter's single {@code example} otherwise; its
 * answer is the response example of that name. Values the service makes (ids, instants, content hashes)
 * are checked for their form only; the documented receipt is one the test makes first, under its own id. A document answer (.xlsx, .docx) is checked to be an Office file. A
 * file field of a multipart example names a rule file of the repository, or a path of this API serving
 * the file. Examples run in the spec's order, which is also the order of a publisher's day: validate,
 * activate, list the versions, roll back.
 *
 * <p>An example with {@code x-signed-in-as} is sent as that member of staff (the rules editor); the others as the
 * publisher.
 *
 * <p>A multipart example with {@code x-edited-cell} ({@code rule}, {@code column}, {@code text}) uploads its file
 * with that cell typed over, as an officer edits a table.
 *
 * <p>A request example with {@code x-padded-to-bytes} shows a body over a size limit: its JSON object is padded
 * with spaces before the closing brace (and sent without a length, as a chunked body), its text or each of its
 * files with trailing bytes, to exactly that many bytes.
 */
@DeployedService
@DirtiesContext
class SpecExamplesTest {

    private static final File SPEC = new File("openapi/renovation-api.yaml");
    private static final String PUBLISHER = DeployedService.PUBLISHER;
    private static final String PASSWORD = DeployedService.PASSWORD;
    /** Forms of the values the service makes: a receipt id, an instant, a ruleset's content hash. */
    private static final List<Pattern> MADE_BY_THE_SERVICE = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"),
            Pattern.compile("[0-9a-f]{16}"));

    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private static final JsonNode spec = read(SPEC);
    private static final OpenApiInteractionValidator schemas =
            OpenApiInteractionValidator.createForInlineApiSpecification(text(SPEC))
                    // The decisions share their envelope through allOf: merged, an answer still may carry no field the
                    // spec lacks.
                    .withResolveCombinators(true)
                    .build();

    @LocalServerPort
    private int port;

    /** The receipt the receipts examples read, made on first use from the documented receipt's request. */
    private String liveReceiptId;

    record Example(String method, String path, JsonNode operation, String name) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " [" + name + "]";
        }
    }

    record Documented(int status, String mediaType, JsonNode body) {}

    record Answer(int status, String mediaType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyOperationHasASuccessfulExampleAndEveryExampleItsAnswer() {
        List<String> withoutSuccess = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            List<Example> examples = examplesOf(path, method, operation);
            if (examples.stream().map(this::documented).noneMatch(d -> d.status() / 100 == 2)) {
                withoutSuccess.add(method.toUpperCase() + " " + path);
            }
        });
        assertThat(withoutSuccess)
                .as("operations without an example that succeeds")
                .isEmpty();
    }

    @Test
    void everyDocumentedProblemCarriesAStableCode() {
        List<String> problems = new ArrayList<>();
        spec.path("components").path("examples").fields().forEachRemaining(example -> {
            JsonNode value = example.getValue().path("value");
            if (value.has("status") && value.has("title")) {
                problems.add(example.getKey());
                assertThat(ProblemCode.valueOf(value.path("code").asText()))
                        .as("code of %s", example.getKey())
                        .isNotNull();
            }
        });
        assertThat(problems).as("problem examples").hasSizeGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGetsItsDocumentedAnswer() {
        List<Example> all = new ArrayList<>();
        forEachOperation((path, method, operation) -> all.addAll(examplesOf(path, method, operation)));
        return all.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)));
    }

    private void check(Example example) throws Exception {
        Documented documented = documented(example);
        Map<String, String> pathValues = new LinkedHashMap<>();
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        parameters(example, documented, pathValues, query);
        URI uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + example.path())
                .queryParams(query)
                .buildAndExpand(pathValues)
                .encode()
                .toUri();

        RestClient.RequestBodySpec request = RestClient.create()
                .method(HttpMethod.valueOf(example.method().toUpperCase()))
                .uri(uri);
        if (!example.operation().path("security").isMissingNode() && documented.status() != 401) {
            String user = requestBody(example)
                    .map(media ->
                            resolve(media.getValue()).path("x-signed-in-as").asText(PUBLISHER))
                    .orElse(PUBLISHER);
            request.header(HttpHeaders.AUTHORIZATION, basic(user));
        }
        Optional<Map.Entry<String, JsonNode>> body = requestBody(example);
        body.ifPresent(media -> withBody(
                request,
                media.getKey(),
                resolve(media.getValue()).path("value"),
                resolve(example.operation()
                        .path("requestBody")
                        .path("content")
                        .path(media.getKey())
                        .path("schema")),
                resolve(media.getValue()).path("x-padded-to-bytes").asInt(0),
                resolve(media.getValue()).path("x-edited-cell")));
        Answer answer = request.exchange((sent, response) -> new Answer(
                response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()),
                response.getBody().readAllBytes()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(documented.status());
        assertThat(answer.mediaType()).startsWith(documented.mediaType());
        if (documented.body() == null) {
            assertThat(answer.body()).as("an Office document (a ZIP package)").startsWith(ZIP_SIGNATURE);
            return;
        }
        String answered =
                liveReceiptId == null ? answer.text() : answer.text().replace(liveReceiptId, documentedReceiptId());
        JSONAssert.assertEquals(documented.body().toString(), answered, new MadeByTheService());
        ValidationReport report = schemas.validateResponse(
                uri.getRawPath(),
                Request.Method.valueOf(example.method().toUpperCase()),
                SimpleResponse.Builder.status(answer.status())
                        .withContentType(answer.mediaType())
                        .withBody(answer.text())
                        .build());
        assertThat(report.getMessages())
                .as("the answer against the response schema")
                .isEmpty();
        if (documented.status() / 100 == 2
                && body.isPresent()
                && body.get().getKey().equals(MediaType.APPLICATION_JSON_VALUE)) {
            SimpleRequest.Builder sent = SimpleRequest.Builder.post(uri.getRawPath())
                    .withContentType(MediaType.APPLICATION_JSON_VALUE)
                    .withBody(resolve(body.get().getValue()).path("value").toString());
            if (!example.operation().path("security").isMissingNode()) {
                sent.withAuthorization(basic());
            }
            ValidationReport requestReport = schemas.validateRequest(sent.build());
            assertThat(requestReport.getMessages())
                    .as("the request example against the request schema")
                    .isEmpty();
        }
    }

    /** Path and query values of the example; the documented receipt's id stands for one the test makes. */
    private void parameters(
            Example example,
            Documented documented,
            Map<String, String> pathValues,
            MultiValueMap<String, String> query) {
        for (JsonNode reference : example.operation().path("parameters")) {
            JsonNode parameter = resolve(reference);
            JsonNode value = parameter.path("examples").has(example.name())
                    ? resolve(parameter.path("examples").path(example.name())).path("value")
                    : parameter.path("example");
            String name = parameter.path("name").asText();
            if (value.isMissingNode()) {
                assertThat(parameter.path("required").asBoolean())
                        .as("a value for required parameter " + name)
                        .isFalse();
                continue;
            }
            String text = value.asText();
            if (text.equals(documentedReceiptId())) {
                text = liveReceipt();
            }
            if (parameter.path("in").asText().equals("path")) {
                pathValues.put(name, text);
            } else {
                query.add(name, text);
            }
        }
    }

    /** The id of the documented receipt, for which the test's own receipt stands in. */
    private static String documentedReceiptId() {
        return spec.at("/components/examples/DecisionReceiptEligibility/value/id")
                .asText();
    }

    private String liveReceipt() {
        if (liveReceiptId == null) {
            JsonNode receipt = spec.at("/components/examples/DecisionReceiptEligibility/value");
            liveReceiptId = RestClient.create()
                    .post()
                    .uri("http://localhost:" + port + receipt.path("endpoint").asText())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Decision-Receipt", "true")
                    .body(receipt.path("request").toString())
                    .retrieve()
                    .toBodilessEntity()
                    .getHeaders()
                    .getFirst("Decision-Receipt");
            assertThat(liveReceiptId)
                    .as("the receipt id of the documented request")
                    .isNotBlank();
        }
        return liveReceiptId;
    }

    private Optional<Map.Entry<String, JsonNode>> requestBody(Example example) {
        for (Iterator<Map.Entry<String, JsonNode>> media =
                        example.operation().path("requestBody").path("content").fields();
                media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode named = type.getValue().path("examples").path(example.name());
            if (!named.isMissingNode()) {
                return Optional.of(Map.entry(type.getKey(), named));
            }
        }
        assertThat(example.operation().path("requestBody").path("required").asBoolean())
                .as("%s needs a request body example of that name", example)
                .isFalse();
        return Optional.empty();
    }

    private void withBody(
            RestClient.RequestBodySpec request,
            String mediaType,
            JsonNode value,
            JsonNode schema,
            int paddedTo,
            JsonNode editedCell) {
        if (mediaType.equals(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            value.fields().forEachRemaining(field -> {
                for (JsonNode item : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                    parts.add(
                            field.getKey(),
                            isFile(schema, field.getKey()) ? file(item.asText(), paddedTo, editedCell) : item.asText());
                }
            });
            request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
        } else if (mediaType.contains("json") && paddedTo > 0) {
            String object = value.toString();
            byte[] start = object.substring(0, object.length() - 1).getBytes(StandardCharsets.UTF_8);
            byte[] padded = java.util.Arrays.copyOf(start, paddedTo);
            java.util.Arrays.fill(padded, start.length, paddedTo - 1, (byte) ' ');
            padded[paddedTo - 1] = '}';
            // Streamed without a Content-Length: the server reads up to its limit, then answers.
            request.contentType(MediaType.parseMediaType(mediaType)).body(out -> out.write(padded));
        } else if (mediaType.contains("json")) {
            request.contentType(MediaType.parseMediaType(mediaType)).body(value.toString());
        } else {
            request.contentType(MediaType.parseMediaType(mediaType))
                    .body(padded(value.asText().getBytes(StandardCharsets.UTF_8), paddedTo));
        }
    }

    /** The workbook with one cell typed over, found as a person finds it: the rule's row, the column's header. */
    private static byte[] edited(byte[] workbook, JsonNode cell) {
        try {
            Path copy = Files.createTempFile("edited-", ".xlsx");
            try {
                Files.write(copy, workbook);
                RuleFolderCopy.editCell(
                        copy,
                        cell.path("rule").asText(),
                        cell.path("column").asText(),
                        c -> c.setCellValue(cell.path("text").asText()));
                return Files.readAllBytes(copy);
            } finally {
                Files.delete(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic() {
        return basic(PUBLISHER);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes, with spaces after them up to {@code paddedTo} bytes when that is more. */
    private static byte[] padded(byte[] content, int paddedTo) {
        if (paddedTo <= content.length) {
            return content;
        }
        byte[] padded = java.util.Arrays.copyOf(content, paddedTo);
        java.util.Arrays.fill(padded, content.length, paddedTo, (byte) ' ');
        return padded;
    }

    /** Whether the form's schema declares the field binary: a file, or a list of files. */
    private static boolean isFile(JsonNode formSchema, String field) {
        JsonNode property = formSchema.path("properties").path(field);
        JsonNode single = property.path("type").asText().equals("array") ? property.path("items") : property;
        return single.path("format").asText().equals("binary");
    }

    /**
     * A path of this API serving the file (fetched as the publisher), or the one rule file of that name
     * outside the county folders, with the edited cell when the example names one.
     */
    private ByteArrayResource file(String reference, int paddedTo, JsonNode editedCell) {
        byte[] content;
        String name;
        if (reference.startsWith("/api/")) {
            content = RestClient.create()
                    .get()
                    .uri("http://localhost:" + port + reference)
                    .header(HttpHeaders.AUTHORIZATION, basic())
                    .retrieve()
                    .body(byte[].class);
            name = reference.substring(reference.lastIndexOf('/') + 1);
        } else {
            List<Path> found = new ArrayList<>();
            for (String root : List.of("decision-tables", "rules")) {
                try (Stream<Path> files = Files.walk(Path.of(root))) {
                    files.filter(f -> f.getFileName().toString().equals(reference))
                            .filter(f -> !f.toString().contains("counties"))
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            assertThat(found).as("rule files named " + reference).hasSize(1);
            try {
                content = Files.readAllBytes(found.get(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            name = reference;
        }
        if (!editedCell.isMissingNode()) {
            content = edited(content, editedCell);
        }
        return new ByteArrayResource(padded(content, paddedTo)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** The response example named like the request; a document response when only that is documented. */
    private Documented documented(Example example) {
        Documented document = null;
        for (Iterator<Map.Entry<String, JsonNode>> responses =
                        example.operation().path("responses").fields();
                responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            int status = Integer.parseInt(response.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> contents =
                            resolve(response.getValue()).path("content").fields();
                    contents.hasNext(); ) {
                Map.Entry<String, JsonNode> content = contents.next();
                JsonNode named = content.getValue().path("examples").path(example.name());
                if (!named.isMissingNode()) {
                    JsonNode value = resolve(named).path("value");
                    return new Documented(status, content.getKey(), value.isMissingNode() ? null : value);
                }
                if (status / 100 == 2 && !content.getKey().contains("json") && document == null) {
                    document = new Documented(status, content.getKey(), null);
                }
            }
        }
        if (document == null) {
            throw new AssertionError("No response example named '" + example.name() + "' for " + example);
        }
        return document;
    }

    /** The example names of an operation: of its request bodies, parameters and responses, in that order. */
    private static List<Example> examplesOf(String path, String method, JsonNode operation) {
        Set<String> names = new LinkedHashSet<>();
        operation
                .path("requestBody")
                .path("content")
                .forEach(media -> media.path("examples").fieldNames().forEachRemaining(names::add));
        operation
                .path("parameters")
                .forEach(parameter ->
                        resolve(parameter).path("examples").fieldNames().forEachRemaining(names::add));
        operation
                .path("responses")
                .forEach(response -> resolve(response)
                        .path("content")
                        .forEach(media -> media.path("examples").fieldNames().forEachRemaining(names::add)));
        return names.stream()
                .map(name -> new Example(method, path, operation, name))
                .toList();
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        spec.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(
                                operation -> visitor.visit(path.getKey(), operation.getKey(), operation.getValue())));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? spec.at(ref.asText().substring(1)) : node;
    }

    /** Strict comparison, except that values the service makes are compared by their form. */
    private static final class MadeByTheService extends DefaultComparator {
        MadeByTheService() {
            super(JSONCompareMode.STRICT);
        }

        @Override
        public void compareValues(String prefix, Object expected, Object actual, JSONCompareResult result)
                throws JSONException {
            if (expected instanceof String documented && actual instanceof String answered) {
                for (Pattern form : MADE_BY_THE_SERVICE) {
                    if (form.matcher(documented).matches()) {
                        if (!form.matcher(answered).matches()) {
                            result.fail(prefix, expected, actual);
                        }
                        return;
                    }
                }
            }
            super.compareValues(prefix, expected, actual, result);
        }
    }

    private static JsonNode read(File file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
