package cn.wenzhou.renovation.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What one piece of work on the current thread cost the heap: the bytes it allocated (all of them,
 * garbage included: an upper bound of anything it could have held) and how far the heap pools that hold
 * surviving objects (survivor and old generation, where large arrays go directly) rose above where they
 * were before it started.
 */
public record HeapUse(long allocatedBytes, long retainedPeakBytes) {

    /** Runs {@code work} on this thread and measures it; a collection before gives a quiet baseline. */
    public static HeapUse of(ThrowingRunnable work) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> surviving = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP
                        && !pool.getName().toLowerCase().contains("eden"))
                .toList();
        System.gc();
        long before = 0;
        for (MemoryPoolMXBean pool : surviving) {
            pool.resetPeakUsage();
            before += pool.getUsage().getUsed();
        }
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        work.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = 0;
        for (MemoryPoolMXBean pool : surviving) {
            peak += pool.getPeakUsage().getUsed();
        }
        return new HeapUse(allocated, Math.max(0, peak - before));
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public String toString() {
        return "allocated " + (allocatedBytes >> 20) + " MB, surviving heap peak +" + (retainedPeakBytes >> 20) + " MB";
    }
}
