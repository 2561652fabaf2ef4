package org.warrantykit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warrantykit.WarrantyService;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;

/**
 * CPU time, not wall time, of the same work the JMH benchmarks time: on a shared machine (other
 * processes competing for the cores) wall-clock scores swing widely while CPU time per operation
 * stays put. Single-threaded parts use the thread's CPU time; the bulk sweep the whole process's.
 *
 * <pre>java -cp warranty-benchmarks/target/benchmarks.jar org.warrantykit.benchmarks.CpuProbe</pre>
 */
public final class CpuProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuProbe() {
    }

    public static void main(String[] args) throws IOException {
        int bulk = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        WarrantyRules drools = Fleet.policy("drools");
        report("cold build (drools)", cpu, wall, 1, "ms");
        WarrantyRules reference = Fleet.policy("reference");

        LocalDate on = Fleet.CLOCK.instant().atZone(Fleet.CLOCK.getZone()).toLocalDate();
        List<PolicyQuery> queries = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            queries.add(PolicyQuery.fresh(Fleet.device(i), on));
        }
        for (int round = 0; round < 4; round++) {
            boolean last = round == 3;
            for (WarrantyRules policy : List.of(reference, drools)) {
                String name = policy == reference ? "reference" : "drools";
                int singles = policy == reference ? 20_000 : 3_000;
                cpu = THREADS.getCurrentThreadCpuTime();
                wall = System.nanoTime();
                for (int i = 0; i < singles; i++) {
                    policy.decide(queries.get(i));
                }
                if (last) {
                    report("decide, one per call (" + name + ")", cpu, wall, singles, "us");
                }
                cpu = THREADS.getCurrentThreadCpuTime();
                wall = System.nanoTime();
                for (int from = 0; from < queries.size(); from += 1_000) {
                    policy.decideAll(queries.subList(from, from + 1_000));
                }
                if (last) {
                    report("decideAll, 1,000 per call (" + name + ")", cpu, wall, queries.size(), "us");
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            cpu = THREADS.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            Fleet.policy("drools");
            if (i >= 2) {
                report("load precompiled default again (drools)", cpu, wall, 1, "ms");
            }
        }
        RuleSetBenchmark.Folder folder = new RuleSetBenchmark.Folder();
        folder.copyDefaults();
        for (int i = 0; i < 8; i++) {
            cpu = THREADS.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            folder.edited("drools");
            if (i >= 5) {
                report("rebuild of an edited folder (drools)", cpu, wall, 1, "ms");
            }
        }
        folder.delete();
        for (String impl : List.of("reference", "drools")) {
            WarrantyService service = Fleet.service(Fleet.policy(impl), bulk, 0, 100_000);
            for (int round = 0; round < 2; round++) {
                long processCpu = OS.getProcessCpuTime();
                wall = System.nanoTime();
                long count = service.recomputeAll(view -> { });
                System.out.printf("%-44s %10.0f ms process CPU %10.0f ms wall  (%d devices)%n",
                        "recomputeAll (" + impl + ")" + (round == 0 ? " warm-up" : ""),
                        (OS.getProcessCpuTime() - processCpu) / 1e6, (System.nanoTime() - wall) / 1e6, count);
            }
        }
    }

    private static void report(String what, long cpuStart, long wallStart, int operations, String unit) {
        double scale = unit.equals("ms") ? 1e6 : 1e3;
        System.out.printf("%-44s %10.2f %s CPU  %10.2f %s wall  per operation%n", what,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / scale / operations, unit,
                (System.nanoTime() - wallStart) / scale / operations, unit);
    }
}
