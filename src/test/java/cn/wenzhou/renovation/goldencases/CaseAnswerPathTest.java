package cn.wenzhou.renovation.goldencases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The paths a case form's expectations read an answer by: a property, one element of a list, every element. */
class CaseAnswerPathTest {

    private final JsonNode answer = read("""
            {"publicity": {"satisfied": false, "countedWorkingDays": 4},
             "steps": [{"step": "PROJECT_PROPOSAL", "treatment": "MERGED"},
                       {"step": "PRELIMINARY_DESIGN", "treatment": "REQUIRED"}],
             "missingDocuments": [{"code": "ANNEX_4_APPLICATION_FORM"}, {"code": "ANNEX_6_LONG_TERM_MANAGEMENT_PLAN"}],
             "blockers": []}
            """);

    @Test
    void aNestedProperty() {
        assertThat(GoldenCases.at(answer, CaseForm.steps("publicity.countedWorkingDays"))
                        .asInt())
                .isEqualTo(4);
        assertThat(GoldenCases.at(answer, CaseForm.steps("publicity.satisfied")).asBoolean())
                .isFalse();
    }

    @Test
    void theElementOfAListWhosePropertyIsTheCode() {
        assertThat(GoldenCases.at(answer, CaseForm.steps("steps[step=PRELIMINARY_DESIGN].treatment"))
                        .asText())
                .isEqualTo("REQUIRED");
        assertThat(GoldenCases.at(answer, CaseForm.steps("steps[step=PROJECT_PROPOSAL].treatment"))
                        .asText())
                .isEqualTo("MERGED");
    }

    @Test
    void aStepTheAnswerDoesNotListIsMissingNotAnotherStep() {
        assertThat(GoldenCases.at(answer, CaseForm.steps("steps[step=EXPERT_REVIEW].treatment"))
                        .isMissingNode())
                .isTrue();
        assertThat(GoldenCases.at(answer, CaseForm.steps("currentStep.code")).isMissingNode())
                .isTrue();
    }

    @Test
    void everyElementsProperty() {
        assertThat(GoldenCases.at(answer, CaseForm.steps("missingDocuments[].code")))
                .extracting(JsonNode::asText)
                .containsExactly("ANNEX_4_APPLICATION_FORM", "ANNEX_6_LONG_TERM_MANAGEMENT_PLAN");
        assertThat(GoldenCases.at(answer, CaseForm.steps("blockers[].message"))).isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
