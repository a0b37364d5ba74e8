package cn.wenzhou.renovation.kernel;

import java.util.List;
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

    /** A problem that names the one field at fault. */
    public static ProblemDetail forField(
            HttpStatusCode status, String title, ProblemCode code, String detail, FieldProblem error) {
        ProblemDetail problem = of(status, title, code, detail);
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
