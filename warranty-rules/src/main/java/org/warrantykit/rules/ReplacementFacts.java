package org.warrantykit.rules;

import java.time.LocalDate;
import java.util.List;
import org.warrantykit.Coverage;
import org.warrantykit.Device;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.ReplacementFact;
import org.warrantykit.rules.facts.ReplacementUnit;
import org.warrantykit.spi.ReplacementQuery;

/** Flattens a replacement query into the facts replacement rules see: the swap and its two units. */
final class ReplacementFacts {
    private ReplacementFacts() {
    }

    static List<DeviceScoped> of(ReplacementQuery query) {
        Coverage inForce = query.inForce();
        ReplacementFact swap = new ReplacementFact(query.faulty().serial().value(),
                query.replacement().serial().value(), query.on(), inForce.kind().name(), inForce.start(), inForce.end());
        return List.of(swap, unit(query.faulty(), ReplacementUnit.FAULTY, query),
                unit(query.replacement(), ReplacementUnit.REPLACEMENT, query));
    }

    private static ReplacementUnit unit(Device device, String role, ReplacementQuery query) {
        return new ReplacementUnit(
                device.serial().value(),
                role,
                device.model(),
                device.category().name(),
                device.region(),
                device.productionDate(),
                device.shipDate(),
                device.installDate().orElse(null),
                device.onlineSince().map(at -> LocalDate.ofInstant(at, query.zone())).orElse(null));
    }
}
