package cn.wenzhou.renovation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The request examples of the spec, read from {@code openapi/renovation-api.yaml} as portals read them. */
public final class SpecExamples {

    private static final Path SPEC = Path.of("openapi", "renovation-api.yaml");
    private static volatile Map<String, Object> parsed;

    private SpecExamples() {}

    /** The {@code value} of the named example in {@code components/examples}. */
    @SuppressWarnings("unchecked")
    public static JsonNode named(String exampleName) {
        Map<String, Object> examples =
                (Map<String, Object>) ((Map<String, Object>) spec().get("components")).get("examples");
        Map<String, Object> example = (Map<String, Object>) examples.get(exampleName);
        if (example == null) {
            throw new IllegalArgumentException("No example named " + exampleName + " in " + SPEC);
        }
        return new ObjectMapper().valueToTree(example.get("value"));
    }

    /** The spec, read once per test JVM: it does not change while tests run. */
    private static Map<String, Object> spec() {
        Map<String, Object> spec = parsed;
        if (spec == null) {
            try {
                spec = new Yaml().load(Files.readString(SPEC));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parsed = spec;
        }
        return spec;
    }

    /** The first request example of every JSON POST operation a portal calls (no login), by path. */
    public static Map<String, JsonNode> firstJsonRequestExamples() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        jsonRequestExamples()
                .forEach((path, examples) ->
                        found.put(path, examples.values().iterator().next()));
        return found;
    }

    /**
     * Every request example of every JSON POST operation a portal calls (no login), by path and example name, in the
     * spec's order: what the service answers, and the bad requests it refuses.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, JsonNode>> jsonRequestExamples() {
        Map<String, Object> spec = spec();
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> named =
                (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("examples");
        Map<String, Map<String, JsonNode>> found = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, operations) -> {
            Map<String, Object> post = (Map<String, Object>) operations.get("post");
            // The portals' operations: a staff operation (approve, return) refuses an anonymous body unread (401).
            if (post == null || post.containsKey("security") || !(post.get("requestBody") instanceof Map<?, ?> body)) {
                return;
            }
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body).get("content");
            Map<String, Object> media = (Map<String, Object>) content.get("application/json");
            if (media == null || !(media.get("examples") instanceof Map<?, ?> examplesOfOperation)) {
                return;
            }
            Map<String, JsonNode> ofPath = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) examplesOfOperation).forEach((name, given) -> {
                Object reference = given.get("$ref");
                Map<String, Object> example = reference == null
                        ? given
                        : (Map<String, Object>)
                                named.get(reference.toString().substring("#/components/examples/".length()));
                ofPath.put(name, json.valueToTree(example.get("value")));
            });
            found.put(path, ofPath);
        });
        return found;
    }
}
