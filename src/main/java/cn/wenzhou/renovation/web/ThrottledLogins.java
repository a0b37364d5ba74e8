package cn.wenzhou.renovation.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.function.SingletonSupplier;

/**
 * Staff logins with a limit on failures and a bounded cost: wrong passwords are counted per user name
 * and per client address, and past the limit an attempt is refused before any BCrypt check
 * ({@link TooManyLoginAttemptsException}, a 429). BCrypt checks run only on a small pool with a bounded
 * queue, so a flood of them cannot take the cores or the request threads the decisions need. The right
 * name and password, once proven, are accepted again for a short time by an HMAC of them under a key
 * made at start-up: the console signs every call with HTTP Basic, and re-checking BCrypt on each would
 * spend the pool on staff who are already known.
 */
final class ThrottledLogins implements AuthenticationProvider, DisposableBean {

    private static final int MOST_COUNTED_KEYS = 100_000;
    private static final int MOST_REMEMBERED_LOGINS = 1_000;

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final LoginLimitProperties limits;
    private final Cache<String, AtomicInteger> failures;
    private final Cache<String, UserDetails> proven;
    private final ThreadPoolExecutor passwordChecks;
    private final SecretKeySpec provenKey;
    /**
     * Checked when the name is unknown, so that an unknown name takes as long as a wrong password. Made at the first
     * such login, not at startup: one BCrypt hash costs a cold JVM a quarter second.
     */
    private final SingletonSupplier<String> unknownUserHash;

    ThrottledLogins(UserDetailsService users, PasswordEncoder passwords, LoginLimitProperties limits, Ticker ticker) {
        this.users = users;
        this.passwords = passwords;
        this.limits = limits;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(limits.window())
                .maximumSize(MOST_COUNTED_KEYS)
                .ticker(ticker)
                .build();
        this.proven = Caffeine.newBuilder()
                .expireAfterWrite(positive(limits.successCacheTtl()))
                .maximumSize(limits.successCacheTtl().isZero() ? 0 : MOST_REMEMBERED_LOGINS)
                .ticker(ticker)
                .build();
        this.passwordChecks = new ThreadPoolExecutor(
                limits.passwordCheckThreads(),
                limits.passwordCheckThreads(),
                0,
                TimeUnit.SECONDS,
                limits.passwordCheckQueue() > 0
                        ? new ArrayBlockingQueue<>(limits.passwordCheckQueue())
                        : new SynchronousQueue<>(),
                new CustomizableThreadFactory("password-check-"),
                new ThreadPoolExecutor.AbortPolicy());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.provenKey = new SecretKeySpec(key, "HmacSHA256");
        String unknownUserPassword = HexFormat.of().formatHex(key, 0, 16);
        this.unknownUserHash = SingletonSupplier.of(() -> passwords.encode(unknownUserPassword));
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String name = login.getName();
        String password =
                login.getCredentials() == null ? "" : login.getCredentials().toString();
        String address =
                login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";

        String provenAs = hmac(name, password);
        UserDetails known = proven.getIfPresent(provenAs);
        if (known != null) {
            return authenticated(login, known);
        }
        refuseIfLimited("user:" + name, limits.maxFailuresPerUser());
        refuseIfLimited("address:" + address, limits.maxFailuresPerAddress());

        UserDetails user = find(name);
        boolean matches = check(password, user == null ? unknownUserHash.obtain() : user.getPassword());
        if (user == null || !matches || !user.isEnabled()) {
            failures.get("user:" + name, k -> new AtomicInteger()).incrementAndGet();
            failures.get("address:" + address, k -> new AtomicInteger()).incrementAndGet();
            throw new BadCredentialsException("用户名或密码错误 (wrong user name or password)");
        }
        failures.invalidate("user:" + name);
        proven.put(provenAs, user);
        return authenticated(login, user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public void destroy() {
        passwordChecks.shutdownNow();
    }

    private void refuseIfLimited(String key, int limit) {
        AtomicInteger count = failures.getIfPresent(key);
        if (count != null && count.get() >= limit) {
            Duration age = failures.policy()
                    .expireAfterWrite()
                    .flatMap(p -> p.ageOf(key))
                    .orElse(Duration.ZERO);
            throw new TooManyLoginAttemptsException(
                    "登录失败次数过多，请在 " + retryAfterSeconds(limits.window().minus(age)) + " 秒后重试 (too many failed logins)",
                    limits.window().minus(age));
        }
    }

    private boolean check(String password, String hash) {
        Future<Boolean> check;
        try {
            check = passwordChecks.submit(() -> passwords.matches(password, hash));
        } catch (RejectedExecutionException busy) {
            throw new TooManyLoginAttemptsException(
                    "登录校验繁忙，请稍后重试 (too many logins being checked now)", Duration.ofSeconds(1));
        }
        try {
            return check.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            throw new AuthenticationServiceException("登录校验被中断 (login check interrupted)", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IllegalArgumentException unusable) {
                return false; // e.g. longer than BCrypt's 72 bytes: no password of ours, and counted as a failure
            }
            throw new AuthenticationServiceException("登录校验失败 (login check failed)", failed.getCause());
        }
    }

    private UserDetails find(String name) {
        try {
            return users.loadUserByUsername(name);
        } catch (UsernameNotFoundException unknown) {
            return null;
        }
    }

    private static Authentication authenticated(Authentication login, UserDetails user) {
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities());
        result.setDetails(login.getDetails());
        return result;
    }

    private String hmac(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(provenKey);
            return HexFormat.of().formatHex(mac.doFinal((name + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static Duration positive(Duration ttl) {
        return ttl.isZero() || ttl.isNegative() ? Duration.ofNanos(1) : ttl;
    }
}
