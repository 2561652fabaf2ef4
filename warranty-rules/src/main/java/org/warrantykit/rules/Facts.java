package org.warrantykit.rules;

import org.warrantykit.Device;
import org.warrantykit.rules.facts.DeviceFact;
import org.warrantykit.spi.PolicyQuery;

/** Flattens a query into the fact the rules see. */
final class Facts {
    private Facts() {
    }

    static DeviceFact of(PolicyQuery query) {
        Device device = query.device();
        return new DeviceFact(
                device.serial().value(),
                device.model(),
                device.category().name(),
                device.region(),
                device.productionDate(),
                device.shipDate(),
                device.installDate().orElse(null),
                query.onlineDay().orElse(null),
                query.on(),
                query.upgraded(),
                query.currentEnd().orElse(null));
    }
}
