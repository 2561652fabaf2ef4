package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.CodeFixture.TODAY;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.warrantykit.CodeRejectedException.Reason;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCodeAttemptLog;
import org.warrantykit.memory.InMemoryCodeVault;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CampaignReservation;
import org.warrantykit.spi.CodeAttemptLog;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeUse;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.StoredCode;

class RedemptionTest {
    // all online since 2026-01-01, installed 2023-05-02: standard 2023-05-02..2028-05-01, upgraded ..2033-05-01
    static final Device DE = device("ALICEDE0001").build();
    static final Device NL = device("ALICENL0001").region("NL").build();
    static final Device X3 = device("ALICEX30001").model("X3-HYBRID-G4").build();
    static final Device FRESH = device("ALICEFRESH1").build();
    static final Device OLD = device("ALICEOLD001").model("X1-BOOST").installed(LocalDate.of(2020, 6, 1)).build();
    static final Device BOBS = device("BOBDE000001").owner(BOB).build();
    static final List<Device> ALL = List.of(DE, NL, X3, FRESH, OLD, BOBS);

    /** A lockout high enough not to interfere; {@link #fiveFailuresOfAnyReasonLockTheAccountUntilTheWindowHasPassed} has its own. */
    final CodeFixture fx = new CodeFixture(ALL, new InMemoryCoverageLedger(), 1000);
    final WarrantyService service = fx.service;
    final CodeIssuer issuer = service.codeIssuer();
    final IssuedBatch batch = issuer.issueExtensionBatch("X1-HYBRID-G4", 5, 4, LocalDate.of(2027, 12, 31));
    final List<String> codes = batch.codes();

    RedemptionTest() {
        for (Device device : List.of(DE, NL, X3, BOBS)) {
            fx.upgrade(device);
        }
    }

    private CodeFixture.State state() {
        return fx.state(ALL, List.of(batch.batch().id()), List.of("SUMMER25", "GOODWILL", "LIMITED1"));
    }

    private CodeRejectedException rejected(AccountId account, Device device, String code) {
        CodeFixture.State before = state();
        CodeRejectedException e = catchThrowableOfType(CodeRejectedException.class,
                () -> service.redeem(account, device.serial().value(), code));
        assertThat(e).as("redeeming %s on %s", code, device.serial()).isNotNull();
        assertThat(state()).as("a rejection changes nothing").isEqualTo(before);
        return e;
    }

    private Campaign summer(int months) {
        return issuer.createCampaign(Campaign.of("SUMMER25", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31),
                100, months));
    }

    @Test
    void anExtensionCodeAddsItsYearsAfterTheCurrentEndAndNamesItsBatchNeverTheCode() {
        WarrantyView view = service.redeem(ALICE, "ALICEDE0001", codes.get(0));

        assertThat(view.state()).isEqualTo(WarrantyState.EXTENDED);
        assertThat(view.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION);
        Coverage extension = view.coverages().get(2);
        assertThat(extension.start()).isEqualTo(LocalDate.of(2033, 5, 2));
        assertThat(extension.end()).isEqualTo(LocalDate.of(2038, 5, 1));
        assertThat(extension.source()).isEqualTo(CoverageSource.batch(batch.batch().id()));
        assertThat(extension.source().toString()).doesNotContain(codes.get(0)).doesNotContain(codes.get(0).replace("-", ""));
        assertThat(view.trace().firedRules()).containsExactly(TestPolicy.EXTENSION_ACCEPTED);
        assertThat(fx.entries(DE).get(2).trace().firedRules()).containsExactly(TestPolicy.EXTENSION_ACCEPTED);
        assertThat(service.inquire("ALICEDE0001").end()).isEqualTo(LocalDate.of(2038, 5, 1));

        assertThat(fx.stored(codes.get(0)).orElseThrow().use()).contains(
                new CodeUse(DE.serial(), ALICE, Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(issuer.redeemed(batch.batch().id())).isEqualTo(1);
    }

    @Test
    void codesAreReadForgivinglyAboutCaseBlanksAndDashes() {
        String typed = "  " + codes.get(1).replace("-", "").toLowerCase(Locale.ROOT) + " ";
        assertThat(service.redeem(ALICE, "alicede0001", typed).end()).isEqualTo(LocalDate.of(2038, 5, 1));
        assertThat(service.redeem(ALICE, "ALICEDE0001", codes.get(2).replace('-', ' ')).end())
                .isEqualTo(LocalDate.of(2043, 5, 1));
    }

    @Test
    void aPromotionAddsItsMonthsOncePerDeviceAndCountsTowardItsLimit() {
        summer(6);
        WarrantyView view = service.redeem(ALICE, "ALICEDE0001", "summer25");

        Coverage promotion = view.coverages().get(view.coverages().size() - 1);
        assertThat(promotion.kind()).isEqualTo(CoverageKind.PROMOTION);
        assertThat(promotion.start()).isEqualTo(LocalDate.of(2033, 5, 2));
        assertThat(promotion.end()).isEqualTo(LocalDate.of(2033, 11, 1));
        assertThat(promotion.source()).isEqualTo(CoverageSource.promotion("SUMMER25"));
        assertThat(view.state()).isEqualTo(WarrantyState.EXTENDED);
        assertThat(view.trace().firedRules()).containsExactly(TestPolicy.SUMMER_ACCEPTED);
        assertThat(issuer.redemptions("Summer25")).isEqualTo(1);
        assertThat(fx.vault.campaignUse("SUMMER25", DE.serial())).isPresent();
    }

    @Test
    void aGoodwillCampaignGrantsTheMissedUpgradeThenItsMonths() {
        issuer.createCampaign(Campaign.missedUpgrade("GOODWILL", TODAY, TODAY.plusMonths(1), 10, 5));
        WarrantyView old = service.redeem(ALICE, "ALICEOLD001", "GOODWILL");
        assertThat(old.coverages()).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(old.coverages().get(1).start()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(old.coverages().get(1).end()).isEqualTo(LocalDate.of(2030, 5, 31));
        assertThat(old.coverages().get(1).source()).isEqualTo(CoverageSource.upgradeVia("GOODWILL"));
        assertThat(old.state()).isEqualTo(WarrantyState.UPGRADED);

        CodeFixture other = new CodeFixture(ALL);
        other.service.codeIssuer().createCampaign(Campaign.of("GOODWILL", TODAY, TODAY, 10, 3).withUpgrade(5));
        WarrantyView fresh = other.service.redeem(ALICE, "ALICEFRESH1", "GOODWILL");
        assertThat(fresh.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.PROMOTION);
        assertThat(fresh.end()).isEqualTo(LocalDate.of(2033, 8, 1));
        // the upgrade granted by the campaign is the device's upgrade: asking for it again does not stack
        assertThat(other.service.requestUpgrade(ALICE, "ALICEFRESH1").view().end()).isEqualTo(LocalDate.of(2033, 8, 1));
    }

    @Test
    void malformedCodesAreRefusedBeforeAnyLookUp() {
        String typo = codes.get(0).substring(0, 5) + (codes.get(0).charAt(5) == 'A' ? 'B' : 'A') + codes.get(0).substring(6);
        assertThat(rejected(ALICE, DE, typo).getMessage()).contains("typo");
        String swapped = codes.get(0).substring(0, 5) + codes.get(0).charAt(6) + codes.get(0).charAt(5)
                + codes.get(0).substring(7);
        if (!swapped.equals(codes.get(0))) {
            assertThat(rejected(ALICE, DE, swapped).reason()).isEqualTo(Reason.MALFORMED);
        }
        for (String bad : new String[] {"", "  ", "AB", "SUMMER-25!", "0000-0000-0000-0000", "SUMMER2025TOOLONG"}) {
            CodeRejectedException e = rejected(ALICE, DE, bad);
            assertThat(e.reason()).as(bad).isEqualTo(Reason.MALFORMED);
            assertThat(e.getMessage()).as(bad).isNotBlank();
        }
        assertThat(rejected(ALICE, DE, "O000-0000-0000-0000").getMessage()).contains("no 0, 1, I, L or O");
        assertThat(rejected(ALICE, DE, null).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void unknownCodesAndCampaignsAreRefusedAsUnknown() {
        String neverIssued = CodeFormat.generate(new SecureRandom());
        CodeRejectedException code = rejected(ALICE, DE, neverIssued);
        assertThat(code.reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(code.getMessage()).contains("No extension code like this was issued").doesNotContain(neverIssued);
        CodeRejectedException campaign = rejected(ALICE, DE, "winter99");
        assertThat(campaign.reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(campaign.getMessage()).contains("There is no promotion with code WINTER99");
    }

    @Test
    void aCodeIsUsedOnceAndAPromotionOncePerDeviceAndNeverBeyondItsLimit() {
        service.redeem(ALICE, "ALICEDE0001", codes.get(0));
        CodeRejectedException again = rejected(BOB, BOBS, codes.get(0));
        assertThat(again.reason()).isEqualTo(Reason.ALREADY_USED);
        assertThat(again.getMessage()).isEqualTo("This extension code was redeemed already, on 2026-11-27; "
                + "each code can be used once.");
        assertThat(rejected(ALICE, DE, codes.get(0)).reason()).isEqualTo(Reason.ALREADY_USED);

        summer(6);
        service.redeem(ALICE, "ALICEDE0001", "SUMMER25");
        CodeRejectedException twice = rejected(ALICE, DE, "SUMMER25");
        assertThat(twice.reason()).isEqualTo(Reason.ALREADY_USED);
        assertThat(twice.getMessage()).contains("redeemed for device ALICEDE0001 already").contains("once per device");

        issuer.createCampaign(Campaign.of("LIMITED1", TODAY, TODAY, 1, 1));
        service.redeem(BOB, "BOBDE000001", "LIMITED1");
        CodeRejectedException full = rejected(ALICE, DE, "LIMITED1");
        assertThat(full.reason()).isEqualTo(Reason.ALREADY_USED);
        assertThat(full.getMessage()).isEqualTo("Promotion LIMITED1 is fully redeemed: all 1 redemptions are taken.");
    }

    @Test
    void expiredCodesAndPromotionsOutsideTheirWindowAreRefusedAsExpired() {
        IssuedBatch lastDay = issuer.issueExtensionBatch("X1-HYBRID-G4", 5, 1, TODAY);
        issuer.createCampaign(Campaign.of("LIMITED1", TODAY.plusDays(2), TODAY.plusDays(3), 5, 1));
        CodeRejectedException early = rejected(ALICE, DE, "limited1");
        assertThat(early.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(early.getMessage()).isEqualTo("Promotion LIMITED1 can be redeemed from 2026-11-29 to 2026-11-30; "
                + "it has not started yet.");

        fx.clock.advance(Duration.ofDays(1));
        CodeFixture.State before = state();
        CodeRejectedException code = catchThrowableOfType(CodeRejectedException.class,
                () -> service.redeem(ALICE, "ALICEDE0001", lastDay.codes().get(0)));
        assertThat(code.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(code.getMessage()).isEqualTo("This extension code expired on 2026-11-27; it could be redeemed "
                + "until that day.");
        assertThat(state()).isEqualTo(before);
        assertThat(fx.stored(lastDay.codes().get(0)).orElseThrow().used()).isFalse();

        fx.clock.advance(Duration.ofDays(3));
        CodeRejectedException late = rejected(ALICE, NL, "LIMITED1");
        assertThat(late.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(late.getMessage()).isEqualTo("Promotion LIMITED1 ended on 2026-11-30.");
    }

    @Test
    void codesTheRulesRefuseAreNotApplicableAndTheMessageNamesTheRule() {
        CodeRejectedException model = rejected(ALICE, X3, codes.get(0));
        assertThat(model.reason()).isEqualTo(Reason.NOT_APPLICABLE);
        assertThat(model.getMessage()).startsWith("This extension code (batch " + batch.batch().id()
                + ", X1-HYBRID-G4) does not apply to device ALICEX30001: The code is for model X1-HYBRID-G4.")
                .endsWith("(rule \"" + TestPolicy.OTHER_MODEL + "\")");

        CodeRejectedException notUpgraded = rejected(ALICE, FRESH, codes.get(0));
        assertThat(notUpgraded.getMessage()).contains("(rule \"" + TestPolicy.EXTENSION_NOT_UPGRADED + "\")");

        CodeRejectedException ended = rejected(ALICE, OLD, codes.get(0));
        assertThat(ended.getMessage()).contains(TestPolicy.EXTENSION_NOT_UPGRADED + "; " + TestPolicy.ENDED);

        summer(6);
        CodeRejectedException region = rejected(ALICE, NL, "SUMMER25");
        assertThat(region.reason()).isEqualTo(Reason.NOT_APPLICABLE);
        assertThat(region.getMessage()).isEqualTo("Promotion SUMMER25 does not apply to device ALICENL0001: "
                + "SUMMER25 is for Germany. (rule \"" + TestPolicy.SUMMER_DE_ONLY + "\")");

        issuer.createCampaign(Campaign.of("NORULES1", TODAY, TODAY, 5, 1));
        assertThat(rejected(ALICE, DE, "NORULES1").getMessage()).contains("(rule \"no rule accepts NORULES1\")");
        assertThat(fx.stored(codes.get(0)).orElseThrow().used()).isFalse();
    }

    @Test
    void aCampaignWithOnlyTheUpgradeIsNotApplicableToAnUpgradedDevice() {
        issuer.createCampaign(Campaign.missedUpgrade("SUMMER25", TODAY, TODAY, 5, 5));
        CodeRejectedException e = rejected(ALICE, DE, "SUMMER25");
        assertThat(e.reason()).isEqualTo(Reason.NOT_APPLICABLE);
        assertThat(e.getMessage()).isEqualTo("Promotion SUMMER25 grants only the free online upgrade, and device "
                + "ALICEDE0001 has it already.");
    }

    @Test
    void onlyTheOwnerMayRedeemAndDeviceErrorsDoNotCountTowardTheLockout() {
        CodeFixture.State before = state();
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> service.redeem(BOB, "ALICEDE0001", codes.get(0)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not registered to this account");
        }
        assertThatThrownBy(() -> service.redeem(BOB, "NOSUCHDEVICE1", codes.get(0)))
                .isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> service.redeem(BOB, "bad", codes.get(0))).isInstanceOf(InvalidSerialNumberException.class);
        assertThat(state()).isEqualTo(before);
        assertThat(service.redeem(BOB, "BOBDE000001", codes.get(0)).state()).isEqualTo(WarrantyState.EXTENDED);
    }

    @Test
    void fiveFailuresOfAnyReasonLockTheAccountUntilTheWindowHasPassed() {
        CodeFixture fx = new CodeFixture(ALL);
        WarrantyService service = fx.service;
        List.of(DE, NL, X3, BOBS).forEach(fx::upgrade);
        List<String> codes = fx.service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY);
        fx.service.codeIssuer().createCampaign(Campaign.of("SUMMER25", TODAY, TODAY, 100, 6));
        BiFunction<Device, String, CodeRejectedException> rejectedBy = (device, code) -> {
            AccountId owner = device.owner().orElseThrow();
            CodeFixture.State before = fx.state(ALL, List.of(), List.of("SUMMER25"));
            CodeRejectedException e = catchThrowableOfType(CodeRejectedException.class,
                    () -> service.redeem(owner, device.serial().value(), code));
            assertThat(e).isNotNull();
            assertThat(fx.state(ALL, List.of(), List.of("SUMMER25"))).isEqualTo(before);
            return e;
        };
        Instant first = fx.clock.instant();
        List<Supplier<CodeRejectedException>> failures = List.of(
                () -> rejectedBy.apply(DE, "not a code"),                                // MALFORMED
                () -> rejectedBy.apply(DE, CodeFormat.generate(new SecureRandom())),     // UNKNOWN
                () -> rejectedBy.apply(NL, "SUMMER25"),                                  // NOT_APPLICABLE
                () -> rejectedBy.apply(X3, codes.get(0)),                                // NOT_APPLICABLE
                () -> rejectedBy.apply(DE, "WINTER99"));                                 // UNKNOWN
        for (Supplier<CodeRejectedException> failure : failures) {
            assertThat(failure.get().reason()).isNotEqualTo(Reason.LOCKED_OUT);
            fx.clock.advance(Duration.ofMinutes(1));
        }

        CodeRejectedException locked = rejectedBy.apply(DE, codes.get(0));
        assertThat(locked.reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(locked.retryAfter()).contains(first.plus(Duration.ofMinutes(15)));
        assertThat(locked.getMessage()).isEqualTo("Too many failed code attempts (5 within 15 minutes); codes can be "
                + "entered again from 2026-11-27T10:15:00Z.");
        assertThat(fx.stored(codes.get(0)).orElseThrow().used()).isFalse();
        assertThat(rejectedBy.apply(DE, "SUMMER25").reason()).isEqualTo(Reason.LOCKED_OUT);
        // another account is not affected
        assertThat(service.redeem(BOB, "BOBDE000001", "SUMMER25").state()).isEqualTo(WarrantyState.EXTENDED);

        fx.clock.advance(Duration.ofMinutes(9).plusSeconds(59)); // 10:14:59, the first failure still counts
        assertThat(rejectedBy.apply(DE, codes.get(0)).reason()).isEqualTo(Reason.LOCKED_OUT);
        fx.clock.advance(Duration.ofSeconds(1)); // 10:15:00
        assertThat(service.redeem(ALICE, "ALICEDE0001", codes.get(0)).state()).isEqualTo(WarrantyState.EXTENDED);

        // the window slides: four failures still count, so one more locks again until the second one is 15 minutes old
        assertThat(rejectedBy.apply(DE, "WINTER99").reason()).isEqualTo(Reason.UNKNOWN);
        CodeRejectedException again = rejectedBy.apply(DE, "SUMMER25");
        assertThat(again.reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(again.retryAfter()).contains(first.plus(Duration.ofMinutes(16)));
    }

    @Test
    void theLockoutIsConfigurable() {
        WarrantyService strict = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).codeLockout(2, Duration.ofMinutes(1)).build();
        assertThatThrownBy(() -> strict.redeem(ALICE, "ALICEDE0001", "X")).isInstanceOf(CodeRejectedException.class);
        assertThatThrownBy(() -> strict.redeem(ALICE, "ALICEDE0001", "Y")).isInstanceOf(CodeRejectedException.class);
        assertThat(catchThrowableOfType(CodeRejectedException.class, () -> strict.redeem(ALICE, "ALICEDE0001", "Z"))
                .reason()).isEqualTo(Reason.LOCKED_OUT);
        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(catchThrowableOfType(CodeRejectedException.class, () -> strict.redeem(ALICE, "ALICEDE0001", "Z"))
                .reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void instancesSharingAnAttemptLogShareTheLockoutAndOthersCountOnTheirOwn() {
        InMemoryCodeAttemptLog shared = new InMemoryCodeAttemptLog();
        Supplier<WarrantyService> instance = () -> InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).codeLockout(2, Duration.ofMinutes(15))
                .codeAttemptLog(shared).build();
        WarrantyService first = instance.get();
        WarrantyService second = instance.get();
        WarrantyService ownLog = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).codeLockout(2, Duration.ofMinutes(15)).build();

        assertThatThrownBy(() -> first.redeem(ALICE, "ALICEDE0001", "X")).isInstanceOf(CodeRejectedException.class);
        assertThatThrownBy(() -> second.redeem(ALICE, "ALICEDE0001", "Y")).isInstanceOf(CodeRejectedException.class);

        CodeRejectedException locked = catchThrowableOfType(CodeRejectedException.class,
                () -> first.redeem(ALICE, "ALICEDE0001", "Z"));
        assertThat(locked.reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(locked.getMessage()).isEqualTo("Too many failed code attempts (2 within 15 minutes); codes can be "
                + "entered again from 2026-11-27T10:15:00Z.");
        assertThat(catchThrowableOfType(CodeRejectedException.class, () -> second.redeem(ALICE, "ALICEDE0001", "Z"))
                .reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(catchThrowableOfType(CodeRejectedException.class, () -> ownLog.redeem(ALICE, "ALICEDE0001", "Z"))
                .reason()).as("a service with its own log has seen no failure").isEqualTo(Reason.MALFORMED);
        assertThat(shared.failuresAfter(ALICE, Instant.EPOCH)).as("LOCKED_OUT refusals are not counted")
                .hasSize(2);
        assertThat(shared.failuresAfter(BOB, Instant.EPOCH)).isEmpty();
    }

    @Test
    void anAttemptLogThatCannotBeReadRefusesNothingAndRedeemsNothing() {
        CodeAttemptLog unreadable = new CodeAttemptLog() {
            @Override
            public void recordFailure(AccountId account, Instant at, Instant forgetBefore) {
                throw new AssertionError("nothing was judged, so nothing may be recorded");
            }

            @Override
            public List<Instant> failuresAfter(AccountId account, Instant after) {
                throw new IllegalStateException("attempt log unavailable");
            }
        };
        WarrantyService down = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy()).devices(InMemoryDeviceRegistry.of(ALL))
                .clock(fx.clock).codeAttemptLog(unreadable).build();
        down.requestUpgrade(ALICE, "ALICEDE0001");
        String code = down.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY.plusYears(1)).get(0);

        assertThatThrownBy(() -> down.redeem(ALICE, "ALICEDE0001", code)).isInstanceOf(IllegalStateException.class)
                .hasMessage("attempt log unavailable");
        assertThat(down.inquire("ALICEDE0001").coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
    }

    @Test
    void anAttemptLogThatCannotRecordStillTellsTheOwnerWhyTheCodeWasRefused() {
        AtomicInteger tries = new AtomicInteger();
        CodeAttemptLog unwritable = new CodeAttemptLog() {
            @Override
            public void recordFailure(AccountId account, Instant at, Instant forgetBefore) {
                tries.incrementAndGet();
                throw new IllegalStateException("attempt log unavailable");
            }

            @Override
            public List<Instant> failuresAfter(AccountId account, Instant after) {
                return List.of();
            }
        };
        WarrantyService down = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy()).devices(InMemoryDeviceRegistry.of(ALL))
                .clock(fx.clock).codeLockout(1, Duration.ofMinutes(15)).codeAttemptLog(unwritable).build();

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(CodeRejectedException.class, () -> down.redeem(ALICE, "ALICEDE0001", "X"))
                    .reason()).as("attempt %d", i).isEqualTo(Reason.MALFORMED);
        }
        assertThat(tries).as("each failure was offered to the log").hasValue(3);
    }

    @Test
    void wrongDevicesAndMalformedSerialsCountTowardTheLockoutToo() {
        WarrantyService strict = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).codeLockout(3, Duration.ofMinutes(15)).build();
        strict.requestUpgrade(ALICE, "ALICEDE0001");
        List<String> codes = strict.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY.plusYears(1));
        // probing other people's devices and made-up serials is guessing too
        assertThatThrownBy(() -> strict.redeem(ALICE, "BOBDE000001", codes.get(0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> strict.redeem(ALICE, "NOSUCHDEVICE1", codes.get(0))).isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> strict.redeem(ALICE, "bad-serial", codes.get(0))).isInstanceOf(InvalidSerialNumberException.class);
        CodeRejectedException locked = catchThrowableOfType(CodeRejectedException.class,
                () -> strict.redeem(ALICE, "ALICEDE0001", codes.get(0)));
        assertThat(locked.reason()).isEqualTo(Reason.LOCKED_OUT);
        assertThat(strict.inquire("ALICEDE0001").coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThatThrownBy(() -> strict.redeem(null, "ALICEDE0001", codes.get(0))).isInstanceOf(InvalidValueException.class)
                .hasMessage("account: is required but was not given");
        fx.clock.advance(Duration.ofMinutes(15));
        assertThat(strict.redeem(ALICE, "ALICEDE0001", codes.get(0)).state()).isEqualTo(WarrantyState.EXTENDED);
    }

    @Test
    void theDefaultServiceIssuesAndRedeemsWithAGeneratedKey() {
        WarrantyService plain = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).build();
        plain.requestUpgrade(ALICE, "ALICEDE0001");
        List<String> issued = plain.codeIssuer().issueExtensionCodes("x1-hybrid-g4", 5, 1, TODAY.plusYears(1));
        assertThat(plain.redeem(ALICE, "ALICEDE0001", issued.get(0)).end()).isEqualTo(LocalDate.of(2038, 5, 1));
        // another service (another key) does not know the code
        assertThat(catchThrowableOfType(CodeRejectedException.class,
                () -> service.redeem(ALICE, "ALICEDE0001", issued.get(0))).reason()).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void aRuleSetWithoutCodeRulesRefusesEveryCode() {
        WarrantyService noRules = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy().withoutCodeRules())
                .devices(InMemoryDeviceRegistry.of(ALL)).clock(fx.clock).build();
        noRules.requestUpgrade(ALICE, "ALICEDE0001");
        List<String> issued = noRules.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY);
        CodeRejectedException e = catchThrowableOfType(CodeRejectedException.class,
                () -> noRules.redeem(ALICE, "ALICEDE0001", issued.get(0)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_APPLICABLE);
        assertThat(e.getMessage()).contains("This rule set has no code rules").contains("(rule \"no code rules\")");
    }

    @Test
    void aPersistentVaultNeedsAPepper() {
        CodeVault external = new ForwardingVault(new InMemoryCodeVault());
        var builder = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy()).devices(InMemoryDeviceRegistry.of(ALL))
                .codeVault(external);
        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("needs codePepper(...)");
        assertThat(builder.codePepper(CodeFixture.PEPPER).build()).isNotNull();
        assertThatThrownBy(() -> builder.codePepper(new byte[8])).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> builder.codeLockout(0, Duration.ofMinutes(1))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aLockoutWindowBeyondThirtyDaysIsRefusedAtBuildNotAtTheFirstCode() {
        // Unbounded, "now minus window" left the range of Instant and every redeem threw DateTimeException.
        assertThatThrownBy(() -> WarrantyService.builder().codeLockout(5, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("codeLockout needs at least 1 failure and a positive window of at most 30 days, was 5 "
                        + "within PT2562047788015215H30M7S");
        WarrantyService longest = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).codeLockout(5, WarrantyService.Builder.MAX_LOCKOUT_WINDOW).build();
        assertThatThrownBy(() -> longest.redeem(ALICE, "ALICEDE0001", "NOSUCHCODE"))
                .isInstanceOfSatisfying(CodeRejectedException.class,
                        e -> assertThat(e.reason()).isNotEqualTo(CodeRejectedException.Reason.LOCKED_OUT));
    }

    @Test
    void aVaultThatDiesWithTheServiceNeedsNoPepper() {
        CodeVault transientVault = new ForwardingVault(new InMemoryCodeVault(), false);
        assertThat(new InMemoryCodeVault().durable()).isFalse();
        assertThat(new ForwardingVault(new InMemoryCodeVault()).durable()).as("a vault that does not say otherwise").isTrue();
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(ALL)).codeVault(transientVault).build();
        assertThat(service).isNotNull();
    }

    @Test
    void theVaultHoldsKeyedHashesOnly() {
        String code = codes.get(0).replace("-", "");
        String hash = new CodeHasher(CodeFixture.PEPPER).hash(code);
        assertThat(hash).hasSize(64).doesNotContain(code.toLowerCase(Locale.ROOT));
        assertThat(fx.vault.code(hash)).isPresent();
        assertThat(new CodeHasher("another pepper of 32 bytes......".getBytes(StandardCharsets.UTF_8))
                .hash(code)).isNotEqualTo(hash);
        CodeBatch stored = fx.vault.batch(batch.batch().id()).orElseThrow();
        assertThat(stored.toString()).doesNotContain(code);
        assertThat(batch.toString()).doesNotContain(codes.get(0)).contains("4 codes");
    }

    /** A vault of another class than the in-memory one, as a database-backed vault would be. */
    /** A vault of another kind than the in-memory one; says it is durable unless told otherwise. */
    private record ForwardingVault(CodeVault inner, boolean durable) implements CodeVault {
        ForwardingVault(CodeVault inner) {
            this(inner, true);
        }

        public boolean addBatch(CodeBatch b, Collection<String> h) {
            return inner.addBatch(b, h);
        }

        public Optional<CodeBatch> batch(String id) {
            return inner.batch(id);
        }

        public Optional<StoredCode> code(String h) {
            return inner.code(h);
        }

        public boolean claim(String h, CodeUse u) {
            return inner.claim(h, u);
        }

        public boolean release(String h, CodeUse u) {
            return inner.release(h, u);
        }

        public int redeemed(String id) {
            return inner.redeemed(id);
        }

        public boolean addCampaign(Campaign c) {
            return inner.addCampaign(c);
        }

        public Optional<Campaign> campaign(String c) {
            return inner.campaign(c);
        }

        public Optional<CodeUse> campaignUse(String c, SerialNumber s) {
            return inner.campaignUse(c, s);
        }

        public int redemptions(String c) {
            return inner.redemptions(c);
        }

        public CampaignReservation reserve(String c, CodeUse u) {
            return inner.reserve(c, u);
        }

        public boolean unreserve(String c, CodeUse u) {
            return inner.unreserve(c, u);
        }
    }
}
