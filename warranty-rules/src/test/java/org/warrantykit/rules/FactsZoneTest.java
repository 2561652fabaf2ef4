package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.Device;
import org.warrantykit.rules.facts.CodeDevice;
import org.warrantykit.rules.facts.DeviceFact;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyQuery;

/** Rules see the day a device came online in the service's zone, the zone their {@code on} is a day in. */
class FactsZoneTest {
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    // 03:00 UTC on 2 March is still 1 March in Los Angeles
    static final Device DEVICE = device("ZONE0000001").region("US").produced(LocalDate.of(2025, 1, 10)).neverInstalled()
            .online(Instant.parse("2026-03-02T03:00:00Z")).build();
    static final LocalDate ON = LocalDate.of(2026, 11, 27);

    @Test
    void policyFactsTakeTheOnlineDayInTheQuerysZone() {
        DeviceFact inLosAngeles = Facts.of(new PolicyQuery(DEVICE, ON, false, Optional.empty(), LOS_ANGELES));
        DeviceFact inUtc = Facts.of(PolicyQuery.fresh(DEVICE, ON));

        assertThat(inLosAngeles.onlineSince()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(inUtc.onlineSince()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void codeFactsTakeTheOnlineDayInTheQuerysZone() {
        CodeBatch batch = new CodeBatch("B-1", "X1-HYBRID-G4", 2, LocalDate.of(2027, 12, 31), 1,
                Instant.parse("2026-01-01T00:00:00Z"));
        CodeQuery query = CodeQuery.extension(DEVICE, ON, true, LocalDate.of(2031, 1, 1), batch).inZone(LOS_ANGELES);

        CodeDevice device = (CodeDevice) CodeFacts.of(query).get(0);

        assertThat(device.onlineSince()).isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
