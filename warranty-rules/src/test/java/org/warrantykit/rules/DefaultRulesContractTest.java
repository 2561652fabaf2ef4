package org.warrantykit.rules;

import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.RuleSetContract;

/**
 * The shipped default DRL keeps the rule-set contract of the testkit, exactly as an integrator
 * runs it on their own folder.
 */
class DefaultRulesContractTest extends RuleSetContract {
    /** Compiled once for all properties (jqwik makes one instance per property). */
    private static final DroolsWarrantyRules RULES = DroolsWarrantyRules.defaults();

    @Override
    protected WarrantyRules rules() {
        return RULES;
    }
}
