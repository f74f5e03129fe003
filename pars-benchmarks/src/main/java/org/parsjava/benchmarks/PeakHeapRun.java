package org.parsjava.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.parsjava.examples.ReportCompletions;

/**
 * Runs {@link ReportCompletions} and prints the heap's peak use: the sum of the heap memory
 * pools' peaks (an upper bound of live data at any instant). Run it with {@code -Xmx256m}.
 */
public final class PeakHeapRun {

    private PeakHeapRun() {
    }

    /** Arguments are passed to ReportCompletions. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        int exit = ReportCompletions.run(args, System.out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("PEAK_HEAP_MB=%.1f MAX_HEAP_MB=%.1f ELAPSED_MS=%d EXIT=%d%n", peak / 1048576.0,
                max / 1048576.0, ms, exit);
        System.exit(exit == 1 ? 0 : exit); // rows to fix are expected in the synthetic roster
    }
}
