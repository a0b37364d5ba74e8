package cn.wenzhou.renovation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} of one decision controller with the service's own web conventions (strict JSON,
 * problem responses, security, request ids and body limits) and nothing of the engine: the test mocks
 * {@code RequestRulesets} and the controller's decider, so no rule is compiled. Receipts are left out
 * (their recorder needs the receipt store and every decider); the full-context tests cover them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.wenzhou\\.renovation\\.receipt\\..*"))
@Import(DecisionSliceConfiguration.class)
public @interface DecisionControllerSlice {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
