package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.PolicyQuery;

/**
 * A service whose clock is not on UTC asks the policy about days in its own zone, and the day a
 * device came online is a day in that zone too: otherwise rules comparing it with {@code on}
 * would be a day off around midnight.
 */
class QueryZoneTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    // 20:00 UTC on 1 March is already 2 March in Tokyo
    static final Instant ONLINE = Instant.parse("2026-03-01T20:00:00Z");
    static final Device DEVICE = device("ZONE0000001").online(ONLINE).build();

    @Test
    void theServiceAsksAboutDaysInItsClocksZone() {
        TestPolicy rules = new TestPolicy();
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(InMemoryDeviceRegistry.of(List.of(DEVICE)))
                .clock(Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), TOKYO)).build();

        service.requestUpgrade(ALICE, DEVICE.serial().value());
        String code = service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, LocalDate.of(2027, 12, 31)).get(0);
        service.redeem(ALICE, DEVICE.serial().value(), code);

        assertThat(rules.decided()).isNotEmpty().allSatisfy(query -> {
            assertThat(query.zone()).isEqualTo(TOKYO);
            assertThat(query.on()).as("16:00 UTC is 01:00 the next day in Tokyo").isEqualTo(LocalDate.of(2026, 11, 28));
            assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 2));
        });
        assertThat(rules.judged()).isNotEmpty().allSatisfy(query -> {
            assertThat(query.zone()).isEqualTo(TOKYO);
            assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 2));
        });
    }

    @Test
    void queriesBuiltWithoutAZoneAreOnUtcDays() {
        PolicyQuery query = PolicyQuery.fresh(DEVICE, LocalDate.of(2026, 11, 27));
        assertThat(query.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 1));
        Device neverOnline = device("ZONE0000002").offline().build();
        assertThat(new PolicyQuery(neverOnline, LocalDate.of(2026, 11, 27), false, Optional.empty(), ZoneId.of("Asia/Tokyo"))
                .onlineDay()).isEmpty();
    }
}
