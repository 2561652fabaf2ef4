package org.warrantykit.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
                onlineDay(device),
                query.on(),
                query.upgraded(),
                query.currentEnd().orElse(null));
    }

    /** The day (UTC) the device first sent data, or null: what rules see as {@code onlineSince}. */
    static LocalDate onlineDay(Device device) {
        return device.onlineSince().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(null);
    }
}
