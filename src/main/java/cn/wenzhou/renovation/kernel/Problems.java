package cn.wenzhou.renovation.kernel;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The RFC 7807 bodies the service answers with: a stable {@code code}, its type, and the field at fault. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String title, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(code.type());
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** A 400: the request is wrong in the fields named, each with what was expected. */
    public static ProblemDetail invalidRequest(ProblemCode code, List<FieldProblem> errors) {
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "请求有误，字段: " + fields + " (invalid request; see errors)");
        problem.setType(ProblemCode.INVALID_REQUEST_TYPE);
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("code", code, "errors", errors));
        return problem;
    }

    /** A problem that names the one field at fault. */
    public static ProblemDetail forField(
            HttpStatusCode status, String title, ProblemCode code, String detail, FieldProblem error) {
        ProblemDetail problem = of(status, title, code, detail);
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
