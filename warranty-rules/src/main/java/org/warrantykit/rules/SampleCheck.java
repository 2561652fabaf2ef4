package org.warrantykit.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warrantykit.Category;
import org.warrantykit.CodeKind;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

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
        List<PolicyQuery> queries = sample();
        List<PolicyDecision> decisions = rules.decideAll(queries);
        if (decisions.size() != queries.size()) {
            throw new IllegalStateException("decideAll returned " + decisions.size() + " decisions for "
                    + queries.size() + " queries");
        }
        rules.judgeCodes(codeSample(queries, campaignsNamedIn(sources))); // invalid code-rule outputs fail here
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

    private static Device renamed(Device device, int n) {
        return new Device(SerialNumber.parse("SAMPLECODE" + String.format("%06d", n)), device.model(),
                device.category(), device.region(), device.productionDate(), device.shipDate(),
                device.installDate(), device.owner(), device.onlineSince());
    }

    /** One device per category and region kind, fresh and upgraded, installed and not. */
    static List<PolicyQuery> sample() {
        List<PolicyQuery> queries = new ArrayList<>();
        String[] models = {"X1-BOOST", "X3-HYBRID-G4", "X3-MEGA-G2", "T-BAT-H5.8", "METER-X", "UNLISTED-MODEL"};
        Category[] categories = {Category.INVERTER, Category.INVERTER, Category.INVERTER, Category.BATTERY,
                Category.ACCESSORY, Category.ACCESSORY};
        String[] regions = {"DE", "GB"};
        int n = 0;
        for (int i = 0; i < models.length; i++) {
            for (String region : regions) {
                LocalDate produced = DAY.minusYears(1 + i % 3);
                Device device = new Device(SerialNumber.parse("SAMPLE" + String.format("%06d", n++)), models[i],
                        categories[i], region, produced, produced.plusDays(20),
                        i % 2 == 0 ? Optional.of(produced.plusMonths(2)) : Optional.empty(), Optional.empty(),
                        Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
                queries.add(PolicyQuery.fresh(device, DAY));
                queries.add(new PolicyQuery(device, DAY, true, Optional.of(DAY.plusYears(5))));
            }
        }
        return queries;
    }
}
