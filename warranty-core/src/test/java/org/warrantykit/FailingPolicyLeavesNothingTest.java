package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.Fixtures;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryOwnershipStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.memory.InMemoryUpgradeRequestStore;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;

/**
 * A call whose policy decision fails after validation changes nothing (issue 16, finding 2, for
 * transfers and online reports): the in-memory stores cannot roll back, so the decision comes first.
 */
class FailingPolicyLeavesNothingTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String SERIAL = "FAILING00001";

    /** The test policy, except that it fails for one device while {@link #failing} is set. */
    static final class FailingFor implements WarrantyRules {
        final WarrantyRules delegate = new TestPolicy();
        volatile boolean failing;

        @Override
        public String version() {
            return delegate.version();
        }

        @Override
        public PolicyDecision decide(PolicyQuery query) {
            if (failing && query.device().serial().value().equals(SERIAL)) {
                throw new RuleSetException("A rule failed while deciding",
                        List.of(new RuleProblem("upgrade.drl", 7, "rule \"x\" failed")));
            }
            return delegate.decide(query);
        }

        @Override
        public CodeDecision judgeCode(CodeQuery query) {
            return delegate.judgeCode(query);
        }
    }

    final FailingFor rules = new FailingFor();
    final InMemoryUpgradeRequestStore requests = new InMemoryUpgradeRequestStore();
    final InMemoryOwnershipStore ownership = new InMemoryOwnershipStore();
    final WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(rules)
            .devices(InMemoryDeviceRegistry.of(List.of(Fixtures.device(SERIAL).installed(LocalDate.of(2024, 6, 1))
                    .offline().build())))
            .upgradeRequests(requests).ownership(ownership).decisionCache(0)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @Test
    void aTransferWhosePolicyDecisionFailsLeavesTheOwnerAsItWas() {
        rules.failing = true;

        assertThatThrownBy(() -> service.transferOwnership(SERIAL, ALICE, BOB)).isInstanceOf(RuleSetException.class);

        assertThat(ownership.owner(SerialNumber.parse(SERIAL))).as("no owner change recorded").isEmpty();
        rules.failing = false;
        assertThat(service.devices(ALICE)).extracting(WarrantyView::serial).containsExactly(SerialNumber.parse(SERIAL));
        assertThat(service.devices(BOB)).isEmpty();
    }

    @Test
    void anOnlineReportWhosePendingUpgradeCannotBeDecidedRecordsNothing() {
        assertThat(service.requestUpgrade(ALICE, SERIAL).status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);
        rules.failing = true;

        assertThatThrownBy(() -> service.deviceOnline(SERIAL, NOW.minusSeconds(60))).isInstanceOf(RuleSetException.class);

        assertThat(requests.onlineSince(SerialNumber.parse(SERIAL))).as("no online time recorded").isEmpty();
        assertThat(requests.pending(SerialNumber.parse(SERIAL))).as("the request still waits").isPresent();
        rules.failing = false;
        service.deviceOnline(SERIAL, NOW);
        assertThat(requests.onlineSince(SerialNumber.parse(SERIAL))).contains(NOW);
        assertThat(service.inquire(SERIAL).state()).isEqualTo(WarrantyState.UPGRADED);
    }
}
