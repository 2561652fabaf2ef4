package org.warrantykit.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.warrantykit.examples.DesignPolicy.Row;

/**
 * The documented default policy (README) written as a table (standard years by category, EUR prices by
 * power class), with changes applied the way a rule author changes the DRL: tests derive from it
 * what {@code diff} must list for the sample data, independently of the DRL and of the program.
 */
record PolicyVariant(Map<String, Integer> yearsByCategory, Map<Integer, Map<Integer, BigDecimal>> eurByPowerClass,
        Set<String> nonTransferableRegions, Map<String, RegionalPriceList> regionalPriceLists) {

    /**
     * A region's own price list, replacing the EUR list there: one price per term for every line sold
     * online, sold from the warranty's start for {@code withinMonths} months, with or without the upgrade.
     */
    record RegionalPriceList(String currency, Map<Integer, BigDecimal> prices, int withinMonths) {
    }

    /** The documented default policy (README), "Default policy". */
    static final PolicyVariant DESIGN = new PolicyVariant(
            Map.of("INVERTER", 5, "BATTERY", 10, "ACCESSORY", 2),
            Map.of(5, Map.of(60, new BigDecimal("200"), 120, new BigDecimal("400")),
                    10, Map.of(60, new BigDecimal("270"), 120, new BigDecimal("540")),
                    25, Map.of(60, new BigDecimal("450"), 120, new BigDecimal("900"), 180, new BigDecimal("1350"))),
            Set.of(), Map.of());

    /** The documented default policy (README): models sold with online extension, and their power in kW. */
    static final Map<String, Integer> SOLD_ONLINE_KW = Map.of("X1-BOOST", 4, "X1-HYBRID-G4", 5, "X3-HYBRID-G4", 10);

    PolicyVariant withYears(String category, int years) {
        Map<String, Integer> changed = new HashMap<>(yearsByCategory);
        changed.put(category, years);
        return new PolicyVariant(Map.copyOf(changed), eurByPowerClass, nonTransferableRegions, regionalPriceLists);
    }

    PolicyVariant withPrice(int powerClass, int months, BigDecimal eur) {
        Map<Integer, Map<Integer, BigDecimal>> changed = new HashMap<>(eurByPowerClass);
        Map<Integer, BigDecimal> row = new HashMap<>(changed.get(powerClass));
        row.put(months, eur);
        changed.put(powerClass, Map.copyOf(row));
        return new PolicyVariant(yearsByCategory, Map.copyOf(changed), nonTransferableRegions, regionalPriceLists);
    }

    /** The warranty of a device in {@code region} stays with its first owner. */
    PolicyVariant withoutTransferIn(String region) {
        Set<String> changed = new HashSet<>(nonTransferableRegions);
        changed.add(region);
        return new PolicyVariant(yearsByCategory, eurByPowerClass, Set.copyOf(changed), regionalPriceLists);
    }

    /** Devices in {@code region} are sold from {@code list} instead of the EUR list. */
    PolicyVariant withPriceListIn(String region, RegionalPriceList list) {
        Map<String, RegionalPriceList> changed = new HashMap<>(regionalPriceLists);
        changed.put(region, list);
        return new PolicyVariant(yearsByCategory, eurByPowerClass, nonTransferableRegions, Map.copyOf(changed));
    }

    /** What the policy decides for a device of the sample data on {@code on}, as {@code diff} compares it. */
    record Outcome(LocalDate start, LocalDate end, boolean eligible, int upgradeYears, String offers,
            boolean transferable) {
    }

    Outcome outcome(Row row, LocalDate on) {
        LocalDate start = row.standardStart();
        LocalDate end = start.plusYears(yearsByCategory.get(row.category())).minusDays(1);
        int upgradeYears = DesignPolicy.UPGRADE_YEARS.getOrDefault(row.model(), 0);
        boolean eligible = upgradeYears > 0 && !end.isBefore(on);
        RegionalPriceList regional = regionalPriceLists.get(row.region());
        String offers = regional != null ? regionalOffers(regional, row, start, on)
                : eligible ? offersAfterUpgrade(row, end.plusYears(upgradeYears), on) : "none";
        return new Outcome(start, end, eligible, eligible ? upgradeYears : 0, offers,
                !nonTransferableRegions.contains(row.region()));
    }

    private static String regionalOffers(RegionalPriceList list, Row row, LocalDate start, LocalDate on) {
        if (!SOLD_ONLINE_KW.containsKey(row.model()) || !on.isBefore(start.plusMonths(list.withinMonths()))) {
            return "none";
        }
        List<String> offers = new ArrayList<>();
        new TreeMap<>(list.prices()).forEach((months, amount) -> offers.add("+" + months + " months "
                + list.currency() + " " + amount.setScale(2)));
        return String.join(", ", offers);
    }

    /** The documented default policy (README): only models sold online, only while at least 6 months remain; GBP in GB, 0.85 half-up. */
    private String offersAfterUpgrade(Row row, LocalDate currentEnd, LocalDate on) {
        Integer kw = SOLD_ONLINE_KW.get(row.model());
        if (kw == null || currentEnd.isBefore(on.plusMonths(6))) {
            return "none";
        }
        int powerClass = kw <= 5 ? 5 : kw <= 10 ? 10 : 25;
        List<String> offers = new ArrayList<>();
        new TreeMap<>(eurByPowerClass.get(powerClass)).forEach((months, eur) -> offers.add("+" + months + " months "
                + ("GB".equals(row.region())
                ? "GBP " + eur.multiply(new BigDecimal("0.85")).setScale(0, RoundingMode.HALF_UP).setScale(2)
                : "EUR " + eur.setScale(2))));
        return String.join(", ", offers);
    }

    /** One expected line of {@code diff}: serial, change label, old, new. */
    record Change(String serial, String kind, String before, String after) {
    }

    /** Every change {@code diff} must list between this policy and {@code changed} for the sample data. */
    List<Change> changesTo(PolicyVariant changed, List<Row> rows, LocalDate on) {
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            Outcome o = outcome(row, on);
            Outcome n = changed.outcome(row, on);
            if (!o.start().equals(n.start())) {
                changes.add(new Change(row.serial(), "standard start", o.start().toString(), n.start().toString()));
            }
            if (!o.end().equals(n.end())) {
                changes.add(new Change(row.serial(), "standard end", o.end().toString(), n.end().toString()));
            }
            if (o.eligible() != n.eligible() || o.upgradeYears() != n.upgradeYears()) {
                changes.add(new Change(row.serial(), "upgrade", upgrade(o), upgrade(n)));
            }
            if (!o.offers().equals(n.offers())) {
                changes.add(new Change(row.serial(), "offers", o.offers(), n.offers()));
            }
            if (o.transferable() != n.transferable()) {
                changes.add(new Change(row.serial(), "transfer", transfer(o), transfer(n)));
            }
        }
        return changes;
    }

    private static String transfer(Outcome outcome) {
        return outcome.transferable() ? "allowed" : "refused";
    }

    private static String upgrade(Outcome outcome) {
        return outcome.eligible() ? "eligible +" + outcome.upgradeYears() + " y" : "refused";
    }

    /** Changes counted by kind, every kind present. */
    static Map<String, Long> counts(List<Change> changes) {
        Map<String, Long> counts = new TreeMap<>();
        for (String kind : List.of("standard start", "standard end", "upgrade", "offers", "transfer", "scope")) {
            counts.put(kind, 0L);
        }
        counts.putAll(changes.stream().collect(Collectors.groupingBy(Change::kind, Collectors.counting())));
        return counts;
    }
}
