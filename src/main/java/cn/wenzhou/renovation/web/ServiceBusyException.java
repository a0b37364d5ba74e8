package cn.wenzhou.renovation.web;

import java.time.Duration;

/** Too many heavy requests at once: 503 with {@code Retry-After}, code BUSY. */
class ServiceBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
