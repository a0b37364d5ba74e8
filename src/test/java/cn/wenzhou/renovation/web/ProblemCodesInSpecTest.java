package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.kernel.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec lists exactly the problem codes the service has, as an extensible enum so clients survive new ones. */
class ProblemCodesInSpecTest {

    private static JsonNode code() throws Exception {
        return new ObjectMapper(new YAMLFactory())
                .readTree(new File("openapi/renovation-api.yaml"))
                .at("/components/schemas/Problem/properties/code");
    }

    @Test
    void theSpecListsEveryCodeOfTheServiceAndNoOther() throws Exception {
        List<String> listed = new ArrayList<>();
        code().path("x-extensible-enum").forEach(value -> listed.add(value.asText()));

        assertThat(listed)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
    }

    @Test
    void theCodeIsAStringWithoutAClosedEnum() throws Exception {
        assertThat(code().path("type").asText()).isEqualTo("string");
        assertThat(code().has("enum"))
                .as("a closed enum would break clients generated before a new code")
                .isFalse();
        assertThat(new ObjectMapper(new YAMLFactory())
                        .readTree(new File("openapi/renovation-api.yaml"))
                        .at("/components/schemas/Problem/required"))
                .extracting(JsonNode::asText)
                .contains("code");
    }
}
