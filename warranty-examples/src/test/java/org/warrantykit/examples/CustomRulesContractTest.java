package org.warrantykit.examples;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.RuleSetContract;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * The custom policy keeps the rule-set contract every rule set must keep, on the generated devices
 * and on the product line the generators do not know: X1-EVC EV chargers (category EV_CHARGER).
 */
class CustomRulesContractTest extends RuleSetContract {
    /** Compiled once for all tests (JUnit makes one instance per test). */
    private static final WarrantyRules RULES = CustomRules.load();
    static final Category EV_CHARGER = Category.of("EV_CHARGER");

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }

    /** One query in four about an EV charger: a generated device turned into an X1-EVC. */
    @Override
    protected Gen<PolicyQuery> queries() {
        Gen<PolicyQuery> chargers = WarrantyGenerators.policyQueries().map(CustomRulesContractTest::asEvCharger);
        return Generate.frequency(List.of(Pair.of(3, WarrantyGenerators.policyQueries()), Pair.of(1, chargers)));
    }

    static PolicyQuery asEvCharger(PolicyQuery query) {
        Device d = query.device();
        Device charger = new Device(d.serial(), "X1-EVC", EV_CHARGER, d.region(), d.productionDate(), d.shipDate(),
                d.installDate(), d.owner(), d.onlineSince());
        return new PolicyQuery(charger, query.on(), query.upgraded(), query.currentEnd(), query.zone());
    }
}
