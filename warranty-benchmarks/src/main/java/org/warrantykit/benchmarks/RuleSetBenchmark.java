package org.warrantykit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.warrantykit.WarrantyService;
import org.warrantykit.rules.DroolsWarrantyRules;
import org.warrantykit.spi.WarrantyRules;

/**
 * Building a rule set and swapping it into a running service.
 *
 * <ul>
 *   <li>{@code coldBuild}: the first {@code DroolsWarrantyRules.defaults()} in a fresh JVM (one shot
 *       per fork, no warm-up): loads the precompiled default packages the jar ships, builds the
 *       KieBase and runs the sample check. The reference side constructs {@code ReferencePolicy}.</li>
 *   <li>{@code coldCompile}: the first build of a rule folder from its DRL in a fresh JVM: a copy
 *       of the default files in a directory, compiled as an operator's folder always is.</li>
 *   <li>{@code hotSwap}: an operator edit after warm-up: one default file gets a new comment (so
 *       the content, and the version, differ every time and nothing can be reused), the folder is
 *       compiled and checked, and {@link WarrantyService#replaceRules} swaps it in. Its short
 *       warm-up (about 40 swaps) is what a service sees in its first minutes of swapping.</li>
 *   <li>{@code hotSwapSteady}: the same after a minute of swapping (about 400 swaps): the JIT
 *       needs that long to finish compiling the DRL parser, ECJ and the rule builder, and each
 *       swap brings new generated classes for it to compile as well.</li>
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
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(3)
    public WarrantyRules coldCompile(Folder folder) throws IOException {
        return folder.edited(impl);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    public WarrantyService hotSwap(Running running, Folder folder) throws IOException {
        running.service.replaceRules(folder.edited(impl));
        return running.service;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 15, time = 4)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public WarrantyService hotSwapSteady(Running running, Folder folder) throws IOException {
        return hotSwap(running, folder);
    }

    /** A copy of the default rule folder in a temporary directory, edited before every build. */
    @State(Scope.Benchmark)
    public static class Folder {
        Path dir;
        int edits;

        @Setup
        public void copyDefaults() throws IOException {
            dir = Files.createTempDirectory("warranty-rules-benchmark");
            for (String file : FILES) {
                try (InputStream in = DroolsWarrantyRules.class.getResourceAsStream(
                        "/" + DroolsWarrantyRules.DEFAULT_FOLDER + "/" + file)) {
                    Files.copy(in, dir.resolve(file));
                }
            }
        }

        @TearDown
        public void delete() throws IOException {
            for (String file : FILES) {
                Files.deleteIfExists(dir.resolve(file));
            }
            Files.deleteIfExists(dir);
        }

        /** Drools: the folder compiled after a one-comment edit; reference: a new ReferencePolicy. */
        WarrantyRules edited(String impl) throws IOException {
            if (!impl.equals("drools")) {
                return Fleet.policy(impl);
            }
            Path pricing = dir.resolve("pricing.drl");
            Files.writeString(pricing, Files.readString(pricing) + "// edit " + ++edits + "\n");
            return DroolsWarrantyRules.fromDirectory(dir);
        }
    }

    private static final List<String> FILES = List.of("product-lines.drl", "standard-terms.drl", "upgrade.drl",
            "pricing.drl", "codes.drl", "transfer.drl", "scope.drl", "ruleset.properties");
}
