package org.warrantykit.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.warrantykit.Category;
import org.warrantykit.CodeKind;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Device;
import org.warrantykit.Money;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * A small plain-Java policy (no Drools in these tests): inverters 5 years + 5 on upgrade; start =
 * install date or production + 9 months; upgraded inverters with at least 6 months left are offered
 * +5 y for EUR 200 and +10 y for EUR 400.
 */
final class TestPolicy implements WarrantyRules {
    @Override
    public String version() {
        return "jdbc-test-1";
    }

    @Override
    public PolicyDecision decide(PolicyQuery query) {
        Device device = query.device();
        List<String> fired = new ArrayList<>();
        var nineMonths = device.productionDate().plusMonths(9);
        var start = device.installDate().filter(d -> !d.isAfter(nineMonths)).orElse(nineMonths);
        fired.add("standard start");
        int years = device.category() == Category.BATTERY ? 10 : device.category() == Category.ACCESSORY ? 2 : 5;
        StandardTerm standard = new StandardTerm(start, years);
        UpgradeVerdict upgrade;
        if (device.category() != Category.INVERTER) {
            upgrade = UpgradeVerdict.refuse("Model " + device.model() + " has no online warranty upgrade.");
        } else if (standard.end().isBefore(query.on())) {
            upgrade = UpgradeVerdict.refuse("The standard warranty ended on " + standard.end() + ".");
        } else {
            upgrade = UpgradeVerdict.grant(5, "Free online upgrade: 5 more years of warranty.");
            fired.add("upgrade: online inverter");
        }
        List<OfferTerm> offers = List.of();
        String noOffer = "Extensions can be bought once the free online upgrade is applied.";
        if (query.upgraded() && device.category() == Category.INVERTER) {
            if (query.currentEnd().orElseThrow().isBefore(query.on().plusMonths(6))) {
                noOffer = "Less than 6 months left.";
            } else {
                offers = List.of(new OfferTerm(60, Money.of("200", "EUR")), new OfferTerm(120, Money.of("400", "EUR")));
                noOffer = "";
                fired.add("offers: inverter");
            }
        }
        return new PolicyDecision(standard, upgrade, offers, noOffer, new DecisionTrace(version(), fired));
    }

    /** Codes apply to running warranties; extension codes only to their batch's model. */
    @Override
    public CodeDecision judgeCode(CodeQuery query) {
        DecisionTrace trace = new DecisionTrace(version(), List.of("codes: running warranty"));
        if (!query.running()) {
            return CodeDecision.refuse("The warranty has ended.", "codes: running warranty", trace);
        }
        if (query.kind() == CodeKind.EXTENSION && !query.model().orElseThrow().equals(query.device().model())) {
            return CodeDecision.refuse("The code is for another model.", "codes: model", trace);
        }
        return CodeDecision.allow("Accepted.", "codes: running warranty", trace);
    }
}
