package org.warrantykit.testkit;

import static org.warrantykit.testkit.Generators.distinctLists;
import static org.warrantykit.testkit.Generators.strings;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.AccountId;
import org.warrantykit.Category;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;

/**
 * QuickTheories generators for warranty-kit values, for property tests of the library and of
 * integrators' own rule sets. Every method is static and returns a fresh {@link Gen}; use them in
 * a JUnit 5 test:
 *
 * <pre>{@code
 * @Test
 * void everyStandardTermEndsAfterItStarts() {
 *     qt().withExamples(200).forAll(WarrantyGenerators.policyQueryLists(1, 40)).checkAssert(queries -> {
 *         for (PolicyDecision decision : rules.decideAll(queries)) { ... }
 *     });
 * }
 * }</pre>
 *
 * <p>The values lean towards the cases where a policy goes wrong: the models of the default table
 * next to unknown ones and near misses, leap days and month ends as production dates, installation
 * before production, exactly 9 months after it or years later, and query days on, just before and
 * just after the end of the standard warranty and the 6-month limit for selling extensions.
 * Lists never hold two devices with the same serial number, since a batch decision
 * ({@link org.warrantykit.spi.WarrantyRules#decideAll}) tells devices apart by serial. A failing
 * property shrinks its input (shorter lists, earlier days, plainer devices) and prints the seed
 * that replays it ({@code -DQT_SEED=...}).
 */
public final class WarrantyGenerators {

    /** The models the default policy classifies ({@code product-lines.drl}). */
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
    /** Last production day generated. */
    public static final LocalDate LAST_PRODUCTION = LocalDate.of(2035, 12, 31);

    private static final String SERIAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SERIAL_CHARS_ANY_CASE = SERIAL_CHARS + "abcdefghijklmnopqrstuvwxyz";
    /** Characters a serial number may not contain, none of which upper-cases into A-Z or 0-9. */
    private static final String NOT_SERIAL_CHARS = "-_./#+:é*Ä";
    private static final List<String> NEAR_MISS_MODELS = List.of(
            "X1-BOOST-2", "X1BOOST", "X1-HYBRID-G3", "X1-HYBRID", "X3-HYBRID-G5", "X3-MEGA", "X3-MEGA-G3",
            "T-BAT-H11.5", "METER-Y", "DONGLE-LAN", "X1 BOOST", "X3-HYBRID-G4 PRO");
    private static final Set<String> KNOWN = Set.copyOf(DEFAULT_MODELS);

    private WarrantyGenerators() {
    }

    // ---------------------------------------------------------------- serial numbers

    /**
     * Serial numbers in canonical form: 10 to 20 upper-case letters or digits.
     *
     * @return the generator
     */
    public static Gen<SerialNumber> serialNumbers() {
        return strings(SERIAL_CHARS, 10, 20).map(SerialNumber::new);
    }

    /**
     * Text that {@link SerialNumber#parse} accepts: 10 to 20 letters (either case) or digits,
     * sometimes with blanks around them.
     *
     * @return the generator of parseable text
     */
    public static Gen<String> validSerialStrings() {
        return blanks().zip(strings(SERIAL_CHARS_ANY_CASE, 10, 20), blanks(),
                (before, text, after) -> before + text + after);
    }

    /**
     * Text that {@link SerialNumber#parse} rejects: blank, too short (at most 9), too long (at
     * least 21), or otherwise valid text with a character that is neither letter nor digit, or a
     * blank inside.
     *
     * @return the generator of text that does not parse
     */
    public static Gen<String> invalidSerialStrings() {
        Gen<String> tooShort = strings(SERIAL_CHARS_ANY_CASE, 1, 9);
        Gen<String> tooLong = strings(SERIAL_CHARS_ANY_CASE, 21, 40);
        Gen<String> core = strings(SERIAL_CHARS_ANY_CASE, 10, 19);
        Gen<String> foreignChar = core.zip(strings(NOT_SERIAL_CHARS, 1, 1), Generate.range(0, 19),
                (text, bad, at) -> insert(text, bad, Math.min(at, text.length())));
        Gen<String> blankInside = core.zip(Generate.pick(List.of(" ", "\t", "  ")), Generate.range(1, 18),
                (text, blank, at) -> insert(text, blank, Math.min(at, text.length() - 1)));
        return Generate.frequency(List.of(
                Pair.of(1, Generate.pick(List.of("", " ", "\t", "   "))),
                Pair.of(3, blanks().zip(tooShort, (b, t) -> b + t)),
                Pair.of(3, tooLong),
                Pair.of(4, foreignChar),
                Pair.of(2, blankInside)));
    }

    private static Gen<String> blanks() {
        return Generate.frequency(List.of(Pair.of(6, Generate.constant("")), Pair.of(1, Generate.constant(" ")),
                Pair.of(1, Generate.constant("  ")), Pair.of(1, Generate.constant("\t"))));
    }

    private static String insert(String text, String part, int at) {
        return text.substring(0, at) + part + text.substring(at);
    }

    // ---------------------------------------------------------------- device parts

    /**
     * One of {@link #DEFAULT_MODELS}.
     *
     * @return the generator
     */
    public static Gen<String> knownModels() {
        return Generate.pick(DEFAULT_MODELS);
    }

    /**
     * Models that are not in the default table, even after {@link Device} upper-cases and trims
     * them: near misses of the listed names ("X1-BOOST-2", "X3-MEGA") and arbitrary names.
     *
     * @return the generator
     */
    public static Gen<String> unknownModels() {
        Gen<String> arbitrary = strings("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789-._ ", 1, 16)
                .assuming(name -> !name.isBlank() && !KNOWN.contains(name.strip().toUpperCase(Locale.ROOT)));
        return Generate.oneOf(Generate.pick(NEAR_MISS_MODELS), arbitrary);
    }

    /**
     * Region codes of {@link #REGIONS}, GB more often than the others.
     *
     * @return the generator
     */
    public static Gen<String> regions() {
        return Generate.frequency(List.of(Pair.of(3, Generate.constant("GB")), Pair.of(6, Generate.pick(REGIONS))));
    }

    /**
     * Production days from 2015 to 2035: any day, leap days (Feb 29, whose 9-month and yearly
     * anniversaries fall on shorter months) and month ends (May 31 + 9 months is Feb 28 or 29).
     *
     * @return the generator
     */
    public static Gen<LocalDate> productionDates() {
        long first = FIRST_PRODUCTION.toEpochDay();
        long last = LAST_PRODUCTION.toEpochDay();
        Gen<LocalDate> anyDay = Generate.longRange(first, last).map(LocalDate::ofEpochDay);
        Gen<LocalDate> leapDay = Generate.pick(List.of(2016, 2020, 2024, 2028, 2032)).map(y -> LocalDate.of(y, 2, 29));
        Gen<LocalDate> monthEnd = Generate.range(FIRST_PRODUCTION.getYear(), LAST_PRODUCTION.getYear())
                .zip(Generate.enumValues(Month.class),
                        (year, month) -> LocalDate.of(year, month, 1).plusMonths(1).minusDays(1));
        Gen<LocalDate> yearTurn = Generate.range(FIRST_PRODUCTION.getYear() + 1, LAST_PRODUCTION.getYear())
                .zip(Generate.range(0, 2), (year, which) -> switch (which) {
                    case 0 -> LocalDate.of(year, 1, 1);
                    case 1 -> LocalDate.of(year - 1, 12, 31);
                    default -> LocalDate.of(year, 3, 1);
                });
        return Generate.frequency(List.of(
                Pair.of(6, anyDay), Pair.of(2, leapDay), Pair.of(2, monthEnd), Pair.of(1, yearTurn)));
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

    private static Gen<InstallPlan> installPlans() {
        Gen<InstallKind> kinds = Generate.frequency(List.of(
                Pair.of(3, Generate.constant(InstallKind.NEVER)),
                Pair.of(1, Generate.constant(InstallKind.BEFORE_PRODUCTION)),
                Pair.of(1, Generate.constant(InstallKind.ON_PRODUCTION)),
                Pair.of(3, Generate.constant(InstallKind.WITHIN_9_MONTHS)),
                Pair.of(2, Generate.constant(InstallKind.EXACTLY_9_MONTHS)),
                Pair.of(1, Generate.constant(InstallKind.DAY_AFTER_9_MONTHS)),
                Pair.of(2, Generate.constant(InstallKind.FAR_LATER))));
        return kinds.zip(Generate.range(0, 12 * 366), InstallPlan::new);
    }

    /** Model and category: mostly as the default table pairs them, sometimes not. */
    private static Gen<Pair<String, Category>> modelsWithCategory() {
        Gen<Category> anyCategory = Generate.pick(Category.wellKnown());
        Gen<Pair<String, Category>> listed = knownModels().map(m -> Pair.of(m, DEFAULT_CATEGORIES.get(m)));
        Gen<Pair<String, Category>> listedMismatched = knownModels().zip(anyCategory, Pair::of);
        Gen<Pair<String, Category>> listedOddlyWritten = knownModels().zip(Generate.range(0, 2),
                (m, how) -> Pair.of(switch (how) {
                    case 0 -> m.toLowerCase(Locale.ROOT);
                    case 1 -> " " + m;
                    default -> m + " ";
                }, DEFAULT_CATEGORIES.get(m)));
        Gen<Pair<String, Category>> unknown = unknownModels().zip(anyCategory, Pair::of);
        return Generate.frequency(List.of(
                Pair.of(10, listed), Pair.of(1, listedMismatched), Pair.of(1, listedOddlyWritten), Pair.of(4, unknown)));
    }

    /** An owner in 60 % of devices. */
    private static Gen<Optional<AccountId>> owners() {
        return strings("abcdefghijklmnopqrstuvwxyz0123456789", 1, 12)
                .map(name -> AccountId.of("acct-" + name)).toOptionals(40);
    }

    /** First time online (in 60 % of devices), as seconds after production start (any time of day, UTC). */
    private static Gen<Optional<Long>> onlineOffsets() {
        return Generate.longRange(0, 14L * 366 * 86_400).toOptionals(40);
    }

    // ---------------------------------------------------------------- devices

    /**
     * Devices of all three categories: models of the default table (mostly with their own
     * category; sometimes with another, or written in lower case or with blanks) and unknown
     * models; regions of {@link #REGIONS}; production from 2015 to 2035 including leap days;
     * shipped 0 to 180 days after production; installation absent, before production, on it,
     * within 9 months, exactly 9 months later, one day after that, or years later; owner and
     * online-since present or absent.
     *
     * @return the generator
     */
    public static Gen<Device> devices() {
        return devices(modelsWithCategory());
    }

    /**
     * Devices as {@link #devices()}, of the given models only; a model of the default table keeps
     * its category there, any other model gets any category.
     *
     * @param models the models to draw from, at least one; null throws NullPointerException
     * @return the generator
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public static Gen<Device> devicesOfModels(List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name at least one model");
        }
        return devices(Generate.pick(List.copyOf(models)).zip(Generate.pick(Category.wellKnown()),
                (model, any) -> Pair.of(model, DEFAULT_CATEGORIES.getOrDefault(model, any))));
    }

    /** What a device is, apart from what happened to it later (installation, owner, online). */
    private record Made(SerialNumber serial, Pair<String, Category> modelCategory, String region, LocalDate produced,
                        int shipDays) {
    }

    private static Gen<Device> devices(Gen<Pair<String, Category>> modelsWithCategory) {
        Gen<Made> made = serialNumbers().zip(modelsWithCategory, regions(), productionDates(), Generate.range(0, 180),
                Made::new);
        return made.zip(installPlans(), owners(), onlineOffsets(), (m, install, owner, online) ->
                new Device(m.serial(), m.modelCategory()._1, m.modelCategory()._2, m.region(), m.produced(),
                        m.produced().plusDays(m.shipDays()), install.apply(m.produced()), owner,
                        online.map(seconds -> m.produced().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds))));
    }

    /**
     * Lists of {@link #devices()} with distinct serial numbers.
     *
     * @param minSize the smallest list size
     * @param maxSize the largest list size
     * @return the generator
     */
    public static Gen<List<Device>> deviceLists(int minSize, int maxSize) {
        return distinctLists(devices(), Device::serial, minSize, maxSize);
    }

    // ---------------------------------------------------------------- policy queries

    /**
     * Queries about {@link #devices()}: fresh devices (nothing granted yet) as well as upgraded ones
     * with a current end, decided on days around the interesting boundaries. About half are fresh
     * and half upgraded; now and then a query has an upgrade without a known current end, or a
     * current end without an upgrade, which the port allows.
     *
     * @return the generator
     */
    public static Gen<PolicyQuery> policyQueries() {
        Gen<PolicyQuery> upgradedWithoutEnd = devices().zip(dayPlans(),
                (device, day) -> new PolicyQuery(device, day.pick(device, standardAnchors(device)), true,
                        Optional.empty()));
        Gen<PolicyQuery> endWithoutUpgrade = devices().zip(dayPlans(), currentEndPlans(),
                (device, day, endPlan) -> new PolicyQuery(device, day.pick(device, standardAnchors(device)), false,
                        Optional.of(endPlan.apply(designStandardEnd(device)))));
        return Generate.frequency(List.of(
                Pair.of(8, freshQueries()),
                Pair.of(8, upgradedQueries()),
                Pair.of(1, upgradedWithoutEnd),
                Pair.of(1, endWithoutUpgrade)));
    }

    /**
     * {@link PolicyQuery#fresh} queries: the day is the start or end of the standard warranty (as
     * the default policy defines it), 6 months before that end, a few days either side of those, or
     * any day from a year before production to 25 years after it.
     *
     * @return the generator
     */
    public static Gen<PolicyQuery> freshQueries() {
        return devices().zip(dayPlans(), (device, day) -> PolicyQuery.fresh(device, day.pick(device, standardAnchors(device))));
    }

    /**
     * Queries about upgraded devices with a current end, mostly of the models the default table
     * upgrades (any device can be asked about): the standard end moved by an upgrade of
     * 1 or 5 years, possibly by an extension of 5, 10 or 15 years on top, not moved at all, or
     * anywhere from a year before it to 20 years after; decided on or near the standard end, the
     * current end, or the last day on which at least 6 months of cover remain
     * ({@code currentEnd.minusMonths(6)}), or any day.
     *
     * @return the generator
     */
    public static Gen<PolicyQuery> upgradedQueries() {
        Gen<Device> devices = Generate.frequency(List.of(
                Pair.of(3, devicesOfModels(UPGRADED_IN_THE_DEFAULT_TABLE)), Pair.of(1, devices())));
        return devices.zip(currentEndPlans(), dayPlans(), (device, endPlan, day) -> {
            LocalDate end = designStandardEnd(device);
            LocalDate currentEnd = endPlan.apply(end);
            LocalDate sixMonthsBefore = currentEnd.minusMonths(6);
            LocalDate on = day.pick(device, end, currentEnd, sixMonthsBefore, sixMonthsBefore.plusDays(1));
            return new PolicyQuery(device, on, true, Optional.of(currentEnd));
        });
    }

    /**
     * Lists of {@link #policyQueries()} about devices with distinct serial numbers.
     *
     * @param minSize the smallest list size
     * @param maxSize the largest list size
     * @return the generator
     */
    public static Gen<List<PolicyQuery>> policyQueryLists(int minSize, int maxSize) {
        return distinctLists(policyQueries(), q -> q.device().serial(), minSize, maxSize);
    }

    // ---------------------------------------------------------------- replacements

    /** Zones of the service clock a swap is asked in: a device's online instant falls on another day in each. */
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("America/Los_Angeles"));

    /**
     * Swaps as the service asks a policy about them ({@link org.warrantykit.spi.WarrantyRules#judgeReplacement}),
     * once its own checks passed: a faulty unit of {@link #devices()} and a replacement of the same
     * category under another serial number, of the faulty unit's own model one time in three and
     * otherwise of any generated model (the default table's, near misses, unknown ones; so units of
     * one model line and of another); in any region; swapped on a day from production to 20 years
     * after it, which the faulty unit's line in force covers: a line of any kind that started on or
     * up to 10 years before and ends on or up to 15 years after that day; in UTC or one of a few zones.
     *
     * @return the generator
     */
    public static Gen<ReplacementQuery> replacementQueries() {
        Gen<Pair<Device, Device>> units = devices().zip(devices(), weighted(1, 2),
                (faulty, other, model) -> Pair.of(faulty, new Device(other.serial(),
                        model == 0 ? faulty.model() : other.model(), faulty.category(), other.region(),
                        other.productionDate(), other.shipDate(), other.installDate(), other.owner(),
                        other.onlineSince())))
                .assuming(pair -> !pair._1.serial().equals(pair._2.serial()));
        Gen<LinePlan> lines = Generate.enumValues(CoverageKind.class).zip(orNone(Generate.range(1, 10 * 366)),
                orNone(Generate.range(1, 15 * 366)), Generate.booleans(), LinePlan::new);
        return units.zip(Generate.range(0, 20 * 366), lines, Generate.pick(ZONES), (pair, day, line, zone) -> {
            LocalDate on = pair._1.productionDate().plusDays(day);
            return new ReplacementQuery(pair._1, pair._2, on, line.around(on), zone);
        });
    }

    /** The faulty unit's line in force: its kind, how long before the swap day it started and after it ends. */
    private record LinePlan(CoverageKind kind, int daysBefore, int daysAfter, boolean transport) {
        Coverage around(LocalDate on) {
            return new Coverage(kind, on.minusDays(daysBefore), on.plusDays(daysAfter), source(kind), transport
                    ? Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT) : Covered.scope(Covered.PARTS));
        }
    }

    /** 0 one time in eight, otherwise {@code days}: a line that starts or ends on the swap day. */
    private static Gen<Integer> orNone(Gen<Integer> days) {
        return Generate.frequency(List.of(Pair.of(1, Generate.constant(0)), Pair.of(7, days)));
    }

    private static CoverageSource source(CoverageKind kind) {
        return switch (kind) {
            case STANDARD -> CoverageSource.standard();
            case UPGRADE -> CoverageSource.upgrade();
            case EXTENSION -> CoverageSource.batch("B-GEN");
            case PROMOTION -> CoverageSource.promotion("SUMMER25");
        };
    }

    /**
     * The last day of the standard warranty as the default policy defines it (start at the earlier of
     * installation and production + 9 months; 5, 10 or 2 years by category). Used only to aim the
     * generated days at the boundaries; the policy under test decides on its own.
     */
    static LocalDate designStandardEnd(Device device) {
        return designStandardStart(device).plusYears(Category.BATTERY.equals(device.category()) ? 10
                : Category.INVERTER.equals(device.category()) ? 5 : 2).minusDays(1);
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

    private static Gen<CurrentEndPlan> currentEndPlans() {
        return weighted(4, 2, 1, 1).zip(
                Generate.pick(List.of(5, 1)),
                Generate.pick(List.of(5, 10, 15)),
                Generate.range(-400, 20 * 366), CurrentEndPlan::new);
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

    private static Gen<DayPlan> dayPlans() {
        return weighted(3, 3, 2, 1).zip(
                Generate.range(0, 59),
                Generate.range(-3, 3),
                Generate.range(-800, 800),
                Generate.range(0, 26 * 366), DayPlan::new);
    }

    /** The numbers 0, 1, ... picked with the given weights. */
    private static Gen<Integer> weighted(int... weights) {
        List<Pair<Integer, Gen<Integer>>> choices = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            choices.add(Pair.of(weights[i], Generate.constant(i)));
        }
        return Generate.frequency(choices);
    }
}
