package cn.wenzhou.renovation.bench.bare;

import java.time.LocalDate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare baseline of issue 21's HTTP ratio: a Spring Boot application with nothing but Tomcat, Spring MVC and
 * Jackson, whose one endpoint reads the eligibility request's body into a record of the same shape and writes it
 * back. No filters, no security, no validation, no metrics, no request log: what any Spring Boot JSON endpoint costs
 * on this machine, run beside the service by {@code bench/rest-ratio.sh}. Not {@link EnableAutoConfiguration}: the
 * bench class path holds the whole service's (security, data sources), and only these four are wanted.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
@Import(BareEchoApplication.Echo.class)
public class BareEchoApplication {

    record Deficiencies(
            boolean functionsIncomplete, boolean facilitiesIncomplete, boolean propertyManagementInadequate) {}

    record Community(
            String communityName,
            Integer completionYear,
            String housingKind,
            Boolean listedInShantyRenovationPlan,
            Deficiencies deficiencies,
            Boolean strongRenovationWillingness,
            LocalDate evaluationDate) {}

    @RestController
    static class Echo {

        @PostMapping(
                path = "/api/v1/eligibility",
                consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        Community echo(@RequestBody Community community) {
            return community;
        }
    }

    /** {@code --server.port=N}; its own configuration name, so the service's application.yaml is not read. */
    public static void main(String[] args) {
        System.setProperty("spring.config.name", "bare-baseline");
        SpringApplication.run(BareEchoApplication.class, args);
    }
}
