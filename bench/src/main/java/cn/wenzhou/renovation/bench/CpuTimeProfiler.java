package cn.wenzhou.renovation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, the figure issue 21 sets its targets in: on this shared VM a benchmark thread is often
 * descheduled, so 1 / throughput counts time it did not run. Two figures per iteration:
 *
 * <ul>
 *   <li>{@code cpu.thread.norm}: the CPU time of the benchmark's worker threads, per operation;
 *   <li>{@code cpu.process.norm}: the whole JVM's, per operation (the garbage collector and the JIT included).
 * </ul>
 *
 * Both count the operations JMH ran while synchronising the threads at the iteration's start and end too ({@code
 * getAllOps}), since the CPU clocks run then as well. Use with {@code -prof cn.wenzhou.renovation.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER_THREAD = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean process =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workersAtStart;
    private long processAtStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark threads' and the whole JVM's";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        workersAtStart = workersCpuNanos();
        processAtStart = process.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long workers = workersCpuNanos() - workersAtStart;
        long wholeJvm = process.getProcessCpuTime() - processAtStart;
        long operations = result.getMetadata().getAllOps();
        if (operations == 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.thread.norm", workers / 1000.0 / operations, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", wholeJvm / 1000.0 / operations, "us/op", AggregationPolicy.AVG));
    }

    /** The worker threads JMH runs the benchmark on; a thread started during the iteration counts from zero. */
    private long workersCpuNanos() {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER_THREAD)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(cpu, 0);
            }
        }
        return total;
    }
}
