package org.warrantykit.examples;

import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.RuleSetContract;

/** The custom policy keeps the rule-set contract every rule set must keep. */
class CustomRulesContractTest extends RuleSetContract {
    /** Compiled once for all tests (JUnit makes one instance per test). */
    private static final WarrantyRules RULES = CustomRules.load();

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }
}
