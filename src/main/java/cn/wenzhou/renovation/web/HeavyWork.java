package cn.wenzhou.renovation.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission for the requests that cost hundreds of megabytes or seconds of CPU (rule validations,
 * workbook assessments): a few run at once, a few more wait in a short queue, and the rest are
 * refused at once with 503 and {@code Retry-After} instead of piling up until the heap runs out.
 * The work runs on the request's own thread, so its security context and request id stay with it.
 */
@Component
public class HeavyWork {

    /** What kind of work, each with its own lane. */
    public enum Kind {
        VALIDATION("规则校验"),
        WORKBOOK_ASSESSMENT("工作簿评估");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Work that may throw what the endpoint throws. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final Lane validations;
    private final Lane workbooks;
    private final Duration retryAfter;

    HeavyWork(
            @Value("${renovation.limits.concurrent-validations:1}") int concurrentValidations,
            @Value("${renovation.limits.queued-validations:2}") int queuedValidations,
            @Value("${renovation.limits.concurrent-workbook-assessments:2}") int concurrentWorkbooks,
            @Value("${renovation.limits.queued-workbook-assessments:4}") int queuedWorkbooks,
            @Value("${renovation.limits.heavy-work-max-wait:60s}") Duration maxWait,
            @Value("${renovation.limits.busy-retry-after:10s}") Duration retryAfter) {
        this.validations = new Lane(concurrentValidations, queuedValidations, maxWait);
        this.workbooks = new Lane(concurrentWorkbooks, queuedWorkbooks, maxWait);
        this.retryAfter = retryAfter;
    }

    /** Runs {@code work} when a place of its lane is free; refuses it (503) when the lane and its queue are full. */
    public <T, E extends Exception> T run(Kind kind, Work<T, E> work) throws E {
        Lane lane = kind == Kind.VALIDATION ? validations : workbooks;
        if (!lane.admitted.tryAcquire()) {
            throw busy(kind);
        }
        try {
            if (!acquire(lane)) {
                throw busy(kind);
            }
            try {
                return work.run();
            } finally {
                lane.running.release();
            }
        } finally {
            lane.admitted.release();
        }
    }

    private static boolean acquire(Lane lane) {
        try {
            return lane.running.tryAcquire(lane.maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ServiceBusyException busy(Kind kind) {
        return new ServiceBusyException(
                "同时进行的" + kind.label + "已满，请 " + retryAfter.toSeconds() + " 秒后重试 (busy; retry later)", retryAfter);
    }

    /** Places to run, and places to run or wait: a request that finds no place to wait is refused at once. */
    private record Lane(Semaphore running, Semaphore admitted, Duration maxWait) {
        Lane(int concurrent, int queued, Duration maxWait) {
            this(
                    new Semaphore(Math.max(1, concurrent), true),
                    new Semaphore(Math.max(1, concurrent) + Math.max(0, queued)),
                    maxWait);
        }
    }
}
