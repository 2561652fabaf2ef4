package org.warrantykit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.warrantykit.WarrantyView;

/**
 * Inquiries through {@link WarrantyService}, the Drools policy against the plain-Java reference on
 * the same generated devices (see {@link Fleet}), held in an {@code InMemoryDeviceRegistry}; every
 * 8th device asked for the upgrade.
 *
 * <ul>
 *   <li>{@code inquire}: one inquiry per operation over 100,000 distinct devices in turn, decision
 *       cache off: the raw cost of a single decision.</li>
 *   <li>{@code inquireRepeated}: the same, over 1,000 hot devices with the default decision cache on.</li>
 *   <li>{@code inquireBatch1000}: {@link WarrantyService#inquireAll} of 1,000 serial numbers (one
 *       rule-set call), a different window of the 100,000 devices each time, cache off.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InquiryBenchmark {
    static final int DEVICES = 100_000;
    static final int HOT = 1_000;
    static final int BATCH = 1_000;

    @Param({"reference", "drools"})
    public String impl;

    WarrantyService uncached;
    WarrantyService cached;
    String[] serials;
    int next;
    int nextHot;
    int nextWindow;

    @Setup
    public void setUp() {
        uncached = Fleet.inMemoryService(Fleet.policy(impl), DEVICES, 0, DEVICES);
        cached = Fleet.inMemoryService(uncached.rules(), DEVICES, WarrantyService.DEFAULT_DECISION_CACHE, DEVICES);
        serials = IntStream.range(0, DEVICES).mapToObj(Fleet::serial).toArray(String[]::new);
        exerciseTheOtherPolicy();
    }

    /**
     * Runs the other policy through the same service paths before measuring, so that both forks
     * have the same classes loaded and similar JIT profiles. Without it the reference fork's shared
     * call sites (record hashCode/equals, map look-ups) see only a few receiver types and inline
     * better than they would in any application that also runs Drools, which flatters the
     * reference by several times on the cache-hit path.
     */
    private void exerciseTheOtherPolicy() {
        WarrantyService other = Fleet.inMemoryService(Fleet.policy(impl.equals("drools") ? "reference" : "drools"),
                2_000, WarrantyService.DEFAULT_DECISION_CACHE, 2_000);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 2_000; i++) {
                other.inquire(serials[i]);
            }
            try (var views = other.inquireAll(IntStream.range(0, 2_000).mapToObj(i -> serials[i]))) {
                views.forEach(view -> { });
            }
        }
    }

    @Benchmark
    public WarrantyView inquire() {
        int i = next;
        next = i + 1 == DEVICES ? 0 : i + 1;
        return uncached.inquire(serials[i]);
    }

    @Benchmark
    public WarrantyView inquireRepeated() {
        int i = nextHot;
        nextHot = i + 1 == HOT ? 0 : i + 1;
        return cached.inquire(serials[i]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<WarrantyView> inquireBatch1000() {
        int from = nextWindow;
        nextWindow = from + BATCH >= DEVICES ? 0 : from + BATCH;
        try (var views = uncached.inquireAll(IntStream.range(from, from + BATCH).mapToObj(i -> serials[i]))) {
            return views.toList();
        }
    }
}
