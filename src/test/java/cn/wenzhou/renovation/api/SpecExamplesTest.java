package cn.wenzhou.renovation.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.skyscreamer.jsonassert.Customization;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.ValueMatcher;
import org.skyscreamer.jsonassert.comparator.CustomComparator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Posts every request example of the OpenAPI spec to the running application and checks that it
 * gets the response example of the same name, status and body, so the documented examples can
 * never go stale. Only {@code rulesetVersion}, a content hash of today's rules, may differ. An
 * operation answering with a document (not JSON) is checked for its documented status and type.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpecExamplesTest {

    private static final File SPEC = new File("openapi/renovation-api.yaml");

    @Autowired
    private MockMvc mvc;

    /** {@code response} is null for a document response, which is checked by {@code mediaType} only. */
    record Example(String method, String path, String name, JsonNode request, int status, String mediaType,
            JsonNode response) {
    }

    @TestFactory
    Stream<DynamicTest> everyRequestExampleGetsItsDocumentedResponse() throws IOException {
        List<Example> examples = examples(new ObjectMapper(new YAMLFactory()).readTree(SPEC));
        assertThat(examples).as("request examples in the spec").isNotEmpty();
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                example.method() + " " + example.path() + " [" + example.name() + "]", () -> check(example)));
    }

    private void check(Example example) throws Exception {
        MvcResult result = mvc.perform(request(HttpMethod.valueOf(example.method()), example.path())
                .contentType(MediaType.APPLICATION_JSON)
                .content(example.request().toString()))
                .andReturn();
        if (result.getRequest().isAsyncStarted()) {
            // A streamed response (the batch) completes on an async dispatch.
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(example.status());
        assertThat(result.getResponse().getContentType()).startsWith(example.mediaType());
        if (example.response() == null) {
            assertThat(result.getResponse().getContentAsByteArray()).isNotEmpty();
            return;
        }
        ValueMatcher<Object> anyVersion = (documented, actual) -> actual.toString().matches("[0-9a-f]{16}");
        JSONAssert.assertEquals(example.response().toString(), body, new CustomComparator(JSONCompareMode.STRICT,
                new Customization("rulesetVersion", anyVersion), new Customization("**.rulesetVersion", anyVersion)));
    }

    /** Pairs each named request example with the response example of the same name. */
    private static List<Example> examples(JsonNode spec) {
        List<Example> examples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode requestExamples = op.getValue().path("requestBody").path("content").path("application/json").path("examples");
                for (Iterator<Map.Entry<String, JsonNode>> it = requestExamples.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> requestExample = it.next();
                    String name = requestExample.getKey();
                    JsonNode request = resolve(spec, requestExample.getValue()).path("value");
                    examples.add(responseFor(spec, op.getValue(), name)
                            .map(r -> new Example(op.getKey().toUpperCase(), path.getKey(), name, request, r.status(),
                                    r.mediaType(), r.body()))
                            .orElseThrow(() -> new AssertionError("No response example named '" + name + "' for "
                                    + op.getKey() + " " + path.getKey())));
                }
            }
        }
        return examples;
    }

    private record DocumentedResponse(int status, String mediaType, JsonNode body) {
    }

    private static java.util.Optional<DocumentedResponse> responseFor(JsonNode spec, JsonNode operation, String name) {
        DocumentedResponse document = null;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext();) {
            Map.Entry<String, JsonNode> response = responses.next();
            int status = Integer.parseInt(response.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> contents = response.getValue().path("content").fields(); contents.hasNext();) {
                Map.Entry<String, JsonNode> content = contents.next();
                JsonNode example = content.getValue().path("examples").path(name);
                if (!example.isMissingNode()) {
                    return java.util.Optional.of(new DocumentedResponse(status, content.getKey(),
                            resolve(spec, example).path("value")));
                }
                if (status / 100 == 2 && !content.getKey().contains("json") && document == null) {
                    document = new DocumentedResponse(status, content.getKey(), null);
                }
            }
        }
        return java.util.Optional.ofNullable(document);
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? spec.at(ref.asText().substring(1)) : node;
    }
}
