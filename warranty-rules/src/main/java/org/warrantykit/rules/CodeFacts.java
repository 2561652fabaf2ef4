package org.warrantykit.rules;

import java.util.List;
import org.warrantykit.CodeKind;
import org.warrantykit.Device;
import org.warrantykit.rules.facts.CampaignCodeFact;
import org.warrantykit.rules.facts.CodeDevice;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.ExtensionCodeFact;
import org.warrantykit.spi.CodeQuery;

/** Flattens a code query into the facts code rules see: the device and the code entered. */
final class CodeFacts {
    private CodeFacts() {
    }

    static List<DeviceScoped> of(CodeQuery query) {
        Device device = query.device();
        String serial = device.serial().value();
        CodeDevice codeDevice = new CodeDevice(
                serial,
                device.model(),
                device.category().name(),
                device.region(),
                device.productionDate(),
                device.shipDate(),
                device.installDate().orElse(null),
                query.onlineDay().orElse(null),
                query.on(),
                query.upgraded(),
                query.currentEnd());
        DeviceScoped code = query.kind() == CodeKind.EXTENSION
                ? new ExtensionCodeFact(serial, query.name(), query.model().orElseThrow(), query.months() / 12)
                : new CampaignCodeFact(serial, query.name(), query.months(), query.upgradeYears());
        return List.of(codeDevice, code);
    }
}
