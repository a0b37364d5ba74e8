package cn.wenzhou.renovation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop HTTP load at a fixed rate, for latency at a given throughput (wrk only saturates). Requests
 * go out on a schedule whatever the service's latency, and each is timed from when it was due rather
 * than when it was sent, so a stall shows in the percentiles instead of quietly slowing the load.
 * The first {@value #WARM_UP_SECONDS} seconds run at the same rate unrecorded: this harness's own JVM
 * starts cold, and its first requests would time the client's warm-up rather than the service.
 *
 * <pre>PacedLoad &lt;url&gt; &lt;requests per second&gt; &lt;seconds&gt; &lt;JSON body&gt;</pre>
 */
public final class PacedLoad {

    private static final long HIGHEST_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int WARM_UP_SECONDS = 5;

    private PacedLoad() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: PacedLoad <url> <requests per second> <seconds> <JSON body>");
            System.exit(2);
        }
        URI target = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(args[3]))
                .build();

        run(client, request, rate, WARM_UP_SECONDS);
        Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_TRACKED_MICROS, 3);
        AtomicInteger failed = new AtomicInteger();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        boolean all = run(client, request, rate, seconds, latencyMicros, failed);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%d requests in %.1f s (%.0f/s), p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                        + " max %.2f ms, failed %d%s%n",
                total,
                elapsed,
                total / elapsed,
                latencyMicros.getValueAtPercentile(50) / 1e3,
                latencyMicros.getValueAtPercentile(90) / 1e3,
                latencyMicros.getValueAtPercentile(99) / 1e3,
                latencyMicros.getValueAtPercentile(99.9) / 1e3,
                latencyMicros.getMaxValue() / 1e3,
                failed.get(),
                all ? "" : ", some never answered");
        System.exit(0);
    }

    private static void run(HttpClient client, HttpRequest request, int rate, int seconds) throws InterruptedException {
        run(client, request, rate, seconds, new ConcurrentHistogram(HIGHEST_TRACKED_MICROS, 3), new AtomicInteger());
    }

    /** Sends rate × seconds requests on schedule; true once all are answered (within a minute of the last). */
    private static boolean run(
            HttpClient client,
            HttpRequest request,
            int rate,
            int seconds,
            Histogram latencyMicros,
            AtomicInteger failed)
            throws InterruptedException {
        long total = (long) rate * seconds;
        CountDownLatch answered = new CountDownLatch((int) total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencyMicros.recordValue(Math.min(HIGHEST_TRACKED_MICROS, (System.nanoTime() - due) / 1_000));
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                answered.countDown();
            });
        }
        return answered.await(1, TimeUnit.MINUTES);
    }
}
