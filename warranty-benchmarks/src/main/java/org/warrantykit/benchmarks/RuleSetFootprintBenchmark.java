package org.warrantykit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.warrantykit.spi.WarrantyRules;

/**
 * Heap retained by one compiled rule set, by difference: full GC, heap used, build and hold
 * {@link #SETS} rule sets, full GC, heap used again; the difference divided by {@code SETS}, the
 * smallest of {@link #ROUNDS} rounds, is reported as the secondary result {@code retainedKbPerSet}
 * (the primary score, the time to build them all, is incidental). A warm-up shot first loads the
 * compiler's classes so they are not counted. Several rounds because the first sets built in a
 * JVM also fill caches that outlive them; some forks still report more in every round (figures
 * in docs/performance.md). One measured shot: JMH sums event counters over iterations, so with
 * more than one the table shows the sum (the per-iteration lines stay right).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"})
public class RuleSetFootprintBenchmark {
    static final int SETS = 10;
    static final int ROUNDS = 3;

    @Param({"reference", "drools"})
    public String impl;

    /** JMH reports the public fields of this state as secondary results. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Footprint {
        public double retainedKbPerSet;

        @Setup(Level.Iteration)
        public void reset() {
            retainedKbPerSet = 0;
        }
    }

    @Benchmark
    public List<WarrantyRules> retainedHeap(Footprint footprint) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double smallest = Double.MAX_VALUE;
        List<WarrantyRules> held = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            held = List.of(); // the previous round's sets are garbage before this round's baseline
            long before = usedAfterGc(memory);
            held = new ArrayList<>(SETS);
            for (int i = 0; i < SETS; i++) {
                held.add(Fleet.policy(impl));
            }
            long after = usedAfterGc(memory);
            smallest = Math.min(smallest, (after - before) / 1024.0 / SETS);
        }
        footprint.retainedKbPerSet = smallest;
        return held;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
