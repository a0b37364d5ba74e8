package cn.wenzhou.renovation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.wenzhou.renovation.consent.ConsentInsufficientException;
import cn.wenzhou.renovation.ruleset.UnknownJurisdictionException;

/**
 * Every error leaves as RFC 7807 {@code application/problem+json} with a stable {@code code} and,
 * for input errors, the field at fault. No stack trace, and no 500 for anything a client sent.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final URI INVALID_REQUEST = URI.create("https://wenzhou-renovation.example/problems/invalid-request");

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), describe(e.getDefaultMessage(), e.getRejectedValue())))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(ProblemCode.INVALID_FIELD, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return badRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(field, mappingMessage(mapping))));
        }
        String message = cause instanceof JsonProcessingException json
                ? "请求体不是合法的 JSON: " + json.getOriginalMessage()
                : "请求体缺失或无法读取 (request body is missing or unreadable)";
        return badRequest(ProblemCode.MALFORMED_REQUEST, List.of(new FieldProblem("body", message)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String allowed = type != null && type.isEnum() ? "，允许的取值: " + java.util.Arrays.toString(type.getEnumConstants()) : "";
        return badRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(field == null ? "query" : field,
                "取值 " + abbreviate(ex.getValue()) + " 无法识别" + allowed)));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return badRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(UnknownJurisdictionException.class)
    ResponseEntity<Object> unknownJurisdiction(UnknownJurisdictionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "没有辖区 '" + ex.jurisdiction() + "' 的规则集 (unknown jurisdiction)");
        problem.setTitle("Unknown jurisdiction");
        problem.setProperty("code", ProblemCode.UNKNOWN_JURISDICTION);
        problem.setProperty("errors", List.of(new FieldProblem("jurisdiction", "未知辖区代码 " + ex.jurisdiction())));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ConsentInsufficientException.class)
    ResponseEntity<Object> consentInsufficient(ConsentInsufficientException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Consent insufficient");
        problem.setProperty("code", ProblemCode.CONSENT_INSUFFICIENT);
        problem.setProperty("failedRules", ex.failedRules());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure while serving a request", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务内部错误，已记录日志 (internal error; it has been logged)");
        problem.setTitle("Internal error");
        problem.setProperty("code", ProblemCode.INTERNAL_ERROR);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Adds the stable code to the problems Spring MVC builds itself (405, 415, 404, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(ex, statusCode));
        }
        return response;
    }

    private static ProblemCode codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCode.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException || status.value() == 404) {
            return ProblemCode.NOT_FOUND;
        }
        return status.is5xxServerError() ? ProblemCode.INTERNAL_ERROR : ProblemCode.MALFORMED_REQUEST;
    }

    private static ResponseEntity<Object> badRequest(ProblemCode code, List<FieldProblem> errors) {
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请求有误，字段: " + fields + " (invalid request; see errors)");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("code", code, "errors", errors));
        return ResponseEntity.badRequest().body(problem);
    }

    /** JSON path of a mapping failure: {@code deficiencies.functionsIncomplete}, {@code items[2].name}. */
    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String mappingMessage(JsonMappingException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "未知字段 (unknown field)";
        }
        if (ex instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "取值 " + abbreviate(format.getValue()) + " 不在允许的取值范围内: "
                        + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "取值 " + abbreviate(format.getValue()) + " 的类型不对，应为 " + typeName(target);
        }
        if (ex instanceof MismatchedInputException mismatch) {
            return "类型不对，应为 " + typeName(mismatch.getTargetType());
        }
        return "无法读取该字段";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "约定的类型";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "数字 (number)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false (boolean)";
        }
        if (type == String.class) {
            return "字符串 (string)";
        }
        if (type.getName().startsWith("java.time")) {
            return "日期 YYYY-MM-DD (date)";
        }
        return "对象 (object)";
    }

    /**
     * Echoes a rejected number, flag or date to help the caller, never rejected text: a text field
     * may hold a resident's name, ID number or phone.
     */
    private static String describe(String message, Object rejected) {
        boolean harmless = rejected instanceof Number || rejected instanceof Boolean || rejected instanceof Enum<?>
                || rejected instanceof java.time.temporal.Temporal;
        return harmless ? message + "（收到 " + abbreviate(rejected) + "）" : message;
    }

    /** Never echo a long or possibly personal value in full. */
    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
