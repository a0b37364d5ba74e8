package cn.wenzhou.renovation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.web.HeavyWork;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One lane of {@link HeavyWork} held by a piece of work that waits until closed: while it is open, a
 * request of that kind finds the lane busy (with a queue of 0). Latches, no sleeping.
 */
public final class OccupiedLane implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> occupying;

    private OccupiedLane(HeavyWork heavyWork, HeavyWork.Kind kind) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        occupying = CompletableFuture.supplyAsync(() -> heavyWork.run(kind, () -> {
            running.countDown();
            try {
                return release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(running.await(1, TimeUnit.MINUTES))
                .as("the occupying work started")
                .isTrue();
    }

    /** Returns once the work holds the lane. */
    public static OccupiedLane of(HeavyWork heavyWork, HeavyWork.Kind kind) throws InterruptedException {
        return new OccupiedLane(heavyWork, kind);
    }

    /** Lets the work end and waits for it. */
    @Override
    public void close() throws Exception {
        release.countDown();
        occupying.get(1, TimeUnit.MINUTES);
    }
}
