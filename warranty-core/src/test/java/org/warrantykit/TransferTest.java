package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryOwnershipStore;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;

/** Ownership transfers, decided by the policy (issue 17: some markets keep the warranty with its first owner). */
class TransferTest {
    static final Device SOLD = device("TRANSFER0001").build();
    static final Device AUSTRALIAN = device("TRANSFERAU01").region(TestPolicy.NON_TRANSFERABLE_REGION).build();

    final InMemoryOwnershipStore ownership = new InMemoryOwnershipStore();
    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
            .devices(InMemoryDeviceRegistry.of(List.of(SOLD, AUSTRALIAN))).ownership(ownership).ledger(ledger)
            .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();

    @Test
    void whereThePolicyAllowsItTheWarrantyFollowsTheDeviceCoverageIntact() {
        service.requestUpgrade(ALICE, SOLD.serial());
        WarrantyView before = service.inquire(SOLD.serial());

        WarrantyView after = service.transferOwnership(SOLD.serial().value(), ALICE, BOB);

        assertThat(after.coverages()).isEqualTo(before.coverages());
        assertThat(service.devices(BOB)).extracting(WarrantyView::serial).containsExactly(SOLD.serial());
        assertThat(service.devices(ALICE)).extracting(WarrantyView::serial).containsExactly(AUSTRALIAN.serial());
        assertThat(service.offers(BOB, SOLD.serial())).isNotEmpty();
        assertThatThrownBy(() -> service.offers(ALICE, SOLD.serial())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void whereThePolicyKeepsTheWarrantyWithItsOwnerTheTransferIsRefusedWithItsReasonAndNothingMoves() {
        service.requestUpgrade(ALICE, AUSTRALIAN.serial());
        List<?> ledgerBefore = ledger.entries(AUSTRALIAN.serial());

        assertThatThrownBy(() -> service.transferOwnership(AUSTRALIAN.serial().value(), ALICE, BOB))
                .isInstanceOfSatisfying(TransferRefusedException.class, refused -> {
                    assertThat(refused.serial()).isEqualTo(AUSTRALIAN.serial());
                    assertThat(refused.reason()).isEqualTo(TestPolicy.TRANSFER_REFUSED);
                })
                .hasMessage("The warranty of device TRANSFERAU01 cannot be transferred: In Australia the warranty "
                        + "stays with the original owner.");

        assertThat(ownership.owner(AUSTRALIAN.serial())).as("no owner change recorded").isEmpty();
        assertThat(ledger.entries(AUSTRALIAN.serial())).isEqualTo(ledgerBefore);
        assertThat(service.devices(BOB)).isEmpty();
        assertThat(service.devices(ALICE)).extracting(WarrantyView::serial).contains(AUSTRALIAN.serial());
    }

    @Test
    void accessIsCheckedBeforeThePolicySoAStrangerLearnsNothingOfIt() {
        assertThatThrownBy(() -> service.transferOwnership(AUSTRALIAN.serial().value(), BOB, BOB))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * Another transfer commits after this one checked that ALICE owns the device and before it reads
     * the stored owner to move it (here: while the policy decides), as on two instances of one
     * database: this one must not move the device on from its new owner.
     */
    @Test
    void aTransferOvertakenAfterItsOwnershipCheckIsRefusedAndMovesNothing() {
        AccountId carol = AccountId.of("carol");
        InMemoryOwnershipStore store = new InMemoryOwnershipStore();
        TestPolicy policy = new TestPolicy();
        AtomicBoolean overtaken = new AtomicBoolean();
        WarrantyRules overtaking = new WarrantyRules() {
            @Override
            public String version() {
                return policy.version();
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                if (overtaken.compareAndSet(false, true)) {
                    store.transfer(SOLD.serial(), Optional.empty(), ALICE, carol, Instant.parse("2026-11-27T09:59:00Z"));
                }
                return policy.decide(query);
            }

            @Override
            public CodeDecision judgeCode(CodeQuery query) {
                return policy.judgeCode(query);
            }
        };
        WarrantyService racing = InMemoryStores.configure(WarrantyService.builder()).rules(overtaking)
                .devices(InMemoryDeviceRegistry.of(List.of(SOLD))).ownership(store)
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();

        assertThatThrownBy(() -> racing.transferOwnership(SOLD.serial(), ALICE, BOB))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(overtaken).isTrue();
        assertThat(store.owner(SOLD.serial())).contains(carol);
        assertThat(racing.devices(BOB)).isEmpty();
    }

    @Test
    void manyBuyersAtOnceExactlyOneGetsTheDevice() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        Map<AccountId, Boolean> winners = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                AccountId buyer = AccountId.of("buyer-" + i);
                calls.add(pool.submit(() -> {
                    start.await();
                    try {
                        service.transferOwnership(SOLD.serial(), ALICE, buyer);
                        winners.put(buyer, true);
                    } catch (AccessDeniedException soldAlready) {
                        // someone bought it first
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasSize(1);
        AccountId buyer = winners.keySet().iterator().next();
        assertThat(ownership.owner(SOLD.serial())).contains(buyer);
        assertThat(service.devices(buyer)).extracting(WarrantyView::serial).containsExactly(SOLD.serial());
    }
}
