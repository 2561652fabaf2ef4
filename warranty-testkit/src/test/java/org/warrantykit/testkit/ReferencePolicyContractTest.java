package org.warrantykit.testkit;

import org.warrantykit.spi.WarrantyRules;

/** The plain-Java reference policy keeps the rule-set contract (and shows it runs by inheritance). */
class ReferencePolicyContractTest extends RuleSetContract {
    @Override
    protected WarrantyRules rules() {
        return new ReferencePolicy();
    }
}
