package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.kernel.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
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
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as RFC 7807 {@code application/problem+json} with a stable {@code code} and,
 * for input errors, the field at fault. No stack trace, and no 500 for anything a client sent. A
 * module's own refusals carry their problem ({@link cn.wenzhou.renovation.kernel.ProblemException}),
 * so nothing here knows a capability.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemResponses::bodyField)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(ProblemCode.INVALID_FIELD, errors);
    }

    /** A body field's refusal, told with the value it refused. */
    private static FieldProblem bodyField(org.springframework.validation.FieldError error) {
        return new FieldProblem(
                error.getField(), FieldProblems.describe(error.getDefaultMessage(), error.getRejectedValue()));
    }

    /**
     * A request whose query has constraints (the jurisdiction's pattern) is validated as one method call: the body's
     * fields and the query's, told alike, each by its own name.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldProblem> errors = new java.util.ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            if (result instanceof org.springframework.validation.method.ParameterErrors body) {
                body.getFieldErrors().forEach(e -> errors.add(bodyField(e)));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(name, e.getDefaultMessage())));
            }
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return badRequest(ProblemCode.INVALID_FIELD, errors);
    }

    /** The name the request uses: a query parameter's, else the method parameter's. */
    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestParam query =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        return parameter.getParameterName() == null ? "query" : parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            // A body sent without a length reached the ceiling while Jackson was reading one of its fields.
            return refusal(tooLarge);
        }
        Throwable cause = ex.getCause();
        java.util.Optional<String> duplicate = FieldProblems.duplicateKey(cause);
        if (duplicate.isPresent()) {
            return badRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(duplicate.get(), DUPLICATE_KEY)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !isSyntaxError(mapping)) {
            String field = FieldProblems.path(mapping);
            return badRequest(
                    ProblemCode.INVALID_FIELD, List.of(new FieldProblem(field, FieldProblems.mappingMessage(mapping))));
        }
        return badRequest(
                ProblemCode.MALFORMED_REQUEST, List.of(new FieldProblem("body", FieldProblems.unreadableBody(cause))));
    }

    private static final String DUPLICATE_KEY = "该字段在同一对象中出现了两次（或更多），只能出现一次 (duplicate key)";

    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field =
                ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String allowed =
                type != null && type.isEnum() ? "，允许的取值: " + java.util.Arrays.toString(type.getEnumConstants()) : "";
        return badRequest(
                ProblemCode.INVALID_FIELD,
                List.of(new FieldProblem(
                        field == null ? "query" : field,
                        "取值 " + FieldProblems.abbreviate(ex.getValue()) + " 无法识别" + allowed)));
    }

    /** Broken JSON inside a nested object (a truncated body) is a malformed body, not a bad field. */
    private static boolean isSyntaxError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException
                    && !(t instanceof JsonMappingException)) {
                return true;
            }
        }
        return false;
    }

    /** A path or query parameter outside its pattern (e.g. a jurisdiction code in capitals), checked by method validation. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> invalidParameter(jakarta.validation.ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(ProblemCode.INVALID_FIELD, errors);
    }

    private static String lastNode(jakarta.validation.Path path) {
        String name = "query";
        for (jakarta.validation.Path.Node node : path) {
            name = node.getName() != null ? node.getName() : name;
        }
        return name;
    }

    /** An upload over spring.servlet.multipart.max-file-size or max-request-size. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String message = "上传的文件超过大小上限 (upload too large)";
        return fieldProblem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Payload too large",
                ProblemCode.PAYLOAD_TOO_LARGE,
                message,
                new FieldProblem("files", message));
    }

    /** A body the service parses itself (the streamed batch) that is not JSON, or has a key twice. */
    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<Object> unreadableJson(JsonProcessingException ex) {
        java.util.Optional<String> duplicate = FieldProblems.duplicateKey(ex);
        if (duplicate.isPresent()) {
            return badRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(duplicate.get(), DUPLICATE_KEY)));
        }
        return badRequest(
                ProblemCode.MALFORMED_REQUEST, List.of(new FieldProblem("body", FieldProblems.unreadableBody(ex))));
    }

    /**
     * An upload whose form Tomcat could not parse: a file name with a NUL or another control character, or a
     * broken multipart body. (An upload over the size limits is {@link #handleMaxUploadSizeExceededException}.)
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> unreadableUpload(org.springframework.web.multipart.MultipartException ex) {
        return unreadableUpload((Throwable) ex);
    }

    static ResponseEntity<Object> unreadableUpload(Throwable failure) {
        if (causeOfType(failure, org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class) != null) {
            return badRequest(
                    ProblemCode.INVALID_FIELD,
                    List.of(new FieldProblem(
                            "filename",
                            "上传文件的文件名含有控制字符（如 NUL），请改名后重新上传 (the file name contains a control character)")));
        }
        return badRequest(
                ProblemCode.MALFORMED_REQUEST,
                List.of(new FieldProblem(
                        "body", "无法读取上传的表单 (multipart/form-data)，请检查其格式 (the multipart body cannot be read)")));
    }

    /** A refusal that reached us wrapped by a parser or a library: its own answer. */
    static ResponseEntity<Object> refusal(ProblemException ex) {
        return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
    }

    /** Too many validations or workbook assessments at once (see {@link HeavyWork}). */
    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<Object> busy(ServiceBusyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Service busy");
        problem.setProperty("code", ProblemCode.BUSY);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
                .body(problem);
    }

    /** A problem other than 400 that still names the one field at fault. */
    static ResponseEntity<Object> fieldProblem(
            HttpStatus status, String title, ProblemCode code, String detail, FieldProblem error) {
        return ResponseEntity.status(status).body(Problems.forField(status, title, code, detail, error));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        ProblemException wrapped = causeOfType(ex, ProblemException.class);
        if (wrapped != null) {
            return refusal(wrapped);
        }
        log.error("Unexpected failure while serving a request", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "服务内部错误，已记录日志 (internal error; it has been logged)");
        problem.setType(ProblemCode.INTERNAL_ERROR.type());
        problem.setTitle("Internal error");
        problem.setProperty("code", ProblemCode.INTERNAL_ERROR);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Adds the stable code to the problems Spring MVC builds itself (405, 415, 404, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ProblemCode code = codeFor(ex, statusCode);
            problem.setType(code.type());
            problem.setProperty("code", code);
        }
        return response;
    }

    static ProblemCode codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCode.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException || status.value() == 404) {
            return ProblemCode.NOT_FOUND;
        }
        switch (status.value()) {
            case 401:
                return ProblemCode.UNAUTHENTICATED;
            case 403:
                return ProblemCode.FORBIDDEN;
            case 405:
                return ProblemCode.METHOD_NOT_ALLOWED;
            case 413:
                return ProblemCode.PAYLOAD_TOO_LARGE;
            case 415:
                return ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default:
                break;
        }
        return status.is5xxServerError() ? ProblemCode.INTERNAL_ERROR : ProblemCode.MALFORMED_REQUEST;
    }

    static ResponseEntity<Object> badRequest(ProblemCode code, List<FieldProblem> errors) {
        return ResponseEntity.badRequest().body(Problems.invalidRequest(code, errors));
    }

    /**
     * Every module's refusal ({@code kernel.ProblemException}) is written as it is; one that is a failure
     * of ours (a 5xx with a cause, e.g. a full disk) is logged with its cause, which the caller never sees.
     */
    @Override
    protected ResponseEntity<Object> handleErrorResponseException(
            ErrorResponseException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError() && ex.getCause() != null) {
            log.error("{}", ex.getMessage(), ex.getCause());
        }
        return super.handleErrorResponseException(ex, headers, status, request);
    }
}
