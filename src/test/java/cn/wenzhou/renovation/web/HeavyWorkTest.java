package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Heavy work runs a few at a time per kind; with no waiting place left the next one is refused at once. */
class HeavyWorkTest {

    @Test
    void withTheRunningPlaceTakenAndNoQueueAValidationIsBusyAtOnce() throws Exception {
        HeavyWork work = new HeavyWork(1, 0, 2, 0, Duration.ofMinutes(1), Duration.ofSeconds(7));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = occupy(work, running, release);
        try {
            assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
            assertThatThrownBy(() -> work.run(HeavyWork.Kind.VALIDATION, () -> "second"))
                    .isInstanceOf(ServiceBusyException.class)
                    .hasMessageContaining("规则校验")
                    .satisfies(e ->
                            assertThat(((ServiceBusyException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7)));
            assertThat(work.run(HeavyWork.Kind.WORKBOOK_ASSESSMENT, () -> "its own lane"))
                    .isEqualTo("its own lane");
        } finally {
            release.countDown();
        }
        assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo("first");
        assertThat(work.run(HeavyWork.Kind.VALIDATION, () -> "free again")).isEqualTo("free again");
    }

    @Test
    void aQueuedValidationRunsWhenTheRunningOneEnds() throws Exception {
        HeavyWork work = new HeavyWork(1, 1, 2, 0, Duration.ofMinutes(1), Duration.ofSeconds(7));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = occupy(work, running, release);
        assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
        CompletableFuture<String> queued =
                CompletableFuture.supplyAsync(() -> work.run(HeavyWork.Kind.VALIDATION, () -> "queued"));
        assertThat(queued).as("waits while the first runs").isNotDone();
        release.countDown();
        assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo("first");
        assertThat(queued.get(1, TimeUnit.MINUTES)).isEqualTo("queued");
    }

    private static CompletableFuture<String> occupy(HeavyWork work, CountDownLatch running, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> work.run(HeavyWork.Kind.VALIDATION, () -> {
            running.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
    }
}
