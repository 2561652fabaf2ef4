package org.warrantykit.testkit;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.warrantykit.AccountId;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyQuery;

/**
 * jqwik generators for warranty-kit values, for property tests of the library and of
 * integrators' own rule sets. Every method is static and returns a fresh {@link Arbitrary}; use
 * them from a {@code @Provide} method:
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<List<PolicyQuery>> batches() {
 *     return WarrantyArbitraries.policyQueryLists(1, 40);
 * }
 *
 * @Property
 * void everyStandardTermEndsAfterItStarts(@ForAll("batches") List<PolicyQuery> queries) {
 *     for (PolicyDecision decision : rules.decideAll(queries)) { ... }
 * }
 * }</pre>
 *
 * <p>The values lean towards the cases where a policy goes wrong: the models of the default table
 * next to unknown ones and near misses, leap days and month ends as production dates, installation
 * before production, exactly 9 months after it or years later, and query days on, just before and
 * just after the end of the standard warranty and the 6-month limit for selling extensions.
 * Lists never hold two devices with the same serial number, since a batch decision
 * ({@link org.warrantykit.spi.WarrantyRules#decideAll}) tells devices apart by serial.
 */
public final class WarrantyArbitraries {

    /** The models of the default table (DESIGN.md, "Default policy"). */
    public static final List<String> DEFAULT_MODELS = List.of(
            "X1-BOOST", "X1-HYBRID-G4", "X3-HYBRID-G4", "X3-MEGA-G2", "T-BAT-H5.8", "METER-X", "DONGLE-WIFI");

    /** The category each model of the default table belongs to. */
    public static final Map<String, Category> DEFAULT_CATEGORIES = Map.of(
            "X1-BOOST", Category.INVERTER,
            "X1-HYBRID-G4", Category.INVERTER,
            "X3-HYBRID-G4", Category.INVERTER,
            "X3-MEGA-G2", Category.INVERTER,
            "T-BAT-H5.8", Category.BATTERY,
            "METER-X", Category.ACCESSORY,
            "DONGLE-WIFI", Category.ACCESSORY);

    /** The models the default table upgrades when online; an upgraded query is mostly about one. */
    private static final List<String> UPGRADED_IN_THE_DEFAULT_TABLE =
            List.of("X1-BOOST", "X1-HYBRID-G4", "X3-HYBRID-G4", "X3-MEGA-G2");

    /** Regions devices are generated in; GB is the one priced in GBP. */
    public static final List<String> REGIONS = List.of("DE", "GB", "NL", "FR", "IT", "ES", "AU");

    /** First and last production day generated. */
    public static final LocalDate FIRST_PRODUCTION = LocalDate.of(2015, 1, 1);
    public static final LocalDate LAST_PRODUCTION = LocalDate.of(2035, 12, 31);

    private static final String SERIAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SERIAL_CHARS_ANY_CASE = SERIAL_CHARS + "abcdefghijklmnopqrstuvwxyz";
    /** Characters a serial number may not contain, none of which upper-cases into A-Z or 0-9. */
    private static final String NOT_SERIAL_CHARS = "-_./#+:é*Ä";
    private static final List<String> NEAR_MISS_MODELS = List.of(
            "X1-BOOST-2", "X1BOOST", "X1-HYBRID-G3", "X1-HYBRID", "X3-HYBRID-G5", "X3-MEGA", "X3-MEGA-G3",
            "T-BAT-H11.5", "METER-Y", "DONGLE-LAN", "X1 BOOST", "X3-HYBRID-G4 PRO");
    private static final Set<String> KNOWN = Set.copyOf(DEFAULT_MODELS);

    private WarrantyArbitraries() {
    }

    // ---------------------------------------------------------------- serial numbers

    /** Serial numbers in canonical form: 10 to 20 upper-case letters or digits. */
    public static Arbitrary<SerialNumber> serialNumbers() {
        return Arbitraries.strings().withChars(SERIAL_CHARS).ofMinLength(10).ofMaxLength(20)
                .map(SerialNumber::new);
    }

    /**
     * Text that {@link SerialNumber#parse} accepts: 10 to 20 letters (either case) or digits,
     * sometimes with blanks around them.
     */
    public static Arbitrary<String> validSerialStrings() {
        Arbitrary<String> core = Arbitraries.strings().withChars(SERIAL_CHARS_ANY_CASE).ofMinLength(10).ofMaxLength(20);
        return Combinators.combine(blanks(), core, blanks()).as((before, text, after) -> before + text + after);
    }

    /**
     * Text that {@link SerialNumber#parse} rejects: blank, too short (at most 9), too long (at
     * least 21), or otherwise valid text with a character that is neither letter nor digit, or a
     * blank inside.
     */
    public static Arbitrary<String> invalidSerialStrings() {
        Arbitrary<String> tooShort = Arbitraries.strings().withChars(SERIAL_CHARS_ANY_CASE).ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> tooLong = Arbitraries.strings().withChars(SERIAL_CHARS_ANY_CASE).ofMinLength(21).ofMaxLength(40);
        Arbitrary<String> core = Arbitraries.strings().withChars(SERIAL_CHARS_ANY_CASE).ofMinLength(10).ofMaxLength(19);
        Arbitrary<String> foreignChar = Combinators.combine(core, Arbitraries.of(NOT_SERIAL_CHARS.toCharArray()),
                        Arbitraries.integers().between(0, 19))
                .as((text, bad, at) -> insert(text, String.valueOf(bad), Math.min(at, text.length())));
        Arbitrary<String> blankInside = Combinators.combine(core, Arbitraries.of(" ", "\t", "  "),
                        Arbitraries.integers().between(1, 18))
                .as((text, blank, at) -> insert(text, blank, Math.min(at, text.length() - 1)));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("", " ", "\t", "   ")),
                Tuple.of(3, Combinators.combine(blanks(), tooShort).as((b, t) -> b + t)),
                Tuple.of(3, tooLong),
                Tuple.of(4, foreignChar),
                Tuple.of(2, blankInside));
    }

    private static Arbitrary<String> blanks() {
        return Arbitraries.frequency(Tuple.of(6, ""), Tuple.of(1, " "), Tuple.of(1, "  "), Tuple.of(1, "\t"));
    }

    private static String insert(String text, String part, int at) {
        return text.substring(0, at) + part + text.substring(at);
    }

    // ---------------------------------------------------------------- device parts

    /** One of {@link #DEFAULT_MODELS}. */
    public static Arbitrary<String> knownModels() {
        return Arbitraries.of(DEFAULT_MODELS);
    }

    /**
     * Models that are not in the default table, even after {@link Device} upper-cases and trims
     * them: near misses of the listed names ("X1-BOOST-2", "X3-MEGA") and arbitrary names.
     */
    public static Arbitrary<String> unknownModels() {
        Arbitrary<String> arbitrary = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789-._ ")
                .ofMinLength(1).ofMaxLength(16)
                .filter(name -> !name.isBlank() && !KNOWN.contains(name.strip().toUpperCase(Locale.ROOT)));
        return Arbitraries.oneOf(Arbitraries.of(NEAR_MISS_MODELS), arbitrary);
    }

    /** Region codes of {@link #REGIONS}, GB more often than the others. */
    public static Arbitrary<String> regions() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("GB")), Tuple.of(6, Arbitraries.of(REGIONS)));
    }

    /**
     * Production days from 2015 to 2035: any day, leap days (Feb 29, whose 9-month and yearly
     * anniversaries fall on shorter months) and month ends (May 31 + 9 months is Feb 28 or 29).
     */
    public static Arbitrary<LocalDate> productionDates() {
        long first = FIRST_PRODUCTION.toEpochDay();
        long last = LAST_PRODUCTION.toEpochDay();
        Arbitrary<LocalDate> anyDay = Arbitraries.longs().between(first, last).map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> leapDay = Arbitraries.of(2016, 2020, 2024, 2028, 2032).map(y -> LocalDate.of(y, 2, 29));
        Arbitrary<LocalDate> monthEnd = Combinators.combine(
                        Arbitraries.integers().between(FIRST_PRODUCTION.getYear(), LAST_PRODUCTION.getYear()),
                        Arbitraries.of(Month.class))
                .as((year, month) -> LocalDate.of(year, month, 1).plusMonths(1).minusDays(1));
        Arbitrary<LocalDate> yearTurn = Arbitraries.integers()
                .between(FIRST_PRODUCTION.getYear() + 1, LAST_PRODUCTION.getYear())
                .flatMap(year -> Arbitraries.of(LocalDate.of(year, 1, 1), LocalDate.of(year - 1, 12, 31),
                        LocalDate.of(year, 3, 1)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, anyDay), Tuple.of(2, leapDay), Tuple.of(2, monthEnd), Tuple.of(1, yearTurn));
    }

    /** When a device was installed, relative to its production day. */
    enum InstallKind { NEVER, BEFORE_PRODUCTION, ON_PRODUCTION, WITHIN_9_MONTHS, EXACTLY_9_MONTHS, DAY_AFTER_9_MONTHS, FAR_LATER }

    private record InstallPlan(InstallKind kind, int days) {
        Optional<LocalDate> apply(LocalDate produced) {
            LocalDate nineMonths = produced.plusMonths(9);
            return switch (kind) {
                case NEVER -> Optional.empty();
                case BEFORE_PRODUCTION -> Optional.of(produced.minusDays(1 + days % 400));
                case ON_PRODUCTION -> Optional.of(produced);
                case WITHIN_9_MONTHS -> Optional.of(nineMonths.minusDays(1 + days % 272));
                case EXACTLY_9_MONTHS -> Optional.of(nineMonths);
                case DAY_AFTER_9_MONTHS -> Optional.of(nineMonths.plusDays(1));
                case FAR_LATER -> Optional.of(nineMonths.plusDays(2 + days));
            };
        }
    }

    private static Arbitrary<InstallPlan> installPlans() {
        return Combinators.combine(
                Arbitraries.frequency(
                        Tuple.of(3, InstallKind.NEVER),
                        Tuple.of(1, InstallKind.BEFORE_PRODUCTION),
                        Tuple.of(1, InstallKind.ON_PRODUCTION),
                        Tuple.of(3, InstallKind.WITHIN_9_MONTHS),
                        Tuple.of(2, InstallKind.EXACTLY_9_MONTHS),
                        Tuple.of(1, InstallKind.DAY_AFTER_9_MONTHS),
                        Tuple.of(2, InstallKind.FAR_LATER)),
                Arbitraries.integers().between(0, 12 * 366)).as(InstallPlan::new);
    }

    /** Model and category: mostly as the default table pairs them, sometimes not. */
    private static Arbitrary<Tuple.Tuple2<String, Category>> modelsWithCategory() {
        Arbitrary<Category> anyCategory = Arbitraries.of(Category.class);
        Arbitrary<Tuple.Tuple2<String, Category>> listed = knownModels().map(m -> Tuple.of(m, DEFAULT_CATEGORIES.get(m)));
        Arbitrary<Tuple.Tuple2<String, Category>> listedMismatched = Combinators.combine(knownModels(), anyCategory).as(Tuple::of);
        Arbitrary<Tuple.Tuple2<String, Category>> listedOddlyWritten = knownModels()
                .flatMap(m -> Arbitraries.of(m.toLowerCase(Locale.ROOT), " " + m, m + " ")
                        .map(written -> Tuple.of(written, DEFAULT_CATEGORIES.get(m))));
        Arbitrary<Tuple.Tuple2<String, Category>> unknown = Combinators.combine(unknownModels(), anyCategory).as(Tuple::of);
        return Arbitraries.frequencyOf(
                Tuple.of(10, listed), Tuple.of(1, listedMismatched), Tuple.of(1, listedOddlyWritten), Tuple.of(4, unknown));
    }

    private static Arbitrary<Optional<AccountId>> owners() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(12)
                .map(name -> AccountId.of("acct-" + name)).optional(0.6);
    }

    /** First time online, as seconds after production start (may be any time of day, UTC). */
    private static Arbitrary<Optional<Long>> onlineOffsets() {
        return Arbitraries.longs().between(0, 14L * 366 * 86_400).optional(0.6);
    }

    // ---------------------------------------------------------------- devices

    /**
     * Devices of all three categories: models of the default table (mostly with their own
     * category; sometimes with another, or written in lower case or with blanks) and unknown
     * models; regions of {@link #REGIONS}; production from 2015 to 2035 including leap days;
     * shipped 0 to 180 days after production; installation absent, before production, on it,
     * within 9 months, exactly 9 months later, one day after that, or years later; owner and
     * online-since present or absent.
     */
    public static Arbitrary<Device> devices() {
        return devices(modelsWithCategory());
    }

    /**
     * Devices as {@link #devices()}, of the given models only; a model of the default table keeps
     * its category there, any other model gets any category.
     */
    public static Arbitrary<Device> devicesOfModels(List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name at least one model");
        }
        return devices(Combinators.combine(Arbitraries.of(models), Arbitraries.of(Category.class))
                .as((model, any) -> Tuple.of(model, DEFAULT_CATEGORIES.getOrDefault(model, any))));
    }

    private static Arbitrary<Device> devices(Arbitrary<Tuple.Tuple2<String, Category>> modelsWithCategory) {
        return Combinators.combine(
                serialNumbers(),
                modelsWithCategory,
                regions(),
                productionDates(),
                Arbitraries.integers().between(0, 180),
                installPlans(),
                owners(),
                onlineOffsets()).as((serial, modelCategory, region, produced, shipDays, install, owner, online) ->
                new Device(serial, modelCategory.get1(), modelCategory.get2(), region, produced,
                        produced.plusDays(shipDays), install.apply(produced), owner,
                        online.map(seconds -> produced.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds))));
    }

    /** Lists of {@link #devices()} with distinct serial numbers. */
    public static Arbitrary<List<Device>> deviceLists(int minSize, int maxSize) {
        return devices().list().ofMinSize(minSize).ofMaxSize(maxSize).uniqueElements(Device::serial);
    }

    // ---------------------------------------------------------------- policy queries

    /**
     * Queries about {@link #devices()}: fresh devices (nothing granted yet) as well as upgraded ones
     * with a current end, decided on days around the interesting boundaries. About half are fresh
     * and half upgraded; now and then a query has an upgrade without a known current end, or a
     * current end without an upgrade, which the port allows.
     */
    public static Arbitrary<PolicyQuery> policyQueries() {
        Arbitrary<PolicyQuery> upgradedWithoutEnd = Combinators.combine(devices(), dayPlans())
                .as((device, day) -> new PolicyQuery(device, day.pick(device, standardAnchors(device)), true,
                        Optional.empty()));
        Arbitrary<PolicyQuery> endWithoutUpgrade = Combinators.combine(devices(), dayPlans(), currentEndPlans())
                .as((device, day, endPlan) -> new PolicyQuery(device, day.pick(device, standardAnchors(device)), false,
                        Optional.of(endPlan.apply(designStandardEnd(device)))));
        return Arbitraries.frequencyOf(
                Tuple.of(8, freshQueries()),
                Tuple.of(8, upgradedQueries()),
                Tuple.of(1, upgradedWithoutEnd),
                Tuple.of(1, endWithoutUpgrade));
    }

    /**
     * {@link PolicyQuery#fresh} queries: the day is the start or end of the standard warranty (as
     * DESIGN.md defines it), 6 months before that end, a few days either side of those, or any
     * day from a year before production to 25 years after it.
     */
    public static Arbitrary<PolicyQuery> freshQueries() {
        return Combinators.combine(devices(), dayPlans())
                .as((device, day) -> PolicyQuery.fresh(device, day.pick(device, standardAnchors(device))));
    }

    /**
     * Queries about upgraded devices with a current end, mostly of the models the default table
     * upgrades (any device can be asked about): the standard end moved by an upgrade of
     * 1 or 5 years, possibly by an extension of 5, 10 or 15 years on top, not moved at all, or
     * anywhere from a year before it to 20 years after; decided on or near the standard end, the
     * current end, or the last day on which at least 6 months of cover remain
     * ({@code currentEnd.minusMonths(6)}), or any day.
     */
    public static Arbitrary<PolicyQuery> upgradedQueries() {
        Arbitrary<Device> devices = Arbitraries.frequencyOf(
                Tuple.of(3, devicesOfModels(UPGRADED_IN_THE_DEFAULT_TABLE)), Tuple.of(1, devices()));
        return Combinators.combine(devices, currentEndPlans(), dayPlans()).as((device, endPlan, day) -> {
            LocalDate end = designStandardEnd(device);
            LocalDate currentEnd = endPlan.apply(end);
            LocalDate sixMonthsBefore = currentEnd.minusMonths(6);
            LocalDate on = day.pick(device, end, currentEnd, sixMonthsBefore, sixMonthsBefore.plusDays(1));
            return new PolicyQuery(device, on, true, Optional.of(currentEnd));
        });
    }

    /** Lists of {@link #policyQueries()} about devices with distinct serial numbers. */
    public static Arbitrary<List<PolicyQuery>> policyQueryLists(int minSize, int maxSize) {
        return policyQueries().list().ofMinSize(minSize).ofMaxSize(maxSize).uniqueElements(q -> q.device().serial());
    }

    /**
     * The last day of the standard warranty as DESIGN.md defines it (start at the earlier of
     * installation and production + 9 months; 5, 10 or 2 years by category). Used only to aim the
     * generated days at the boundaries; the policy under test decides on its own.
     */
    static LocalDate designStandardEnd(Device device) {
        return designStandardStart(device).plusYears(switch (device.category()) {
            case INVERTER -> 5;
            case BATTERY -> 10;
            case ACCESSORY -> 2;
        }).minusDays(1);
    }

    private static LocalDate designStandardStart(Device device) {
        LocalDate latest = device.productionDate().plusMonths(9);
        return device.installDate().filter(d -> d.isBefore(latest)).orElse(latest);
    }

    private static LocalDate[] standardAnchors(Device device) {
        LocalDate end = designStandardEnd(device);
        return new LocalDate[] {end, end.plusDays(1), end.minusMonths(6), designStandardStart(device),
                end.plusDays(1).minusYears(1), LocalDate.of(2026, 11, 27)};
    }

    /** How the current end of an upgraded device lies relative to its standard end. */
    private record CurrentEndPlan(int kind, int upgradeYears, int extensionYears, int days) {
        LocalDate apply(LocalDate standardEnd) {
            return switch (kind) {
                case 0 -> standardEnd.plusYears(upgradeYears);
                case 1 -> standardEnd.plusYears(upgradeYears).plusYears(extensionYears);
                case 2 -> standardEnd;
                default -> standardEnd.plusDays(days);
            };
        }
    }

    private static Arbitrary<CurrentEndPlan> currentEndPlans() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(1, 2), Tuple.of(1, 3)),
                Arbitraries.of(5, 1),
                Arbitraries.of(5, 10, 15),
                Arbitraries.integers().between(-400, 20 * 366)).as(CurrentEndPlan::new);
    }

    /**
     * Which day a query is decided on: exactly one of the anchors, a few days either side of one,
     * up to about two years either side of one, or any day from a year before production to 25
     * years after it.
     */
    private record DayPlan(int mode, int anchor, int near, int wide, int any) {
        LocalDate pick(Device device, LocalDate... anchors) {
            LocalDate base = anchors[anchor % anchors.length];
            return switch (mode) {
                case 0 -> base;
                case 1 -> base.plusDays(near);
                case 2 -> base.plusDays(wide);
                default -> device.productionDate().minusYears(1).plusDays(any);
            };
        }
    }

    private static Arbitrary<DayPlan> dayPlans() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3)),
                Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.integers().between(-800, 800),
                Arbitraries.integers().between(0, 26 * 366)).as(DayPlan::new);
    }
}
