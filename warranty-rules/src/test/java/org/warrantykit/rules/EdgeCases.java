package org.warrantykit.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * Hand-picked boundary inputs for the explicit examples next to the properties: edge cases of the
 * generated ranges (first and last production day, one-element batches) and the days the default
 * policy turns on, all in every combination rather than by chance. The boundary
 * days are those of the {@link ReferencePolicy} (the plain-Java statement of DESIGN.md), so they
 * do not move with the rule set under test.
 */
final class EdgeCases {
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();

    /** Every model of the default table with its category, one unknown model per category, and a listed model under another category. */
    private static final List<Model> MODELS = models();
    /** First and last production day generated, a leap day, and a month end whose +9 months is Feb 29. */
    private static final List<LocalDate> PRODUCED = List.of(WarrantyGenerators.FIRST_PRODUCTION,
            WarrantyGenerators.LAST_PRODUCTION, LocalDate.of(2024, 2, 29), LocalDate.of(2023, 5, 31));
    private static final List<String> REGIONS = List.of("GB", "DE", "NL");

    private static final List<Device> DEVICES = makeDevices();
    private static final List<List<PolicyQuery>> BATCHES = makeBatches();

    private EdgeCases() {
    }

    private record Model(String name, Category category) {
    }

    private static List<Model> models() {
        List<Model> models = new ArrayList<>();
        for (String model : WarrantyGenerators.DEFAULT_MODELS) {
            models.add(new Model(model, WarrantyGenerators.DEFAULT_CATEGORIES.get(model)));
        }
        models.add(new Model("ACME-INV-1", Category.INVERTER));
        models.add(new Model("ACME-BAT-1", Category.BATTERY));
        models.add(new Model("ACME-ACC-1", Category.ACCESSORY));
        models.add(new Model("X1-BOOST", Category.BATTERY));
        return List.copyOf(models);
    }

    /**
     * Each model produced on each day of {@link #PRODUCED}, and never installed, installed the day
     * before production, on it, the day before production + 9 months, exactly then, or the day
     * after; online since production in every other device, in GB, DE or NL by turns.
     */
    static List<Device> devices() {
        return DEVICES;
    }

    private static List<Device> makeDevices() {
        List<Device> devices = new ArrayList<>();
        for (Model model : MODELS) {
            for (LocalDate produced : PRODUCED) {
                LocalDate nineMonths = produced.plusMonths(9);
                List<Optional<LocalDate>> installs = List.of(Optional.empty(), Optional.of(produced.minusDays(1)),
                        Optional.of(produced), Optional.of(nineMonths.minusDays(1)), Optional.of(nineMonths),
                        Optional.of(nineMonths.plusDays(1)));
                for (Optional<LocalDate> installed : installs) {
                    int i = devices.size();
                    String serial = String.format("EDGE%08d", i);
                    devices.add(new Device(SerialNumber.parse(serial), model.name(), model.category(),
                            REGIONS.get(i % REGIONS.size()), produced, produced.plusDays(i % 2 == 0 ? 0 : 180),
                            installed, Optional.empty(),
                            i % 2 == 0 ? Optional.of(produced.atStartOfDay(ZoneOffset.UTC).toInstant()) : Optional.empty()));
                }
            }
        }
        return List.copyOf(devices);
    }

    /**
     * Batches of all {@link #devices()} (distinct serials), one per kind of day: fresh on the
     * first day, the last day and the day after the standard warranty, and on the last day with 6
     * months left; upgraded (current end moved by the upgrade the reference grants on the first
     * day, or not moved) on the last standard day and the day after, and on the last day with
     * exactly 6 months of cover left and the day after it; and one query alone in a batch.
     */
    static List<List<PolicyQuery>> batches() {
        return BATCHES;
    }

    /** Every query of {@link #batches()}. */
    static List<PolicyQuery> queries() {
        return BATCHES.stream().flatMap(List::stream).toList();
    }

    private static List<List<PolicyQuery>> makeBatches() {
        List<List<PolicyQuery>> batches = new ArrayList<>();
        batches.add(fresh(EdgeCases::start));
        batches.add(fresh(EdgeCases::end));
        batches.add(fresh(d -> end(d).plusDays(1)));
        batches.add(fresh(d -> end(d).minusMonths(6)));
        batches.add(upgraded(EdgeCases::end));
        batches.add(upgraded(d -> end(d).plusDays(1)));
        batches.add(upgraded(d -> currentEnd(d).minusMonths(6)));
        batches.add(upgraded(d -> currentEnd(d).minusMonths(6).plusDays(1)));
        batches.add(List.of(new PolicyQuery(DEVICES.get(0), end(DEVICES.get(0)), true,
                Optional.of(currentEnd(DEVICES.get(0))))));
        return List.copyOf(batches);
    }

    private static List<PolicyQuery> fresh(Function<Device, LocalDate> day) {
        return DEVICES.stream().map(d -> PolicyQuery.fresh(d, day.apply(d))).toList();
    }

    private static List<PolicyQuery> upgraded(Function<Device, LocalDate> day) {
        return DEVICES.stream().map(d -> new PolicyQuery(d, day.apply(d), true, Optional.of(currentEnd(d)))).toList();
    }

    private static PolicyDecision onFirstDay(Device device) {
        PolicyDecision probe = REFERENCE.decide(PolicyQuery.fresh(device, device.productionDate()));
        return REFERENCE.decide(PolicyQuery.fresh(device, probe.standard().start()));
    }

    private static LocalDate start(Device device) {
        return onFirstDay(device).standard().start();
    }

    private static LocalDate end(Device device) {
        return onFirstDay(device).standard().end();
    }

    /** The standard end moved by the upgrade the reference grants on the first day (if any). */
    private static LocalDate currentEnd(Device device) {
        PolicyDecision decision = onFirstDay(device);
        return decision.standard().end().plusYears(decision.upgrade().eligible() ? decision.upgrade().years() : 0);
    }
}
