package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;

/**
 * A service whose clock is not on UTC asks the policy about days in its own zone, and the day a
 * device came online is a day in that zone too: otherwise rules comparing it with {@code on}
 * would be a day off around midnight.
 */
class QueryZoneTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    // 20:00 UTC on 1 March is already 2 March in Tokyo
    static final Instant ONLINE = Instant.parse("2026-03-01T20:00:00Z");
    static final Device DEVICE = CodeFixture.inverter("ZONE0000001", "X1-HYBRID-G4", "DE", CodeFixture.ALICE)
            .withOnlineSince(ONLINE);

    /** The code test policy, keeping every query it is asked. */
    static final class Recording implements WarrantyRules {
        final WarrantyRules policy = new CodeTestPolicy();
        final List<PolicyQuery> decided = new CopyOnWriteArrayList<>();
        final List<CodeQuery> judged = new CopyOnWriteArrayList<>();

        @Override
        public String version() {
            return policy.version();
        }

        @Override
        public PolicyDecision decide(PolicyQuery query) {
            decided.add(query);
            return policy.decide(query);
        }

        @Override
        public CodeDecision judgeCode(CodeQuery query) {
            judged.add(query);
            return policy.judgeCode(query);
        }
    }

    @Test
    void theServiceAsksAboutDaysInItsClocksZone() {
        Recording rules = new Recording();
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(InMemoryDeviceRegistry.of(List.of(DEVICE)))
                .clock(Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), TOKYO)).build();

        service.requestUpgrade(CodeFixture.ALICE, DEVICE.serial().value());
        String code = service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, LocalDate.of(2027, 12, 31)).get(0);
        service.redeem(CodeFixture.ALICE, DEVICE.serial().value(), code);

        assertThat(rules.decided).isNotEmpty().allSatisfy(query -> {
            assertThat(query.zone()).isEqualTo(TOKYO);
            assertThat(query.on()).as("16:00 UTC is 01:00 the next day in Tokyo").isEqualTo(LocalDate.of(2026, 11, 28));
            assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 2));
        });
        assertThat(rules.judged).isNotEmpty().allSatisfy(query -> {
            assertThat(query.zone()).isEqualTo(TOKYO);
            assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 2));
        });
    }

    @Test
    void queriesBuiltWithoutAZoneAreOnUtcDays() {
        PolicyQuery query = PolicyQuery.fresh(DEVICE, LocalDate.of(2026, 11, 27));
        assertThat(query.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(query.onlineDay()).contains(LocalDate.of(2026, 3, 1));
        Device neverOnline = Device.of(SerialNumber.parse("ZONE0000002"), "X1-HYBRID-G4", Category.INVERTER, "DE",
                LocalDate.of(2023, 1, 10), LocalDate.of(2023, 2, 1));
        assertThat(new PolicyQuery(neverOnline, LocalDate.of(2026, 11, 27), false, Optional.empty(), ZoneId.of("Asia/Tokyo"))
                .onlineDay()).isEmpty();
    }
}
