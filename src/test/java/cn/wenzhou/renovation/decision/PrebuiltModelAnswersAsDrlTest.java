package cn.wenzhou.renovation.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.goldencases.GoldenCases;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packaged rules are loaded as the executable model the build compiled; anything uploaded compiles from DRL.
 * Both must be the same rules: every request example of the spec and every golden case is answered alike by the
 * prebuilt model and by an uploaded copy of the same files (each DRL file given one more comment line, so that no
 * prebuilt module matches it), and every rule cites the same clause from the same file, sheet and cell.
 */
@DeployedService
@CompilesEditedRules
class PrebuiltModelAnswersAsDrlTest {

    @Autowired
    private DecisionEndpoints deciders;

    @Autowired
    private GoldenCases cases;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private Validator validator;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wenzhou", "yueqing"})
    void anUploadedCopyAnswersEverySpecExampleAndGoldenCaseAsThePrebuiltModelDoes(String jurisdiction) {
        List<RuleFile> files = RepositoryRuleset.packaged(jurisdiction).files();
        CompiledRuleset prebuilt = new RulesetCompiler().compile(jurisdiction, files);
        CompiledRuleset uploaded = new RulesetCompiler().compile(jurisdiction, RepositoryRuleset.uploadedCopy(files));

        assertThat(prebuilt.builtAhead())
                .as("the packaged rules load as the build's model")
                .isTrue();
        assertThat(uploaded.builtAhead()).as("an upload compiles from DRL").isFalse();

        int decided = 0;
        java.util.Set<String> decisions = new java.util.TreeSet<>();
        for (Map.Entry<String, Map<String, JsonNode>> operation :
                SpecExamples.jsonRequestExamples().entrySet()) {
            Decider<?, ?> decider = deciders.at(operation.getKey()).orElse(null);
            if (decider == null) {
                continue; // not a decision (the inventory's assessment reads a workbook, decided per part)
            }
            for (Map.Entry<String, JsonNode> example : operation.getValue().entrySet()) {
                String which = operation.getKey() + " [" + example.getKey() + "]";
                assertThat(answer(decider, uploaded, example.getValue()))
                        .as(which)
                        .isEqualTo(answer(decider, prebuilt, example.getValue()));
                decided++;
                decisions.add(operation.getKey());
            }
        }
        assertThat(decisions).as("decisions with examples").hasSizeGreaterThan(5);
        assertThat(decided).as("spec examples decided").isGreaterThan(decisions.size());

        GoldenCases.Run onPrebuilt = cases.run(prebuilt);
        GoldenCases.Run onUploaded = cases.run(uploaded);
        assertThat(onPrebuilt.cases()).isPositive();
        assertThat(onUploaded.cases()).isEqualTo(onPrebuilt.cases());
        assertThat(onUploaded.answeredRules()).isEqualTo(onPrebuilt.answeredRules());
        assertThat(onUploaded.failures())
                .extracting(f -> f.problem().toString())
                .isEqualTo(onPrebuilt.failures().stream()
                        .map(f -> f.problem().toString())
                        .toList());

        assertThat(uploaded.clauses()).isEqualTo(prebuilt.clauses());
        assertThat(prebuilt.rules()).hasSameSizeAs(uploaded.rules());
        prebuilt.rules()
                .forEach(rule -> assertThat(prebuilt.originOf(rule.getName()))
                        .as(rule.getName())
                        .isEqualTo(uploaded.originOf(rule.getName())));
        assertThat(prebuilt.defects()).isEqualTo(uploaded.defects());
    }

    /**
     * The answer as JSON, or the problem a refused request gets, without the ruleset's version: the content hash of
     * the files, which is all that must differ.
     */
    private JsonNode answer(Decider<?, ?> decider, CompiledRuleset ruleset, JsonNode example) {
        try {
            Object request = json.treeToValue(example, decider.requestType());
            List<String> invalid = validator.validate(request).stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .toList();
            if (!invalid.isEmpty()) {
                return json.valueToTree(invalid); // refused before any rule, as a portal's request is
            }
            JsonNode answer = json.valueToTree(decider.decideRead(ruleset, request));
            answer.findParents(VERSION).forEach(parent -> ((ObjectNode) parent).remove(VERSION));
            assertThat(answer.findValues(VERSION)).isEmpty();
            return answer;
        } catch (ProblemException refused) {
            return json.valueToTree(refused.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException unreadable) {
            return json.getNodeFactory()
                    .textNode("unreadable: " + unreadable.getClass().getSimpleName());
        }
    }

    private static final String VERSION = "rulesetVersion";
}
