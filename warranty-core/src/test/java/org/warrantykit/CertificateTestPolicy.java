package org.warrantykit;

import java.util.List;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * The fake policy of the certificate tests (no Drools in core tests): standard 5 years from the
 * install date (production + 9 months when never installed); +5 years on upgrade while the standard
 * warranty runs, except for models starting with "BAT"; no offers.
 */
final class CertificateTestPolicy implements WarrantyRules {
    static final String VERSION = "fake-certificates-1";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public PolicyDecision decide(PolicyQuery query) {
        Device device = query.device();
        StandardTerm standard = new StandardTerm(device.installDate().orElse(device.productionDate().plusMonths(9)), 5);
        UpgradeVerdict upgrade;
        if (device.model().startsWith("BAT")) {
            upgrade = UpgradeVerdict.refuse("Model " + device.model() + " has no online warranty upgrade.");
        } else if (query.upgraded()) {
            upgrade = UpgradeVerdict.refuse("Already upgraded.");
        } else if (standard.end().isBefore(query.on())) {
            upgrade = UpgradeVerdict.refuse("The standard warranty ended on " + standard.end() + ".");
        } else {
            upgrade = UpgradeVerdict.grant(5, "Free online upgrade: 5 more years.");
        }
        return new PolicyDecision(standard, upgrade, List.of(), "No online extension in this test policy.",
                new DecisionTrace(VERSION, List.of("fake standard", "fake upgrade")));
    }
}
