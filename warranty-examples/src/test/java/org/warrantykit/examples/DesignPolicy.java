package org.warrantykit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expected values, written down from the documented default policy (README) ("Default policy") independently of the DRL
 * and of the service, and a plain reader of the embedded CSV: tests derive their expected dates
 * from here, never from the program's output.
 */
final class DesignPolicy {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Period SIX_MONTHS = Period.ofMonths(6);

    /** The documented default policy (README) default table: model -> category. */
    static final Map<String, String> LISTED_MODELS = Map.of(
            "X1-BOOST", "INVERTER",
            "X1-HYBRID-G4", "INVERTER",
            "X3-HYBRID-G4", "INVERTER",
            "X3-MEGA-G2", "INVERTER",
            "T-BAT-H5.8", "BATTERY",
            "METER-X", "ACCESSORY",
            "DONGLE-WIFI", "ACCESSORY");

    /** The documented default policy (README): "upgrade when online". */
    static final Map<String, Integer> UPGRADE_YEARS = Map.of(
            "X1-BOOST", 5, "X1-HYBRID-G4", 5, "X3-HYBRID-G4", 5, "X3-MEGA-G2", 1);

    private DesignPolicy() {
    }

    /** One CSV row; empty cells are null. */
    record Row(String serial, String model, String category, String region, LocalDate production,
               LocalDate ship, LocalDate install, String owner, String onlineSince) {

        /** The earlier of installation and production + 9 months; production + 9 months when never installed. */
        LocalDate standardStart() {
            LocalDate latest = production.plusMonths(9);
            return install != null && install.isBefore(latest) ? install : latest;
        }

        int standardYears() {
            return switch (category) {
                case "INVERTER" -> 5;
                case "BATTERY" -> 10;
                case "ACCESSORY" -> 2;
                default -> throw new IllegalArgumentException(category);
            };
        }

        /** Inclusive: N years from start end the day before the anniversary. */
        LocalDate standardEnd() {
            return standardStart().plusYears(standardYears()).minusDays(1);
        }

        int upgradeYears() {
            return UPGRADE_YEARS.getOrDefault(model, 0);
        }

        /** An upgrade of N years moves the end to end + N years. */
        LocalDate upgradedEnd() {
            return standardEnd().plusYears(upgradeYears());
        }

        boolean online() {
            return onlineSince != null;
        }

        boolean expiredOn(LocalDate day) {
            return standardEnd().isBefore(day);
        }

        /** Still running on {@code day} and ends at the latest {@code within} later. */
        boolean expiringWithin(LocalDate day, Period within) {
            return !expiredOn(day) && !standardEnd().isAfter(day.plus(within));
        }
    }

    static List<String> csvLines() {
        try (InputStream in = DesignPolicy.class.getResourceAsStream(SampleData.DEVICES_CSV)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SampleData.DEVICES_CSV);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = csvLines();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(parse(line));
            }
        }
        return rows;
    }

    static Row parse(String line) {
        String[] c = line.split(",", -1);
        return new Row(c[0], c[1], c[2], c[3], LocalDate.parse(c[4]), LocalDate.parse(c[5]), date(c[6]),
                blankToNull(c[7]), blankToNull(c[8]));
    }

    static Row row(String serial) {
        return rows().stream().filter(r -> r.serial().equals(serial)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + serial + " in the sample data"));
    }

    static List<Row> ownedBy(String owner) {
        return rows().stream().filter(r -> owner.equals(r.owner())).toList();
    }

    private static LocalDate date(String cell) {
        return cell.isBlank() ? null : LocalDate.parse(cell);
    }

    private static String blankToNull(String cell) {
        return cell.isBlank() ? null : cell;
    }
}
