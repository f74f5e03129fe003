/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.parsjava.cli.ParsCommand;

/**
 * Runs the {@code pars} command line ({@link ParsCommand}) and prints the heap's peak use, sampled every 20 ms (used heap,
 * live and not yet collected alike, so an upper bound of what the run needed at that moment).
 * Run it with {@code -Xmx}: success under the cap is the test, the peak says how close it came.
 */
public final class PeakHeapRun {

    private PeakHeapRun() {}

    /** Arguments are passed to the command line, e.g. {@code report roster.csv --demo}. */
    public static void main(String[] args) throws Exception {
        int exit = run(args, () -> {});
        System.exit(exit == 1 ? 0 : exit); // rows to fix are expected in the synthetic roster
    }

    /** Work run on a thread of its own beside the command line. */
    @FunctionalInterface
    interface Beside {
        /** Does the work. */
        void run() throws Exception;
    }

    /**
     * Runs the command line with {@code beside} on another thread, and prints the heap's peak and
     * the time until both have ended; returns the command line's exit code.
     */
    static int run(String[] args, Beside beside) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        FutureTask<Void> other = new FutureTask<>(() -> {
            beside.run();
            return null;
        });
        new Thread(other, "beside-the-command").start();
        int exit = ParsCommand.execute(args, System.out, System.err, System.getenv());
        other.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(
                "PEAK_HEAP_MB=%.1f MAX_HEAP_MB=%.1f ELAPSED_MS=%d EXIT=%d%n",
                peak.get() / 1048576.0, max / 1048576.0, ms, exit);
        return exit;
    }
}
