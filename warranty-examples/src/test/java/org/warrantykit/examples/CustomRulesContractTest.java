package org.warrantykit.examples;

import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.RuleSetContract;

/** The custom policy keeps the rule-set contract every rule set must keep. */
class CustomRulesContractTest extends RuleSetContract {
    /** Compiled once for all properties (jqwik makes one instance per property). */
    private static final WarrantyRules RULES = CustomRules.load();

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }
}
