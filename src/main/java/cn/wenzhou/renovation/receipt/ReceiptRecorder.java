package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.decision.DecisionContext;
import cn.wenzhou.renovation.decision.DecisionEndpoints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps a receipt of a decision when the caller asks for one ({@code Decision-Receipt: true}) or the
 * service is configured to keep all: the request as read (personal data masked), the answer as
 * written, and the ruleset that gave it. The receipt id goes back in the {@code Decision-Receipt}
 * header. Only decision endpoints that can be replayed are recorded.
 */
@ControllerAdvice
class ReceiptRecorder extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Decision-Receipt";
    private static final String REQUEST_BODY = ReceiptRecorder.class.getName() + ".request";

    private final ReceiptProperties properties;
    private final DecisionEndpoints endpoints;
    private final ReceiptStore store;
    private final ObjectMapper json;

    ReceiptRecorder(ReceiptProperties properties, DecisionEndpoints endpoints, ReceiptStore store, ObjectMapper json) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.store = store;
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return properties.mode() != ReceiptProperties.Mode.OFF;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) {
        currentRequest().ifPresent(request -> request.setAttribute(REQUEST_BODY, body));
        return body;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
        return properties.mode() != ReceiptProperties.Mode.OFF;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converter,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet) || body == null) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        Object requestBody = http.getAttribute(REQUEST_BODY);
        String path = http.getRequestURI();
        DecisionContext decided =
                DecisionContext.of(http).filter(DecisionContext::decided).orElse(null);
        if (requestBody == null
                || decided == null
                || body instanceof ProblemDetail
                || endpoints.at(path).isEmpty()
                || !wanted(http)) {
            return body; // not a decision (a problem response, say)
        }
        JsonNode answer = json.valueToTree(body);
        JsonNode asked = json.valueToTree(requestBody);
        // A request without an evaluation date was decided "today": keep the day it was, so a replay tomorrow differs
        // only by rules.
        if (asked instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                && !object.hasNonNull("evaluationDate")
                && answer.hasNonNull("evaluationDate")) {
            object.set("evaluationDate", answer.get("evaluationDate"));
        }
        JsonNode[] masked = ReceiptJson.maskedTogether(asked, answer.deepCopy());
        Receipt receipt = new Receipt(
                UUID.randomUUID(),
                Instant.now(),
                path,
                decided.jurisdiction(),
                decided.rulesetVersion(),
                decided.versionNumber(),
                masked[0].toString(),
                masked[1].toString());
        try {
            store.save(receipt);
        } catch (org.springframework.dao.DataAccessException e) {
            // A decision asked for with a receipt is not given without one: the caller may rely on it as proof.
            throw new cn.wenzhou.renovation.ruleset.versions.StorageUnavailableException(
                    "判定回执未能保存，本次判定结果不予出具，请稍后重试 (the receipt could not be stored, so the decision is not given)", e);
        }
        response.getHeaders().set(HEADER, receipt.id().toString());
        response.getHeaders().add("Link", "</api/v1/receipts/" + receipt.id() + ">; rel=\"receipt\"");
        return body;
    }

    private boolean wanted(HttpServletRequest request) {
        return properties.mode() == ReceiptProperties.Mode.ALWAYS
                || "true".equalsIgnoreCase(request.getHeader(HEADER))
                || "true".equalsIgnoreCase(request.getParameter("receipt"));
    }

    private static java.util.Optional<HttpServletRequest> currentRequest() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? java.util.Optional.of(servlet.getRequest())
                : java.util.Optional.empty();
    }
}
