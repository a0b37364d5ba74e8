package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.api.AssessmentsApi;
import cn.wenzhou.renovation.api.model.AssessmentBatchResult;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.api.model.FieldError;
import cn.wenzhou.renovation.api.model.Problem;
import cn.wenzhou.renovation.approval.ApprovalDecider;
import cn.wenzhou.renovation.calendar.DateNotCoveredException;
import cn.wenzhou.renovation.consent.ConsentTallies;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.eligibility.EligibilityDecider;
import cn.wenzhou.renovation.funding.FundingDecider;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.procedure.ProcedureDecider;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.web.FieldProblems;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    private final EligibilityDecider eligibility;
    private final ConsentTallies consent;
    private final FundingDecider funding;
    private final ApprovalDecider approvals;
    private final ProcedureDecider procedure;
    private final Validator validator;
    private final ObjectReader itemReader;

    ProjectAssessor(
            EligibilityDecider eligibility,
            ConsentTallies consent,
            FundingDecider funding,
            ApprovalDecider approvals,
            ProcedureDecider procedure,
            Validator validator,
            ObjectMapper mapper) {
        this.eligibility = eligibility;
        this.consent = consent;
        this.funding = funding;
        this.approvals = approvals;
        this.procedure = procedure;
        this.validator = validator;
        this.itemReader = mapper.readerFor(AssessmentRequest.class);
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
        if (request.getEligibility() == null
                && request.getConsent() == null
                && request.getFunding() == null
                && request.getApprovals() == null
                && request.getProcedure() == null) {
            throw new InvalidFieldException("body", "请至少给出 eligibility、consent、funding、approvals、procedure 之一");
        }
        return assessParts(request, ruleset);
    }

    private AssessmentResponse assessParts(AssessmentRequest request, CompiledRuleset ruleset) {
        AssessmentResponse response = new AssessmentResponse()
                .jurisdiction(ruleset.jurisdiction())
                .rulesetVersion(ruleset.version())
                .projectName(request.getProjectName());
        if (request.getEligibility() != null) {
            response.eligibility(part("eligibility", () -> eligibility.decide(ruleset, request.getEligibility())));
        }
        if (request.getConsent() != null) {
            response.consent(part("consent", () -> consent.decide(ruleset, request.getConsent())));
        }
        if (request.getFunding() != null) {
            response.funding(part("funding", () -> funding.decide(ruleset, request.getFunding())));
        }
        if (request.getApprovals() != null) {
            response.approvals(part("approvals", () -> approvals.decide(ruleset, request.getApprovals())));
        }
        if (request.getProcedure() != null) {
            response.procedure(part("procedure", () -> procedure.decide(ruleset, request.getProcedure())));
        }
        return response;
    }

    /**
     * One item of a batch, from its JSON: read, validated and assessed on its own, so that a bad item
     * becomes an INVALID result naming {@code items[i].field} and never fails the batch.
     */
    public AssessmentBatchResult assessItem(int index, JsonNode item, CompiledRuleset ruleset) {
        String prefix = "items[" + index + "]";
        AssessmentBatchResult result = new AssessmentBatchResult(index, AssessmentBatchResult.StatusEnum.INVALID);
        if (item == null || !item.isObject()) {
            return result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(prefix, "每一项应为 JSON 对象 (each item must be an object)"))));
        }
        AssessmentRequest request;
        try {
            request = itemReader.readValue(item);
        } catch (JsonMappingException e) {
            return result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(
                            qualified(prefix, FieldProblems.path(e)), FieldProblems.mappingMessage(e)))));
        } catch (java.io.IOException e) {
            return result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.MALFORMED_REQUEST,
                    List.of(new FieldError(prefix, "无法读取该项 (unreadable item)"))));
        }
        Set<ConstraintViolation<AssessmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    violations.stream()
                            .map(v -> new FieldError(
                                    prefix + "."
                                            + CONTAINER_ELEMENT
                                                    .matcher(v.getPropertyPath().toString())
                                                    .replaceAll(""),
                                    FieldProblems.describe(v.getMessage(), v.getInvalidValue())))
                            .sorted(Comparator.comparing(FieldError::getField))
                            .toList()));
        }
        try {
            AssessmentResponse assessment = decide(ruleset, request);
            return result.status(AssessmentBatchResult.StatusEnum.ASSESSED).assessment(assessment);
        } catch (InvalidFieldException e) {
            return result.problem(problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldError(qualified(prefix, e.field()), e.getMessage()))));
        } catch (DateNotCoveredException e) {
            return result.problem(problem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    ProblemCode.DATE_NOT_IN_CALENDAR,
                    List.of(new FieldError(qualified(prefix, e.field()), e.getMessage()))));
        }
    }

    /** Hibernate Validator names a list's element {@code documents[0].<list element>}; the API says {@code documents[0]}. */
    private static final java.util.regex.Pattern CONTAINER_ELEMENT = java.util.regex.Pattern.compile("\\.<[^>]+>");

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
