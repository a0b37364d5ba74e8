package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.api.AssessmentsApi;
import cn.wenzhou.renovation.api.model.AssessmentBatchResult;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.api.model.FieldError;
import cn.wenzhou.renovation.api.model.Problem;
import cn.wenzhou.renovation.calendar.DateNotCoveredException;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.web.FieldProblems;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One project, every decision: each part is answered by its capability's decider, the same one its own
 * endpoint uses, all with the one ruleset the caller took, so a part answers here exactly as it answers
 * alone and no two parts answer under different versions. Input errors of a part name the field with
 * the part in front, e.g. {@code funding.amountInPlace}.
 */
@Component
public class ProjectAssessor implements Decider<AssessmentRequest, AssessmentResponse> {

    /** The assessment's own properties; every other one names a part. */
    private static final String PROJECT_NAME = "projectName";

    /** Every decider that is a part of the assessment, in the order the spec lists the parts. */
    private final List<Decider<?, ?>> parts;

    private final Validator validator;
    private final ObjectMapper json;
    private final ObjectReader itemReader;
    /** The generated request model's getter for each part the spec lists, by the part's name. */
    private final Map<String, AnnotatedMember> typedPartGetters;
    /** The generated answer model's setter for each part the spec lists, by the part's name. */
    private final Map<String, AnnotatedMethod> typedPartSetters;

    ProjectAssessor(List<Decider<?, ?>> deciders, Validator validator, ObjectMapper mapper) {
        // Jackson's view of the generated models: their properties in the order it writes them, i.e. the spec's.
        Map<String, BeanPropertyDefinition> given =
                properties(mapper.getSerializationConfig().introspect(mapper.constructType(AssessmentRequest.class)));
        Map<String, BeanPropertyDefinition> answered = properties(
                mapper.getDeserializationConfig().introspect(mapper.constructType(AssessmentResponse.class)));
        List<String> specOrder = List.copyOf(given.keySet());
        this.parts = deciders.stream()
                .filter(d -> d.assessmentPart().isPresent())
                .sorted(Comparator.comparing((Decider<?, ?> d) -> {
                    int listed = specOrder.indexOf(d.assessmentPart().get());
                    return listed < 0 ? Integer.MAX_VALUE : listed;
                }))
                .toList();
        this.validator = validator;
        this.json = mapper;
        this.itemReader = mapper.readerFor(AssessmentRequest.class);
        this.typedPartGetters = new LinkedHashMap<>();
        given.forEach((name, property) -> typedPartGetters.put(name, property.getAccessor()));
        this.typedPartSetters = new LinkedHashMap<>();
        answered.values().stream()
                .filter(property -> property.getSetter() != null)
                .forEach(property -> typedPartSetters.put(property.getName(), property.getSetter()));
    }

    private static Map<String, BeanPropertyDefinition> properties(BeanDescription model) {
        Map<String, BeanPropertyDefinition> byName = new LinkedHashMap<>();
        model.findProperties().forEach(property -> byName.put(property.getName(), property));
        return byName;
    }

    @Override
    public String path() {
        return AssessmentsApi.PATH_ASSESS_PROJECT;
    }

    @Override
    public Class<AssessmentRequest> requestType() {
        return AssessmentRequest.class;
    }

    @Override
    public AssessmentResponse decide(CompiledRuleset ruleset, AssessmentRequest request) {
        Map<String, Object> requests = new LinkedHashMap<>();
        for (Decider<?, ?> part : parts) {
            var getter = typedPartGetters.get(part.assessmentPart().get());
            Object given = getter == null ? null : getter.getValue(request);
            if (given != null) {
                requests.put(part.assessmentPart().get(), given);
            }
        }
        return typed(assess(ruleset, request.getProjectName(), requests));
    }

    /** What a project's parts answered, by part, with the ruleset that answered them. */
    public record Assessment(CompiledRuleset ruleset, String projectName, Map<String, Object> answers) {}

    /**
     * Each part given, decided by its decider with the one ruleset; a part's refusal names its field with the
     * part in front.
     */
    private Assessment assess(CompiledRuleset ruleset, String projectName, Map<String, Object> requests) {
        if (requests.isEmpty()) {
            throw new InvalidFieldException(
                    "body",
                    "请至少给出 "
                            + String.join(
                                    "、",
                                    parts.stream()
                                            .map(d -> d.assessmentPart().get())
                                            .toList()) + " 之一");
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Decider<?, ?> part : parts) {
            String name = part.assessmentPart().get();
            Object request = requests.get(name);
            if (request != null) {
                answers.put(name, part(name, () -> part.decideRead(ruleset, request)));
            }
        }
        return new Assessment(ruleset, projectName, answers);
    }

    /** The answer as the generated model holds it: the parts the spec lists (a test's own part is left out). */
    private AssessmentResponse typed(Assessment assessment) {
        AssessmentResponse response = new AssessmentResponse()
                .jurisdiction(assessment.ruleset().jurisdiction())
                .rulesetVersion(assessment.ruleset().version())
                .projectName(assessment.projectName());
        assessment.answers().forEach((name, answer) -> {
            var setter = typedPartSetters.get(name);
            if (setter != null) {
                try {
                    setter.callOnWith(response, answer);
                } catch (Exception e) {
                    throw new IllegalStateException("The answer of part " + name + " does not fit the model", e);
                }
            }
        });
        return response;
    }

    /** The answer as JSON, every part included: what the batch writes. */
    private ObjectNode asJson(Assessment assessment) {
        ObjectNode node = json.createObjectNode()
                .put("jurisdiction", assessment.ruleset().jurisdiction())
                .put("rulesetVersion", assessment.ruleset().version());
        if (assessment.projectName() != null) {
            node.put(PROJECT_NAME, assessment.projectName());
        }
        assessment.answers().forEach((name, answer) -> node.set(name, json.valueToTree(answer)));
        return node;
    }

    /** One batch item's answer: its result as the spec shapes it, and what its parts answered. */
    public record AssessedItem(AssessmentBatchResult result, Assessment assessment) {

        public boolean valid() {
            return result.getStatus() != AssessmentBatchResult.StatusEnum.INVALID;
        }
    }

    /** A batch item's answer as JSON, every part included (also one the spec does not list). */
    public ObjectNode toJson(AssessedItem item) {
        ObjectNode node = json.valueToTree(item.result());
        if (item.assessment() != null) {
            node.set("assessment", asJson(item.assessment()));
        }
        return node;
    }

    /** Every decider that is a part of the assessment, in the order the spec lists the parts. */
    List<Decider<?, ?>> parts() {
        return parts;
    }

    /**
     * One item of a batch, from its JSON: read, validated and assessed on its own, so that a bad item
     * becomes an INVALID result naming {@code items[i].field} and never fails the batch.
     */
    public AssessedItem assessItem(int index, JsonNode item, CompiledRuleset ruleset) {
        String prefix = "items[" + index + "]";
        AssessmentBatchResult result = new AssessmentBatchResult(index, AssessmentBatchResult.StatusEnum.INVALID);
        if (item == null || !item.isObject()) {
            return invalid(result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(prefix, "每一项应为 JSON 对象 (each item must be an object)")))));
        }
        // The parts to their deciders' request types; the rest (the project name, or a property no part
        // answers to) to the assessment's own type, which refuses what it does not know.
        ObjectNode rest = ((ObjectNode) item).deepCopy();
        Map<String, Object> requests = new LinkedHashMap<>();
        List<FieldError> violations = new ArrayList<>();
        try {
            for (Decider<?, ?> part : parts) {
                String name = part.assessmentPart().get();
                JsonNode node = rest.remove(name);
                if (node != null && !node.isNull()) {
                    Object request = read(node, part.requestType(), name);
                    requests.put(name, request);
                    violations.addAll(violations(prefix + "." + name, request));
                }
            }
            AssessmentRequest own = itemReader.readValue(rest);
            violations.addAll(violations(prefix, own));
            if (!violations.isEmpty()) {
                return invalid(result.problem(problem(
                        HttpStatus.BAD_REQUEST,
                        ProblemCode.INVALID_FIELD,
                        violations.stream()
                                .sorted(Comparator.comparing(FieldError::getField))
                                .toList())));
            }
            Assessment assessment = assess(ruleset, own.getProjectName(), requests);
            return new AssessedItem(result.status(AssessmentBatchResult.StatusEnum.ASSESSED), assessment);
        } catch (JsonMappingException e) {
            return invalid(result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(
                            qualified(prefix, FieldProblems.path(e)), FieldProblems.mappingMessage(e))))));
        } catch (java.io.IOException e) {
            return invalid(result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.MALFORMED_REQUEST,
                    List.of(new FieldError(prefix, "无法读取该项 (unreadable item)")))));
        } catch (InvalidFieldException e) {
            return invalid(result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(qualified(prefix, e.field()), e.getMessage())))));
        } catch (DateNotCoveredException e) {
            return invalid(result.problem(problem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    ProblemCode.DATE_NOT_IN_CALENDAR,
                    List.of(new FieldError(qualified(prefix, e.field()), e.getMessage())))));
        }
    }

    /** A part read from its JSON; a mapping error names its field with the part in front, as one read whole would. */
    private <T> T read(JsonNode node, Class<T> type, String part) throws java.io.IOException {
        try {
            return json.readerFor(type).readValue(node);
        } catch (JsonMappingException e) {
            e.prependPath(new JsonMappingException.Reference(null, part));
            throw e;
        }
    }

    private <T> List<FieldError> violations(String prefix, T request) {
        return validator.validate(request).stream()
                .map(v -> new FieldError(
                        prefix + "." + FieldProblems.field(v),
                        FieldProblems.describe(v.getMessage(), v.getInvalidValue())))
                .toList();
    }

    private static AssessedItem invalid(AssessmentBatchResult result) {
        return new AssessedItem(result, null);
    }

    private static <T> T part(String name, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(qualified(name, e.field()), e.getMessage());
        } catch (DateNotCoveredException e) {
            throw e.blame(qualified(name, e.field()));
        }
    }

    private static String qualified(String part, String field) {
        return "body".equals(field) ? part : part + "." + field;
    }

    private static Problem problem(HttpStatus status, ProblemCode code, List<FieldError> errors) {
        // The same type and title the endpoints give for these problems.
        boolean calendar = code == ProblemCode.DATE_NOT_IN_CALENDAR;
        return new Problem(
                        code.type().toString(),
                        calendar ? "Date outside the holiday calendar" : "Invalid request",
                        status.value(),
                        code.name())
                .detail("该项有误，字段: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(FieldError::getField)
                                        .distinct()
                                        .toList()))
                .errors(errors)
                .failedRules(null); // generated as an empty list; only a refused consent notice names failed rules
    }
}
