package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.Covered.LABOUR;
import static org.warrantykit.Covered.PARTS;
import static org.warrantykit.Covered.TRANSPORT;
import static org.warrantykit.PurchaseFixture.A1;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.warrantykit.spi.LedgerEntry;

/** What each coverage line covers (issue 17): scopes granted, frozen and shown; the claim check. */
class ScopeAndClaimTest {
    static final Set<Covered> WITH_TRANSPORT = Covered.scope(PARTS, LABOUR, TRANSPORT);

    @Nested
    class Values {
        @Test
        void aScopeHasAStoredFormAndWordsInDeclarationOrder() {
            Set<Covered> scope = Covered.scope(List.of(TRANSPORT, PARTS));
            assertThat(scope).containsExactly(PARTS, TRANSPORT);
            assertThat(Covered.format(scope)).isEqualTo("PARTS,TRANSPORT");
            assertThat(Covered.parse(" TRANSPORT, PARTS ")).isEqualTo(scope);
            assertThat(Covered.describe(Covered.scope(PARTS))).isEqualTo("parts only");
            assertThat(Covered.describe(Covered.scope(PARTS, LABOUR))).isEqualTo("parts and labour");
            assertThat(Covered.describe(WITH_TRANSPORT)).isEqualTo("parts, labour and transport");
            assertThat(List.of(Covered.values())).extracting(Covered::word).containsExactly("parts", "labour", "transport");
            for (int bits = 1; bits < 8; bits++) { // every non-empty scope reads back as written
                EnumSet<Covered> items = EnumSet.noneOf(Covered.class);
                for (Covered c : Covered.values()) {
                    if ((bits & (1 << c.ordinal())) != 0) {
                        items.add(c);
                    }
                }
                assertThat(Covered.parse(Covered.format(items))).isEqualTo(items);
            }
        }

        @Test
        void anEmptyOrUnknownScopeIsRefusedNamingTheValue() {
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> Covered.scope(List.of())))
                    .hasMessageContaining("covers at least one of [PARTS, LABOUR, TRANSPORT]");
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> Covered.parse("PARTS,SHIPPING")))
                    .hasMessageContaining("\"SHIPPING\" is not one of [PARTS, LABOUR, TRANSPORT]");
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> new Coverage(CoverageKind.STANDARD,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31), CoverageSource.standard(), Set.of())))
                    .hasMessageContaining("covers at least one");
        }

        @Test
        void linesGrantedBeforeScopesReadAsTheDefaultPolicyGrantedThem() {
            assertThat(Covered.grantedBeforeScopes(CoverageKind.STANDARD, "DE")).isEqualTo(WITH_TRANSPORT);
            assertThat(Covered.grantedBeforeScopes(CoverageKind.EXTENSION, "CH")).isEqualTo(WITH_TRANSPORT);
            assertThat(Covered.grantedBeforeScopes(CoverageKind.PROMOTION, "AU")).containsExactly(PARTS, LABOUR);
            assertThat(Covered.grantedBeforeScopes(CoverageKind.UPGRADE, "DE")).containsExactly(PARTS);
        }
    }

    @Nested
    class Granted {
        final PurchaseFixture f = new PurchaseFixture().upgradeAll();

        @Test
        void theStandardLineCoversWhatThePolicySaidAndTheUpgradeYearsPartsOnly() {
            List<Coverage> lines = f.service.inquire(A1).coverages();
            assertThat(lines).extracting(Coverage::kind).containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
            assertThat(lines.get(0).covers()).isEqualTo(WITH_TRANSPORT);
            assertThat(lines.get(1).covers()).containsExactly(PARTS);
        }

        @Test
        void aBoughtExtensionCoversWhatItsOfferSaidWhenTheOrderWasPlaced() {
            ExtensionOffer offer = f.service.offers(ALICE, A1).get(0);
            assertThat(offer.covers()).isEqualTo(WITH_TRANSPORT);
            Order order = f.service.purchase(ALICE, A1, offer.offerId(), "key-1");
            assertThat(order.lines().get(0).covers()).isEqualTo(WITH_TRANSPORT);
            f.service.confirmPayment(order.orderId(), "psp-1");
            assertThat(f.extensionsOf(A1, order)).singleElement().extracting(Coverage::covers).isEqualTo(WITH_TRANSPORT);
        }

        @Test
        void aLineGrantedBeforeScopesExistedReadsAsTheDefaultPolicysScopeForItsRegion() {
            // a ledger line as a store migrated from an earlier version returns it: scope not recorded
            SerialNumber sn = SerialNumber.parse(PurchaseFixture.PLAIN);
            Coverage standard = f.service.inquire(PurchaseFixture.PLAIN).coverages().get(0);
            LedgerEntry legacy = new LedgerEntry(standard.withCovers(Covered.grantedBeforeScopes(CoverageKind.STANDARD, "")),
                    new DecisionTrace("v0", List.of("old")), Instant.parse("2025-01-01T00:00:00Z"), false);
            Coverage upgrade = standard.followedBy(CoverageKind.UPGRADE, 5, CoverageSource.upgrade(), Covered.scope(PARTS));
            LedgerEntry legacyUpgrade = new LedgerEntry(upgrade, new DecisionTrace("v0", List.of("old")),
                    Instant.parse("2025-01-01T00:00:00Z"), false);
            assertThat(f.ledger.append(sn, 0, List.of(legacy, legacyUpgrade))).isTrue();

            List<Coverage> lines = f.service.inquire(PurchaseFixture.PLAIN).coverages();
            assertThat(lines.get(0).covers()).as("a German standard line: transport included").isEqualTo(WITH_TRANSPORT);
            assertThat(lines.get(1).covers()).containsExactly(PARTS);
            assertThat(lines.get(0).start()).isEqualTo(standard.start());
        }
    }

    @Nested
    class Claims {
        final PurchaseFixture f = new PurchaseFixture().upgradeAll();

        @Test
        void aFailureInTheStandardYearsIsCoveredForPartsLabourAndTransport() {
            ClaimCheck check = f.service.claimCheck(A1, LocalDate.of(2026, 6, 1));
            assertThat(check.covered()).isTrue();
            assertThat(check.coverage()).map(Coverage::kind).contains(CoverageKind.STANDARD);
            assertThat(check.covers()).isEqualTo(WITH_TRANSPORT);
            assertThat(check.reason()).isEqualTo("Covered on 2026-06-01 by the standard term (standard warranty, "
                    + "2023-05-02 to 2028-05-01): parts, labour and transport.");
        }

        @Test
        void aFailureInTheUpgradeYearsIsCoveredForPartsOnly() {
            f.clock.set(Instant.parse("2030-01-01T00:00:00Z"));
            Object before = f.everything();
            ClaimCheck check = f.service.claimCheck(A1, LocalDate.of(2029, 6, 1));
            assertThat(check.covered()).isTrue();
            assertThat(check.coverage()).map(Coverage::kind).contains(CoverageKind.UPGRADE);
            assertThat(check.covers()).containsExactly(PARTS);
            assertThat(check.reason()).isEqualTo("Covered on 2029-06-01 by the upgrade term (online upgrade, "
                    + "2028-05-02 to 2033-05-01): parts only; labour and transport are not covered.");
            assertThat(f.everything()).as("a claim check only reads").isEqualTo(before);
        }

        @Test
        void aFailureBeforeTheStartOrAfterTheEndIsNotCoveredAndSaysWhy() {
            ClaimCheck early = f.service.claimCheck(A1, LocalDate.of(2023, 5, 1));
            assertThat(early.covered()).isFalse();
            assertThat(early.coverage()).isEmpty();
            assertThat(early.covers()).isEmpty();
            assertThat(early.reason()).isEqualTo("Not covered: the warranty had not started on 2023-05-01 (it starts 2023-05-02).");

            f.clock.set(Instant.parse("2034-01-01T00:00:00Z"));
            ClaimCheck late = f.service.claimCheck(A1, LocalDate.of(2033, 5, 2));
            assertThat(late.covered()).isFalse();
            assertThat(late.reason()).isEqualTo("Not covered: the warranty ended on 2033-05-01, before the failure on 2033-05-02.");
            assertThat(f.service.claimCheck(A1, LocalDate.of(2033, 5, 1)).covered()).as("the last day is covered").isTrue();
        }

        @Test
        void badInputIsATypedErrorAndChangesNothing() {
            Object before = f.everything();
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> f.service.claimCheck(A1, LocalDate.of(2026, 11, 28))))
                    .hasMessageContaining("2026-11-28 is after today, 2026-11-27");
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> f.service.claimCheck(A1, null)))
                    .hasMessageContaining("failureDay");
            assertThat(catchThrowableOfType(UnknownDeviceException.class, () -> f.service.claimCheck("NOSUCHDEVICE1", LocalDate.of(2026, 1, 1))))
                    .hasMessageContaining("NOSUCHDEVICE1");
            assertThat(catchThrowableOfType(InvalidSerialNumberException.class, () -> f.service.claimCheck("x!", LocalDate.of(2026, 1, 1))))
                    .isNotNull();
            assertThat(f.everything()).isEqualTo(before);
        }

        @Test
        void aClaimCheckWhosePartsDisagreeIsRefused() {
            Coverage line = f.service.inquire(A1).coverages().get(1);
            assertThat(catchThrowableOfType(InvalidValueException.class, () -> new ClaimCheck(SerialNumber.parse(A1),
                    LocalDate.of(2020, 1, 1), true, Optional.of(line), line.covers(), "x")))
                    .hasMessageContaining("does not cover 2020-01-01");
        }
    }

    @Nested
    class Certificates {
        final CertificateSigner signer = CertificateSigner.generateForDemo();
        final CertificateVerifier verifier = CertificateVerifier.of(signer.publicKey());
        final List<Coverage> lines = List.of(new Coverage(CoverageKind.STANDARD, LocalDate.of(2024, 5, 2),
                LocalDate.of(2029, 5, 1), "standard warranty", "PARTS,LABOUR,TRANSPORT"), new Coverage(CoverageKind.UPGRADE,
                LocalDate.of(2029, 5, 2), LocalDate.of(2034, 5, 1), "online upgrade", "PARTS"));

        @Test
        void aCertificateSignsEachLinesScopeSoChangingItBreaksTheSignature() {
            Certificate issued = Certificate.issue("WK-20261127-7K3QD-M2X9" + CertificateNumbers.checkSymbol("202611277K3QDM2X9"),
                    SerialNumber.parse(A1), "X1-HYBRID-G4", ALICE, lines, Instant.parse("2026-11-27T10:00:00Z"), "v1", signer);
            assertThat(verifier.verify(issued)).isTrue();
            assertThat(Certificate.fromCompactText(issued.toCompactText()).coverages()).isEqualTo(lines);
            List<Coverage> widened = List.of(lines.get(0), lines.get(1).withCovers(WITH_TRANSPORT));
            Certificate forged = new Certificate(issued.number(), issued.serial(), issued.model(), issued.owner(), widened,
                    issued.issuedAt(), issued.ruleSetVersion(), issued.keyId(), issued.signature());
            assertThat(verifier.verify(forged)).isFalse();
        }

        @Test
        void aCertificateIssuedBeforeScopesExistedStillVerifies() {
            Certificate template = new Certificate("WK-20261127-7K3QD-M2X9" + CertificateNumbers.checkSymbol("202611277K3QDM2X9"),
                    SerialNumber.parse(A1), "X1-HYBRID-G4", ALICE, lines, Instant.parse("2026-11-27T10:00:00Z"), "v1",
                    signer.keyId(), "c2ln");
            byte[] v1Form = template.canonicalFormBeforeScopes();
            assertThat(new String(v1Form, StandardCharsets.UTF_8)).startsWith("27:warranty-kit/certificate/v1,")
                    .doesNotContain("PARTS");
            byte[] signature = signer.sign(v1Form);
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String v1Text = "WKC1." + url.encodeToString(v1Form) + "." + url.encodeToString(signature);

            Certificate read = Certificate.fromCompactText(v1Text);
            assertThat(verifier.verify(read)).isTrue();
            assertThat(read.coverages()).extracting(Coverage::covers)
                    .containsExactly(Covered.scope(PARTS, LABOUR), Covered.scope(PARTS));
        }
    }
}
