package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.kernel.ProblemCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures outside Spring MVC (a filter that threw, Tomcat refusing the upload's file name while a filter
 * read a parameter, a servlet's sendError) reach {@code /error}: they are problems too, in place of Spring
 * Boot's {@code {"status":500,"error":...}}. Asking for {@code /error} itself is a 404 like any other
 * address without a resource.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            path = "${server.error.path:${error.path:/error}}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE
            })
    ResponseEntity<Object> error(HttpServletRequest request) {
        ResponseEntity<Object> answer = answer(request);
        if (answer.getBody() instanceof ProblemDetail problem) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            try {
                problem.setInstance(
                        java.net.URI.create(uri instanceof String original ? original : request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(null);
            }
        }
        return answer;
    }

    private static ResponseEntity<Object> answer(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (!(status instanceof Integer code)) {
            return problem(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND, "没有该地址 (no resource at this address)");
        }
        PayloadTooLargeException tooLarge = ProblemResponses.causeOfType(failure, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ProblemResponses.refusal(tooLarge);
        }
        if (ProblemResponses.causeOfType(failure, org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class)
                != null) {
            return ProblemResponses.unreadableUpload(failure);
        }
        HttpStatusCode answered = HttpStatusCode.valueOf(failure != null && code < 400 ? 500 : code);
        if (answered.value() == 400) {
            return ProblemResponses.badRequest(
                    ProblemCode.MALFORMED_REQUEST,
                    List.of(new FieldProblem("body", "请求无法读取 (the request cannot be read)")));
        }
        ProblemCode problemCode = ProblemResponses.codeFor(failure instanceof Exception e ? e : null, answered);
        String detail = answered.is5xxServerError()
                ? "服务内部错误，已记录日志 (internal error; it has been logged)"
                : "请求无法处理 (the request cannot be served)";
        return problem(answered, problemCode, detail);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(code.type());
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
