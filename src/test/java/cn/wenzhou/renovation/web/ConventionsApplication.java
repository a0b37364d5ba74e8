package cn.wenzhou.renovation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as a portal deployment configures it: two portals allowed cross-origin, a spec
 * marking some real operations deprecated, and a rules publisher. One context, shared by every test
 * class of the API conventions that needs configuration (Spring caches it by these properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "renovation.cors.portals[0].name=provincial-approval-platform",
            "renovation.cors.portals[0].origins[0]=" + ConventionsApplication.PORTAL,
            "renovation.cors.portals[1].name=wenzhou-city-portal",
            "renovation.cors.portals[1].origins[0]=https://www.wenzhou.example",
            "renovation.cors.portals[1].origins[1]=" + ConventionsApplication.SECOND_PORTAL,
            "renovation.api.spec-location=classpath:conventions/deprecated-operations.yaml",
            "renovation.security.users[0].name=" + ConventionsApplication.PUBLISHER,
            // BCrypt (cost 4) of PASSWORD.
            "renovation.security.users[0].password-hash={bcrypt}$2a$04$H.KXzUZoWZvp/s2BiAD.7u0xioj9zidBxSzJB35O5HdNptIJJ4XGG",
            "renovation.security.users[0].roles[0]=rules-publisher"
        })
@AutoConfigureMockMvc
@interface ConventionsApplication {

    String PORTAL = "https://approval.zjzwfw.example";
    String SECOND_PORTAL = "https://m.wenzhou.example:8443";
    String PUBLISHER = "wang.fang";
    String PASSWORD = "conventions test password";
}
