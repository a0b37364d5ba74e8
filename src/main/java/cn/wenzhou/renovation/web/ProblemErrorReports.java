package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before they reach the application (a header over
 * {@code server.max-http-request-header-size}, 8 KB by default; a request line it cannot parse) are answered by
 * the host's error report valve, which writes an HTML page. This replaces that valve with one that writes the
 * same problem JSON as the rest of the API. Ordered last, so it also replaces the valve Spring Boot adds for
 * {@code server.error.include-stacktrace: never}.
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;

    ProblemErrorReports(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve(json));
            if (host instanceof StandardHost standard) {
                // Otherwise the host adds Tomcat's own valve at start, finding none of that class.
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final ObjectMapper json;

        ProblemReportValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(problem(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response cannot take a body: nothing more to tell it.
            }
        }

        private static ProblemDetail problem(int status) {
            ProblemCode code;
            String field;
            String message;
            if (status == 400 || status == 431) {
                code = ProblemCode.MALFORMED_REQUEST;
                field = "headers";
                message = "请求行或请求头不合规范，或请求头合计超过 8 KB 上限 (server.max-http-request-header-size) "
                        + "(the request line or headers are malformed or too large)";
            } else {
                code = status >= 500
                        ? ProblemCode.INTERNAL_ERROR
                        : status == 404 ? ProblemCode.NOT_FOUND : ProblemCode.MALFORMED_REQUEST;
                field = null;
                message = status >= 500
                        ? "服务内部错误，已记录日志 (internal error; it has been logged)"
                        : "请求无法处理 (the request cannot be served)";
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
            problem.setType(code.type());
            HttpStatus known = HttpStatus.resolve(status);
            problem.setTitle(status == 400 ? "Invalid request" : known == null ? "Error" : known.getReasonPhrase());
            problem.setProperty("code", code);
            if (field != null) {
                problem.setProperty("errors", List.of(new FieldProblem(field, message)));
            }
            return problem;
        }
    }
}
