package cn.wenzhou.renovation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop HTTP load at a fixed rate, for latency at a given throughput (wrk only saturates). Requests
 * fall due on a schedule whatever the service's latency, and each is timed from when it was due rather
 * than when it was sent, so a stall (of the service, or a wait for a free sender) shows in the
 * percentiles instead of quietly slowing the load. The first {@value #WARM_UP_SECONDS} seconds run at
 * the same rate unrecorded: this harness's own JVM starts cold.
 *
 * <p>Senders are {@value #SENDERS} threads with blocking keep-alive connections: the JDK's asynchronous
 * {@code HttpClient} cost so much CPU per request that on this VM's two cores it fell behind its own
 * schedule at 1,000 requests/s against a bare endpoint (p90 68 ms), where these senders held 5,000/s.
 *
 * <pre>PacedLoad &lt;url&gt; &lt;requests per second&gt; &lt;seconds&gt; &lt;JSON body&gt;</pre>
 */
public final class PacedLoad {

    private static final long HIGHEST_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int WARM_UP_SECONDS = 10;
    private static final int SENDERS = 64;

    private PacedLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: PacedLoad <url> <requests per second> <seconds> <JSON body>");
            System.exit(2);
        }
        // Idle keep-alive connections kept per host; the JDK's default of 5 would reconnect most senders.
        System.setProperty("http.maxConnections", String.valueOf(SENDERS));
        URL target = URI.create(args[0]).toURL();
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        byte[] body = args[3].getBytes(StandardCharsets.UTF_8);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);

        run(
                senders,
                target,
                body,
                rate,
                WARM_UP_SECONDS,
                new ConcurrentHistogram(HIGHEST_TRACKED_MICROS, 3),
                new AtomicInteger());
        Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_TRACKED_MICROS, 3);
        AtomicInteger failed = new AtomicInteger();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        boolean all = run(senders, target, body, rate, seconds, latencyMicros, failed);
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

    /** Hands rate × seconds requests to the senders on schedule; true once all are answered (within a minute of the last). */
    private static boolean run(
            ExecutorService senders,
            URL target,
            byte[] body,
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
            senders.execute(() -> {
                if (!answeredOk(target, body)) {
                    failed.incrementAndGet();
                }
                latencyMicros.recordValue(Math.min(HIGHEST_TRACKED_MICROS, (System.nanoTime() - due) / 1_000));
                answered.countDown();
            });
        }
        return answered.await(1, TimeUnit.MINUTES);
    }

    /** One POST on a kept-alive connection, its answer read to the end so the connection can be reused. */
    private static boolean answeredOk(URL target, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) target.openConnection();
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
