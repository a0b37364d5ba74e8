package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.StaffUsers;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Failed staff logins are limited per user name and per client address (issue 17, finding 4(f)): past
 * the limit a login is a 429 problem with Retry-After, refused before any BCrypt check; other users
 * and addresses are unaffected, and the window ends. Time is a ticker the test moves; BCrypt checks are
 * counted on the real encoder.
 */
@SpringBootTest(
        properties = {
            "renovation.security.logins.max-failures-per-user=3",
            "renovation.security.logins.max-failures-per-address=6",
            "renovation.security.logins.window=10m"
        })
@AutoConfigureMockMvc
@Import(LoginLimitHttpTest.Clock.class)
class LoginLimitHttpTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String VERSIONS = "/api/v1/admin/rulesets/wenzhou/versions";

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        StaffUsers.register(
                registry,
                PASSWORD,
                "chen.locked",
                "rules-editor",
                "lin.other",
                "rules-editor",
                "wang.office",
                "rules-editor",
                "zhou.later",
                "rules-editor",
                "wu.working",
                "rules-editor");
    }

    @TestConfiguration
    static class Clock {
        static final AtomicLong NANOS = new AtomicLong();
        static final AtomicInteger PASSWORD_CHECKS = new AtomicInteger();

        @Bean
        Ticker loginTicker() {
            return NANOS::get;
        }

        /** The service's encoder, counting the checks it makes. */
        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder() {
            PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return real.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    PASSWORD_CHECKS.incrementAndGet();
                    return real.matches(raw, encoded);
                }
            };
        }
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void theLoginAfterThreeWrongPasswordsIsA429WithoutAPasswordCheck() throws Exception {
        for (int i = 0; i < 3; i++) {
            login("chen.locked", "wrong-" + i, "10.1.0.1").andExpect(status().isUnauthorized());
        }
        int checks = Clock.PASSWORD_CHECKS.get();

        login("chen.locked", "wrong-3", "10.1.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(jsonPath("$.code").value("TOO_MANY_LOGIN_ATTEMPTS"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("登录失败次数过多，请在 600 秒后重试")));
        // Locked means locked: the right password, from another address, is not checked either.
        login("chen.locked", PASSWORD, "10.1.0.2").andExpect(status().isTooManyRequests());

        assertThat(Clock.PASSWORD_CHECKS.get())
                .as("BCrypt checks made for refused logins")
                .isEqualTo(checks);
    }

    @Test
    void anotherUserFromTheSameAddressIsUnaffected() throws Exception {
        for (int i = 0; i < 4; i++) {
            login("lin.locked-neighbour", "wrong-" + i, "10.2.0.1");
        }
        login("lin.locked-neighbour", "wrong", "10.2.0.1").andExpect(status().isTooManyRequests());

        login("lin.other", PASSWORD, "10.2.0.1").andExpect(status().isOk());
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedWhateverTheNameWhileOtherAddressesAreNot() throws Exception {
        for (int i = 0; i < 6; i++) {
            login("guess-" + i, "wrong", "10.3.0.1").andExpect(status().isUnauthorized());
        }

        login("wang.office", PASSWORD, "10.3.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_LOGIN_ATTEMPTS"));
        login("wang.office", PASSWORD, "10.3.0.2").andExpect(status().isOk());
    }

    @Test
    void theRightPasswordWorksAgainOnceTheWindowHasPassed() throws Exception {
        for (int i = 0; i < 3; i++) {
            login("zhou.later", "wrong-" + i, "10.4.0.1").andExpect(status().isUnauthorized());
        }
        login("zhou.later", PASSWORD, "10.4.0.1").andExpect(status().isTooManyRequests());

        Clock.NANOS.addAndGet(Duration.ofMinutes(9).toNanos());
        login("zhou.later", PASSWORD, "10.4.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
        Clock.NANOS.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());

        login("zhou.later", PASSWORD, "10.4.0.1").andExpect(status().isOk());
    }

    @Test
    void aUserWhoseRightPasswordWasJustCheckedKeepsWorkingWhileSomeoneGuessesTheirName() throws Exception {
        login("wu.working", PASSWORD, "10.5.0.1").andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            login("wu.working", "guess-" + i, "10.5.0.9").andExpect(status().isUnauthorized());
        }
        login("wu.working", "guess-3", "10.5.0.9").andExpect(status().isTooManyRequests());
        int checks = Clock.PASSWORD_CHECKS.get();

        login("wu.working", PASSWORD, "10.5.0.1").andExpect(status().isOk());

        assertThat(Clock.PASSWORD_CHECKS.get())
                .as("BCrypt checks for a login proven moments ago")
                .isEqualTo(checks);
    }

    private ResultActions login(String user, String password, String address) throws Exception {
        return mvc.perform(get(VERSIONS)
                .accept(MediaType.APPLICATION_JSON)
                .with(httpBasic(user, password))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}
