package cn.wenzhou.renovation.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking its password: too many failures, or too many checks waiting. A 429. */
class TooManyLoginAttemptsException extends AuthenticationException {

    private final Duration retryAfter;

    TooManyLoginAttemptsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return ThrottledLogins.retryAfterSeconds(retryAfter);
    }
}
