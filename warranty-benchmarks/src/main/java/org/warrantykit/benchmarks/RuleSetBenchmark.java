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
import org.warrantykit.WarrantyService;
import org.warrantykit.spi.WarrantyRules;

/**
 * Building a rule set and swapping it into a running service.
 *
 * <ul>
 *   <li>{@code coldBuild}: the first build in a fresh JVM (one shot per fork, no warm-up):
 *       {@code DroolsWarrantyRules.defaults()} loads the DRL compiler, compiles, builds the KieBase
 *       and runs the sample check. The reference side constructs {@code ReferencePolicy}.</li>
 *   <li>{@code hotSwap}: build a fresh rule set and {@link WarrantyService#replaceRules} it into a
 *       running service, after warm-up (the rebuild latency an operator sees).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleSetBenchmark {
    @Param({"reference", "drools"})
    public String impl;

    /** A running service; only {@code hotSwap} uses it, so {@code coldBuild} stays cold. */
    @State(Scope.Benchmark)
    public static class Running {
        WarrantyService service;

        @Setup
        public void setUp(RuleSetBenchmark benchmark) {
            service = Fleet.service(Fleet.policy(benchmark.impl), 1_000, 0, 0);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(3)
    public WarrantyRules coldBuild() {
        return Fleet.policy(impl);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    public WarrantyService hotSwap(Running running) {
        running.service.replaceRules(Fleet.policy(impl));
        return running.service;
    }
}
