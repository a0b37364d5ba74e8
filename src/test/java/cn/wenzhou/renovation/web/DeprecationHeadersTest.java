package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deprecation headers come from the spec: the filter on a small controller with a test spec, the
 * refusals of an inconsistent spec, and the real spec checked for the same consistency.
 */
class DeprecationHeadersTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: test, version: '1'}
            paths:
              /api/v1/things/{id}:
                get:
                  deprecated: true
                  x-deprecated-since: 2026-07-01
                  x-sunset: 2027-01-01
                  x-deprecation-link: https://wenzhou-renovation.example/changes/things
                  responses: {'200': {description: old}}
                post:
                  responses: {'200': {description: current}}
              /api/v1/things/special:
                get:
                  responses: {'200': {description: current and more specific}}
              /api/v1/widgets:
                get:
                  deprecated: true
                  x-deprecated-since: 2026-03-01
                  responses: {'200': {description: deprecated without a sunset}}
            """;

    @RestController
    static class Things {

        @GetMapping("/api/v1/things/{id}")
        String thing(@PathVariable String id) {
            return id;
        }

        @PostMapping("/api/v1/things/{id}")
        String update(@PathVariable String id) {
            return id;
        }

        @GetMapping("/api/v1/widgets")
        String widgets() {
            return "[]";
        }
    }

    @Nested
    class OnResponses {

        private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
                .addFilters(new DeprecationHeaders(spec(SPEC)))
                .build();

        OnResponses() throws Exception {}

        @Test
        void aDeprecatedOperationAnnouncesItsDateSunsetAndLink() throws Exception {
            mvc.perform(get("/api/v1/things/7"))
                    .andExpect(status().isOk())
                    // 2026-07-01T00:00+08:00
                    .andExpect(header().string(DeprecationHeaders.DEPRECATION, "@1782835200"))
                    .andExpect(header().string(DeprecationHeaders.SUNSET, "Thu, 31 Dec 2026 16:00:00 GMT"))
                    .andExpect(header().string(
                                    HttpHeaders.LINK,
                                    "<https://wenzhou-renovation.example/changes/things>; rel=\"deprecation\""));
        }

        @Test
        void withoutASunsetOrLinkOnlyTheDeprecationIsSent() throws Exception {
            mvc.perform(get("/api/v1/widgets"))
                    .andExpect(header().string(DeprecationHeaders.DEPRECATION, "@1772294400"))
                    .andExpect(header().doesNotExist(DeprecationHeaders.SUNSET))
                    .andExpect(header().doesNotExist(HttpHeaders.LINK));
        }

        @Test
        void anotherMethodOnTheSamePathIsNotDeprecated() throws Exception {
            mvc.perform(post("/api/v1/things/7")).andExpect(header().doesNotExist(DeprecationHeaders.DEPRECATION));
        }

        @Test
        void aMoreSpecificCurrentPathIsNotTakenForTheDeprecatedTemplate() throws Exception {
            mvc.perform(get("/api/v1/things/special")).andExpect(header().doesNotExist(DeprecationHeaders.DEPRECATION));
        }

        @Test
        void aPathOutsideTheSpecIsNotDeprecated() throws Exception {
            mvc.perform(get("/api/v1/things/7/parts")).andExpect(header().doesNotExist(DeprecationHeaders.DEPRECATION));
        }
    }

    @Nested
    class AnInconsistentSpecStopsStartup {

        @Test
        void deprecatedWithoutItsDate() {
            assertThatIllegalStateException()
                    .isThrownBy(() ->
                            DeprecationHeaders.read(spec(SPEC.replace("      x-deprecated-since: 2026-03-01\n", ""))))
                    .withMessageContaining("GET /api/v1/widgets is deprecated but has no x-deprecated-since");
        }

        @Test
        void aDateWithoutDeprecated() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> DeprecationHeaders.read(spec(SPEC.replace(
                            "      deprecated: true\n      x-deprecated-since: 2026-03-01",
                            "      x-deprecated-since: 2026-03-01"))))
                    .withMessageContaining("GET /api/v1/widgets has deprecation dates but is not marked deprecated");
        }

        @Test
        void aDateThatIsNotAnIsoDate() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> DeprecationHeaders.read(spec(SPEC.replace("2026-03-01", "2026年3月1日"))))
                    .withMessageContaining("GET /api/v1/widgets has x-deprecated-since '2026年3月1日', not an ISO date");
        }

        @Test
        void aSunsetNotAfterTheDeprecation() {
            assertThatIllegalStateException()
                    .isThrownBy(() ->
                            DeprecationHeaders.read(spec(SPEC.replace("x-sunset: 2027-01-01", "x-sunset: 2026-07-01"))))
                    .withMessageContaining(
                            "GET /api/v1/things/{id} has x-sunset 2026-07-01 not after x-deprecated-since");
        }
    }

    /** The spec the service serves: any operation someone marks deprecated must carry its date. */
    @Nested
    class TheRealSpec {

        @Test
        void everyDeprecatedOperationHasAnIsoDeprecationDate() throws Exception {
            JsonNode paths = new ObjectMapper(new YAMLFactory())
                    .readTree(new File("openapi/renovation-api.yaml"))
                    .get("paths");
            List<String> checked = new ArrayList<>();
            paths.fields()
                    .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                        if (operation.getValue().path("deprecated").asBoolean(false)) {
                            String since = operation
                                    .getValue()
                                    .path("x-deprecated-since")
                                    .asText(null);
                            assertThat(since)
                                    .as(operation.getKey() + " " + path.getKey() + " x-deprecated-since")
                                    .isNotNull();
                            assertThat(LocalDate.parse(since)).isNotNull();
                        }
                        checked.add(operation.getKey() + " " + path.getKey());
                    }));
            assertThat(checked).contains("get /api/v1/catalog", "post /api/v1/eligibility");
        }

        @Test
        void theServiceReadsItAsConsistent() throws Exception {
            DeprecationHeaders.read(new FileSystemResource("openapi/renovation-api.yaml"));
            // The copy on the classpath is the one the service reads by default (renovation.api.spec-location).
            assertThat(DeprecationHeaders.read(new ClassPathResource("static/openapi/renovation-api.yaml")))
                    .extracting(DeprecationHeaders.Operation::method)
                    .contains("GET", "POST");
        }
    }

    private static ByteArrayResource spec(String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test spec");
    }
}
