package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** BCrypt checks run only on the login pool: when it and its queue are taken, a login is refused at once. */
class ThrottledLoginsTest {

    /** Plain-text "hashes", with a gate that holds a check until the test lets it finish. */
    private static final class GatedEncoder implements PasswordEncoder {
        final CountDownLatch checking = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checking.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return encoded.contentEquals(raw);
        }
    }

    @Test
    void aLoginFindingThePasswordCheckPoolBusyIsRefusedWithoutWaiting() throws Exception {
        GatedEncoder encoder = new GatedEncoder();
        ThrottledLogins logins = new ThrottledLogins(
                new InMemoryUserDetailsManager(User.withUsername("zhang")
                        .password("secret")
                        .roles("rules-editor")
                        .build()),
                encoder,
                new LoginLimitProperties(5, 20, Duration.ofMinutes(15), 1, 0, Duration.ZERO),
                Ticker.systemTicker());
        try {
            CompletableFuture<Authentication> first =
                    CompletableFuture.supplyAsync(() -> logins.authenticate(login("secret")));
            assertThat(encoder.checking.await(30, TimeUnit.SECONDS))
                    .as("the first check started")
                    .isTrue();

            assertThatThrownBy(() -> logins.authenticate(login("secret")))
                    .isInstanceOf(TooManyLoginAttemptsException.class)
                    .hasMessageStartingWith("登录校验繁忙");

            encoder.release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            // The pool's thread hands back the first result a moment before it takes new work: retry until it does.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> assertThat(catchThrowable(() -> logins.authenticate(login("wrong"))))
                            .isInstanceOf(BadCredentialsException.class));
        } finally {
            encoder.release.countDown();
            logins.destroy();
        }
    }

    /**
     * An unknown name costs a password check like a known one (no answer comes faster for it); the hash it is
     * checked against is made once, at the first such login, not while the service starts.
     */
    @Test
    void anUnknownNameIsCheckedAgainstOneHashMadeAtItsFirstLogin() throws Exception {
        AtomicInteger encoded = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                encoded.incrementAndGet();
                return "hash of " + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String hash) {
                checked.incrementAndGet();
                return hash.equals("hash of " + raw);
            }
        };
        ThrottledLogins logins = new ThrottledLogins(
                new InMemoryUserDetailsManager(),
                counting,
                // a queue, so the second login never meets the pool's one thread still handing back the first
                new LoginLimitProperties(5, 20, Duration.ofMinutes(15), 1, 10, Duration.ZERO),
                Ticker.systemTicker());
        try {
            assertThat(encoded).as("nothing hashed at construction").hasValue(0);
            for (String guess : new String[] {"secret", "another"}) {
                assertThatThrownBy(() ->
                                logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("li", guess)))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThat(checked).as("each unknown login checked a password").hasValue(2);
            assertThat(encoded).as("against one hash").hasValue(1);
        } finally {
            logins.destroy();
        }
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("zhang", password);
    }
}
