package cn.wenzhou.renovation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service as a portal deployment configures it, started once and shared by every test class that
 * needs nothing else: the decisions, the spec's examples, the generated clients and the cross-cutting
 * conventions (CORS for two portals, deprecation headers from a spec marking some real operations deprecated,
 * caching, request ids, compression, problem codes, metrics). It listens on a random port and serves MockMvc,
 * today is {@link FixedWenzhouClock}'s date, and one rules publisher may sign in.
 *
 * <p>Spring caches a test context by its configuration, so a class that adds properties, beans or a
 * {@code @DynamicPropertySource} starts a context of its own: do that only for a configuration this one cannot
 * have (other limits, API keys, a rules folder it edits, a fault it injects). A class that activates rules or a
 * calendar adds {@code @DirtiesContext}: the version numbers and answers of the classes after it then start from
 * the deployed rules again, as the spec's examples document them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "renovation.cors.portals[0].name=provincial-approval-platform",
            "renovation.cors.portals[0].origins[0]=" + DeployedService.PORTAL,
            "renovation.cors.portals[1].name=wenzhou-city-portal",
            "renovation.cors.portals[1].origins[0]=https://www.wenzhou.example",
            "renovation.cors.portals[1].origins[1]=" + DeployedService.SECOND_PORTAL,
            "renovation.api.spec-location=classpath:conventions/deprecated-operations.yaml",
            "renovation.security.users[0].name=" + DeployedService.PUBLISHER,
            // BCrypt (cost 4) of PASSWORD.
            "renovation.security.users[0].password-hash={bcrypt}$2a$04$H.KXzUZoWZvp/s2BiAD.7u0xioj9zidBxSzJB35O5HdNptIJJ4XGG",
            "renovation.security.users[0].roles[0]=rules-publisher",
            "renovation.security.users[1].name=" + DeployedService.EDITOR,
            "renovation.security.users[1].password-hash={bcrypt}$2a$04$H.KXzUZoWZvp/s2BiAD.7u0xioj9zidBxSzJB35O5HdNptIJJ4XGG",
            "renovation.security.users[1].roles[0]=rules-editor"
        })
@AutoConfigureMockMvc
@AutoConfigureObservability
@Import(FixedWenzhouClock.class)
public @interface DeployedService {

    String PORTAL = "https://approval.zjzwfw.example";
    String SECOND_PORTAL = "https://m.wenzhou.example:8443";
    String PUBLISHER = "chen.jing";
    String PASSWORD = "conventions test password";
    /** A rules editor with the same password: she submits, the publisher reviews. */
    String EDITOR = "wang.fang";
}
