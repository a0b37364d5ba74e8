package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request is validated once, by Spring MVC, as one method call: its body's constraints and its query's (the
 * jurisdiction's pattern) together, with no validating proxy around the controller to check the body again.
 */
@DeployedService
class OneValidationPerRequestHttpTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MockMvc mvc;

    @Test
    void noControllerIsWrappedInAValidatingProxy() {
        String[] controllers = context.getBeanNamesForAnnotation(RestController.class);
        assertThat(controllers).isNotEmpty();
        for (String name : controllers) {
            Object controller = context.getBean(name);
            if (controller instanceof Advised advised) {
                assertThat(Arrays.stream(advised.getAdvisors()).map(a -> a.getAdvice()))
                        .as(name)
                        .noneMatch(MethodValidationInterceptor.class::isInstance);
            }
        }
    }

    @Test
    void aBadQueryAndABadBodyAreNamedInOneProblem() throws Exception {
        ObjectNode community = (ObjectNode) SpecExamples.named("EligibilityRequestBuiltIn1995");
        community.put("completionYear", -1);

        mvc.perform(post("/api/v1/eligibility?jurisdiction=BAD!")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("completionYear", "jurisdiction")));
    }

    @Test
    void aBadQueryAloneIsNamed() throws Exception {
        mvc.perform(post("/api/v1/eligibility?jurisdiction=BAD!")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SpecExamples.named("EligibilityRequestBuiltIn1995")
                                .toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"))
                .andExpect(jsonPath("$.errors.length()").value(1));
    }
}
