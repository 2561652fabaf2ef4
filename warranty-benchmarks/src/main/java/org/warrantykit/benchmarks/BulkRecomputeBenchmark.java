package org.warrantykit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.warrantykit.WarrantyService;

/**
 * {@link WarrantyService#recomputeAll} over a registry of 1,000,000 generated devices (none held
 * in memory; every 8th of the first 100,000 asked for the upgrade), one worker per available
 * processor, batches of 1,000 devices per rule-set call. One operation = the whole sweep; run with
 * {@code -prof gc} for allocation per sweep ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BulkRecomputeBenchmark {
    static final int DEVICES = 1_000_000;

    @Param({"reference", "drools"})
    public String impl;

    WarrantyService service;

    @Setup
    public void setUp() {
        service = Fleet.service(Fleet.policy(impl), DEVICES, 0, 100_000);
    }

    @Benchmark
    public long recomputeAll1M(Blackhole blackhole) {
        long count = service.recomputeAll(blackhole::consume);
        if (count != DEVICES) {
            throw new IllegalStateException("recomputed " + count + " devices, expected " + DEVICES);
        }
        return count;
    }
}
