package org.warrantykit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * A small plain-Java policy for core tests (core must be testable without Drools): inverters 5
 * years + 5 on upgrade, batteries 10, accessories 2; start = install date or production + 9 months;
 * offers EUR 200 / 400 for upgraded inverters with at least 6 months left.
 */
class SimplePolicy implements WarrantyRules {
    private final String version;

    SimplePolicy() {
        this("simple-1");
    }

    SimplePolicy(String version) {
        this.version = version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public PolicyDecision decide(PolicyQuery query) {
        Device device = query.device();
        List<String> fired = new ArrayList<>();
        var nineMonths = device.productionDate().plusMonths(9);
        var start = device.installDate().filter(d -> !d.isAfter(nineMonths)).orElse(nineMonths);
        fired.add("start");
        int years = switch (device.category()) {
            case INVERTER -> 5;
            case BATTERY -> 10;
            case ACCESSORY -> 2;
        };
        fired.add("years " + years);
        StandardTerm standard = new StandardTerm(start, years);
        UpgradeVerdict upgrade;
        if (device.category() != Category.INVERTER) {
            upgrade = UpgradeVerdict.refuse("Model " + device.model() + " has no online warranty upgrade.");
        } else if (standard.end().isBefore(query.on())) {
            upgrade = UpgradeVerdict.refuse("The standard warranty ended on " + standard.end() + ".");
        } else {
            upgrade = UpgradeVerdict.grant(5, "Free online upgrade: 5 more years of warranty.");
            fired.add("upgrade");
        }
        List<OfferTerm> offers = List.of();
        String noOffer = "Extensions can be bought once the free online upgrade is applied.";
        if (query.upgraded() && device.category() == Category.INVERTER) {
            if (query.currentEnd().orElseThrow().isBefore(query.on().plusMonths(6))) {
                noOffer = "Less than 6 months left.";
            } else {
                offers = List.of(new OfferTerm(60, Money.of(new BigDecimal("200"), java.util.Currency.getInstance("EUR"))),
                        new OfferTerm(120, Money.of("400", "EUR")));
                noOffer = "";
                fired.add("offers");
            }
        }
        return new PolicyDecision(standard, upgrade, offers, noOffer, new DecisionTrace(version, fired));
    }
}
