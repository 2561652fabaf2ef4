package org.warrantykit.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warrantykit.Category;
import org.warrantykit.CodeKind;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.ModelName;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;

/**
 * Runs a freshly compiled rule set over a built-in sample of devices before it may serve, so a
 * rule set that compiles but decides nonsense (no standard term for a category, a negative price,
 * contradicting rules) is refused up front instead of failing a customer's request later.
 */
final class SampleCheck {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Pattern CAMPAIGN_NAMED = Pattern.compile("\\bcode\\s*==\\s*\"([^\"]*)\"");

    private SampleCheck() {
    }

    static void run(DroolsWarrantyRules rules, List<RuleSource> sources) {
        List<PolicyQuery> queries = sample(namedIn(sources));
        List<PolicyDecision> decisions = rules.decideAll(queries);
        if (decisions.size() != queries.size()) {
            throw new IllegalStateException("decideAll returned " + decisions.size() + " decisions for "
                    + queries.size() + " queries");
        }
        rules.judgeCodes(codeSample(queries, campaignsNamedIn(sources))); // invalid code-rule outputs fail here
        rules.judgeReplacements(replacementSample(queries)); // so does a swap no replacement rule decides
    }

    /** Regions, models and categories that the rules name, beyond those the built-in sample has. */
    record Named(Set<String> regions, Set<String> models, Set<String> categories) {
        static final Named NOTHING = new Named(Set.of(), Set.of(), Set.of());
    }

    private static final Pattern REGION_NAMED = named("region");
    private static final Pattern MODEL_NAMED = named("model");
    private static final Pattern CATEGORY_NAMED = named("category");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z0-9_]{1," + Category.MAX_LENGTH + "}");

    /** {@code field == "X"}, {@code field != "X"} or {@code field [not] in ( "X", "Y" )}. */
    private static Pattern named(String field) {
        return Pattern.compile("\\b" + field + "\\s*(?:[!=]=\\s*(\"[^\"]*\")|(?:not\\s+)?in\\s*\\(([^)]*)\\))");
    }

    /**
     * What the rules name in conditions such as {@code region == "AU"}, {@code model in ("X1-EVC")}
     * or {@code category != "EV_CHARGER"}: a rule for AU, a new model or a new product category is
     * then judged in the sample check on such devices, not first at an owner's call. Values that a
     * device cannot have (a region that is not two letters) are left out.
     */
    static Named namedIn(List<RuleSource> sources) {
        Set<String> regions = new TreeSet<>();
        Set<String> models = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        for (RuleSource source : sources) {
            String text = source.text();
            collect(REGION_NAMED, text, regions, REGION);
            collect(MODEL_NAMED, text, models, null);
            collect(CATEGORY_NAMED, text, categories, CATEGORY);
        }
        return new Named(regions, models, categories);
    }

    private static void collect(Pattern condition, String text, Set<String> into, Pattern form) {
        Matcher found = condition.matcher(text);
        while (found.find()) {
            String values = found.group(1) != null ? found.group(1) : found.group(2);
            Matcher quoted = QUOTED.matcher(values);
            while (quoted.find()) {
                String value = quoted.group(1).strip();
                if (!value.isEmpty() && value.length() <= ModelName.MAX_LENGTH
                        && (form == null || form.matcher(value).matches())) {
                    into.add(value.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    /**
     * The campaigns the code rules name ({@code code == "SUMMER25"}), so that each campaign's own
     * rules run in the check, plus one that no rule names.
     */
    static Set<String> campaignsNamedIn(List<RuleSource> sources) {
        Set<String> campaigns = new TreeSet<>(List.of("SAMPLE"));
        for (RuleSource source : sources) {
            Matcher named = CAMPAIGN_NAMED.matcher(source.text());
            while (named.find()) {
                if (!named.group(1).isBlank()) {
                    campaigns.add(named.group(1));
                }
            }
        }
        return campaigns;
    }

    /**
     * Codes entered for each sample device, upgraded and not, on a running and an ended warranty:
     * an extension code of a batch for its model and for another model, and each campaign granting
     * months only and the upgrade only. Every query gets a device of its own (the sample device under
     * another serial), so all of them can be judged together.
     */
    static List<CodeQuery> codeSample(List<PolicyQuery> devices, Set<String> campaigns) {
        List<Device> distinct = devices.stream().map(PolicyQuery::device).distinct().toList();
        List<CodeQuery> queries = new ArrayList<>();
        for (Device device : distinct) {
            for (boolean upgraded : new boolean[] {true, false}) {
                for (LocalDate end : List.of(DAY.plusYears(5), DAY.minusDays(1))) {
                    for (String model : List.of(device.model(), "SAMPLE-OTHER-MODEL")) {
                        CodeBatch batch = new CodeBatch("B-SAMPLE", model, 5, DAY, 1, Instant.EPOCH);
                        queries.add(CodeQuery.extension(renamed(device, queries.size()), DAY, upgraded, end, batch));
                    }
                    for (String campaign : campaigns) {
                        queries.add(new CodeQuery(renamed(device, queries.size()), DAY, upgraded, end,
                                CodeKind.CAMPAIGN, campaign, Optional.empty(), 6, 0));
                        queries.add(new CodeQuery(renamed(device, queries.size()), DAY, upgraded, end,
                                CodeKind.CAMPAIGN, campaign, Optional.empty(), 0, 5));
                    }
                }
            }
        }
        return queries;
    }

    /**
     * Swaps of each sample device for each sample device of its category and region, itself included
     * (as a unit of the same model), the line in force of each kind in turn: what the service asks
     * the replacement rules, after its own checks. Every unit is a sample device under a serial of
     * its own, so all swaps can be judged together.
     */
    static List<ReplacementQuery> replacementSample(List<PolicyQuery> devices) {
        List<Device> distinct = devices.stream().map(PolicyQuery::device).distinct().toList();
        CoverageKind[] kinds = CoverageKind.values();
        List<ReplacementQuery> queries = new ArrayList<>();
        int units = 0;
        for (Device faulty : distinct) {
            for (Device replacement : distinct) {
                if (!replacement.category().equals(faulty.category()) || !replacement.region().equals(faulty.region())) {
                    continue;
                }
                CoverageKind kind = kinds[queries.size() % kinds.length];
                CoverageSource source = switch (kind) {
                    case STANDARD -> CoverageSource.standard();
                    case UPGRADE -> CoverageSource.upgrade();
                    case EXTENSION -> CoverageSource.batch("B-SAMPLE");
                    case PROMOTION -> CoverageSource.promotion("SAMPLE");
                };
                Coverage inForce = new Coverage(kind, DAY.minusYears(1), DAY.plusYears(2), source, Set.of(Covered.PARTS));
                queries.add(new ReplacementQuery(renamed(faulty, "SAMPLESWAP", units++),
                        renamed(replacement, "SAMPLESWAP", units++), DAY, inForce, ZoneOffset.UTC));
            }
        }
        return queries;
    }

    private static Device renamed(Device device, String prefix, int n) {
        return new Device(SerialNumber.parse(prefix + String.format("%06d", n)), device.model(),
                device.category(), device.region(), device.productionDate(), device.shipDate(),
                device.installDate(), device.owner(), device.onlineSince());
    }

    private static Device renamed(Device device, int n) {
        return renamed(device, "SAMPLECODE", n);
    }

    /** A model in a category: one kind of sample device. */
    private record Kind(String model, Category category) {
    }

    /** The built-in sample alone: what the check runs for rules that name nothing beyond it. */
    static List<PolicyQuery> sample() {
        return sample(Named.NOTHING);
    }

    /**
     * One device per model and category, in DE and GB and every region the rules name, fresh and
     * upgraded, installed and not: the built-in models (one of each category and one no rule names)
     * with their categories, and every model and category the rules name, each model in each
     * category, so that no named combination first meets the rules at an owner's call.
     */
    static List<PolicyQuery> sample(Named named) {
        // built-in kinds first, so their serial numbers stay as they are whatever the rules name; a
        // kind that is already there is not decided twice
        Set<Kind> kinds = new java.util.LinkedHashSet<>(List.of(new Kind("X1-BOOST", Category.INVERTER),
                new Kind("X3-HYBRID-G4", Category.INVERTER), new Kind("X3-MEGA-G2", Category.INVERTER),
                new Kind("T-BAT-H5.8", Category.BATTERY), new Kind("METER-X", Category.ACCESSORY),
                new Kind("UNLISTED-MODEL", Category.ACCESSORY)));
        Set<Category> allCategories = new java.util.LinkedHashSet<>(Category.wellKnown());
        named.categories().forEach(c -> allCategories.add(new Category(c)));
        for (String model : named.models()) {
            allCategories.forEach(category -> kinds.add(new Kind(model, category)));
        }
        for (String category : named.categories()) { // a named category on a model no rule names
            kinds.add(new Kind("UNLISTED-MODEL", new Category(category)));
        }
        Set<String> regions = new java.util.LinkedHashSet<>(List.of("DE", "GB"));
        regions.addAll(named.regions());
        List<PolicyQuery> queries = new ArrayList<>();
        int n = 0;
        List<Kind> ordered = List.copyOf(kinds);
        for (int i = 0; i < ordered.size(); i++) {
            for (String region : regions) {
                LocalDate produced = DAY.minusYears(1 + i % 3);
                Device device = new Device(SerialNumber.parse("SAMPLE" + String.format("%06d", n++)),
                        ordered.get(i).model(), ordered.get(i).category(), region, produced, produced.plusDays(20),
                        i % 2 == 0 ? Optional.of(produced.plusMonths(2)) : Optional.empty(), Optional.empty(),
                        Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
                queries.add(PolicyQuery.fresh(device, DAY));
                queries.add(new PolicyQuery(device, DAY, true, Optional.of(DAY.plusYears(5))));
            }
        }
        return queries;
    }
}
