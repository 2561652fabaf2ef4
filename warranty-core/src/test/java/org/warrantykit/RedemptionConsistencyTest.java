package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.CodeFixture.TODAY;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.LedgerEntry;

/** When the ledger append does not go through, the code is given back; exactly once either way. */
class RedemptionConsistencyTest {
    static final Device DE = device("ALICEDE0001").build();

    /** A ledger that misbehaves on the appends tests ask for. */
    static final class FlakyLedger implements CoverageLedger {
        enum Mode { OK, ALWAYS_LOSES, THROWS_BEFORE_WRITING, THROWS_AFTER_WRITING, THROWS_AFTER_WRITING_THEN_UNREADABLE }

        final InMemoryCoverageLedger inner = new InMemoryCoverageLedger();
        volatile Mode mode = Mode.OK;
        volatile boolean unreadable;

        @Override
        public List<LedgerEntry> entries(SerialNumber serial) {
            if (unreadable) {
                throw new IllegalStateException("ledger unreachable");
            }
            return inner.entries(serial);
        }

        @Override
        public boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> entries) {
            switch (mode) {
                case ALWAYS_LOSES:
                    return false;
                case THROWS_BEFORE_WRITING:
                    throw new IllegalStateException("ledger write failed");
                case THROWS_AFTER_WRITING:
                    inner.append(serial, expectedCount, entries);
                    throw new IllegalStateException("ledger acknowledged nothing");
                case THROWS_AFTER_WRITING_THEN_UNREADABLE:
                    inner.append(serial, expectedCount, entries);
                    unreadable = true;
                    throw new IllegalStateException("ledger went away");
                default:
                    return inner.append(serial, expectedCount, entries);
            }
        }
    }

    final FlakyLedger ledger = new FlakyLedger();
    final CodeFixture fx = new CodeFixture(List.of(DE), ledger);
    final List<String> codes;

    RedemptionConsistencyTest() {
        fx.upgrade(DE);
        codes = fx.service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 3, TODAY);
        fx.service.codeIssuer().createCampaign(Campaign.of("SUMMER25", TODAY, TODAY, 1, 6));
    }

    @Test
    void aGrantThatCannotBeWrittenGivesTheCodeAndThePromotionBack() {
        ledger.mode = FlakyLedger.Mode.ALWAYS_LOSES;
        for (int i = 0; i < 6; i++) { // not the owner's fault: these do not count toward the lockout
            assertThatThrownBy(() -> fx.service.redeem(ALICE, "ALICEDE0001", codes.get(0)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> fx.service.redeem(ALICE, "ALICEDE0001", "SUMMER25"))
                    .isInstanceOf(ConcurrentUpdateException.class);
        }
        ledger.mode = FlakyLedger.Mode.THROWS_BEFORE_WRITING;
        assertThatThrownBy(() -> fx.service.redeem(ALICE, "ALICEDE0001", codes.get(0))).hasMessage("ledger write failed");
        assertThatThrownBy(() -> fx.service.redeem(ALICE, "ALICEDE0001", "SUMMER25")).hasMessage("ledger write failed");

        assertThat(fx.stored(codes.get(0)).orElseThrow().used()).isFalse();
        assertThat(fx.vault.redemptions("SUMMER25")).isZero();
        assertThat(fx.entries(DE)).hasSize(2);

        ledger.mode = FlakyLedger.Mode.OK;
        assertThat(fx.service.redeem(ALICE, "ALICEDE0001", codes.get(0)).state()).isEqualTo(WarrantyState.EXTENDED);
        assertThat(fx.service.redeem(ALICE, "ALICEDE0001", "SUMMER25").coverages()).hasSize(4);
    }

    @Test
    void aWriteThatSucceededDespiteAnErrorCountsAsRedeemed() {
        ledger.mode = FlakyLedger.Mode.THROWS_AFTER_WRITING;
        WarrantyView view = fx.service.redeem(ALICE, "ALICEDE0001", codes.get(0));
        assertThat(view.coverages()).hasSize(3);
        assertThat(fx.stored(codes.get(0)).orElseThrow().used()).isTrue();
    }

    @Test
    void whenTheOutcomeIsUnknowableTheClaimIsKeptSoTheCodeCanNeverBeGrantedTwice() {
        ledger.mode = FlakyLedger.Mode.THROWS_AFTER_WRITING_THEN_UNREADABLE;
        assertThatThrownBy(() -> fx.service.redeem(ALICE, "ALICEDE0001", codes.get(1))).hasMessage("ledger went away");
        ledger.unreadable = false;
        ledger.mode = FlakyLedger.Mode.OK;
        assertThat(fx.stored(codes.get(1)).orElseThrow().use().orElseThrow().serial()).isEqualTo(DE.serial());
        assertThat(fx.entries(DE)).hasSize(3);
        CodeRejectedException again = catchThrowableOfType(CodeRejectedException.class,
                () -> fx.service.redeem(ALICE, "ALICEDE0001", codes.get(1)));
        assertThat(again.reason()).isEqualTo(CodeRejectedException.Reason.ALREADY_USED);
    }
}
