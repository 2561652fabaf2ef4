package org.warrantykit.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private SampleCheck() {
    }

    static void run(DroolsWarrantyRules rules) {
        List<PolicyQuery> queries = sample();
        List<PolicyDecision> decisions = rules.decideAll(queries);
        if (decisions.size() != queries.size()) {
            throw new IllegalStateException("decideAll returned " + decisions.size() + " decisions for "
                    + queries.size() + " queries");
        }
        for (CodeQuery query : codeSample(queries)) {
            rules.judgeCode(query); // invalid code-rule outputs fail here, naming the rule
        }
    }

    /** An extension code and a campaign code entered for each sample device, running and ended. */
    static List<CodeQuery> codeSample(List<PolicyQuery> devices) {
        List<CodeQuery> queries = new ArrayList<>();
        for (PolicyQuery device : devices) {
            if (!device.upgraded()) {
                continue;
            }
            for (LocalDate end : List.of(DAY.plusYears(5), DAY.minusDays(1))) {
                CodeBatch batch = new CodeBatch("B-SAMPLE", device.device().model(), 5, DAY, 1, Instant.EPOCH);
                queries.add(CodeQuery.extension(device.device(), DAY, true, end, batch));
                queries.add(new CodeQuery(device.device(), DAY, false, end, CodeKind.CAMPAIGN, "SAMPLE",
                        Optional.empty(), 6, 5));
            }
        }
        return queries;
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
