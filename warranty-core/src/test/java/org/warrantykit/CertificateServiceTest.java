package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.BOB;
import static org.warrantykit.fixtures.Fixtures.device;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCertificateStore;
import org.warrantykit.memory.InMemoryCoverageLedger;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.memory.InMemoryUpgradeRequestStore;
import org.warrantykit.spi.CertificateStore;
import org.warrantykit.spi.LedgerEntry;

class CertificateServiceTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");

    /** When the online X1-HYBRID-G4 inverters of these tests were installed. */
    static final LocalDate INSTALLED = LocalDate.of(2024, 5, 2);

    static final Device UPGRADED = device("CERTUPGRADED01").installed(INSTALLED).build();
    static final Device EXTENDED = device("CERTEXTENDED01").installed(INSTALLED).build();
    static final Device STANDARD = device("CERTSTANDARD01").installed(INSTALLED).build();
    static final Device BOBS = device("CERTBOBS000001").installed(INSTALLED).owner(BOB).build();
    static final Device NO_OWNER = device("CERTNOOWNER001").installed(INSTALLED).unowned().build();
    static final Device OFFLINE = device("CERTOFFLINE001").model("X1-BOOST").installed(LocalDate.of(2025, 3, 1)).offline()
            .build();
    static final Device BATTERY = device("CERTBATTERY001").model("BAT-10").category(Category.BATTERY).region("NL")
            .produced(LocalDate.of(2024, 2, 29)).neverInstalled().build();

    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final InMemoryUpgradeRequestStore requests = new InMemoryUpgradeRequestStore();
    final InMemoryCertificateStore store = new InMemoryCertificateStore();
    final WarrantyService service = service(InMemoryStores.configure(WarrantyService.builder()).certificateStore(store));

    WarrantyService service(WarrantyService.Builder builder) {
        return builder.rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(List.of(UPGRADED, EXTENDED, STANDARD, BOBS, NO_OWNER, OFFLINE, BATTERY)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .ledger(ledger).upgradeRequests(requests)
                .build();
    }

    /** Upgrades the device, then appends an extension and a promotion straight to the ledger. */
    void extend(Device device) {
        service.requestUpgrade(device.owner().orElseThrow(), device.serial().value());
        List<LedgerEntry> entries = ledger.entries(device.serial());
        Coverage last = entries.get(entries.size() - 1).coverage();
        Coverage extension = last.followedBy(CoverageKind.EXTENSION, 5, CoverageSource.parse("extension batch B-2026-07 (offline sale)"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        Coverage promotion = extension.followedByMonths(CoverageKind.PROMOTION, 6, CoverageSource.parse("campaign SUMMER-26: goodwill"), Covered.scope(Covered.PARTS, Covered.LABOUR));
        DecisionTrace trace = new DecisionTrace(TestPolicy.VERSION, List.of("fake"));
        assertThat(ledger.append(device.serial(), entries.size(), List.of(
                new LedgerEntry(extension, trace, NOW), new LedgerEntry(promotion, trace, NOW)))).isTrue();
    }

    @Test
    void ownerOfAnUpgradedDeviceGetsASignedCertificateOfItsWarranty() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");

        Certificate certificate = service.certificate(ALICE, " certupgraded01 ");

        WarrantyView view = service.inquire("CERTUPGRADED01");
        assertThat(Certificate.isWellFormedNumber(certificate.number())).isTrue();
        assertThat(certificate.number()).startsWith("WK-20261127-");
        assertThat(certificate.serial()).isEqualTo(UPGRADED.serial());
        assertThat(certificate.model()).isEqualTo("X1-HYBRID-G4");
        assertThat(certificate.owner()).isEqualTo(ALICE);
        assertThat(certificate.coverages()).isEqualTo(view.coverages());
        assertThat(certificate.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.UPGRADE);
        assertThat(certificate.validFrom()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(certificate.validUntil()).isEqualTo(LocalDate.of(2034, 5, 1));
        assertThat(certificate.issuedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(certificate.ruleSetVersion()).isEqualTo(TestPolicy.VERSION);
        assertThat(certificate.keyId()).isEqualTo(service.certificateVerifier().keyId()).hasSize(16);
        assertThat(service.certificateVerifier().verify(certificate)).isTrue();
        assertThat(store.find(certificate.number())).contains(certificate);
    }

    @Test
    void extendedDeviceCertificateListsEveryGrantInOrderWithItsSource() {
        extend(EXTENDED);

        Certificate certificate = service.certificate(ALICE, "CERTEXTENDED01");

        assertThat(certificate.coverages()).extracting(Coverage::kind).containsExactly(
                CoverageKind.STANDARD, CoverageKind.UPGRADE, CoverageKind.EXTENSION, CoverageKind.PROMOTION);
        assertThat(certificate.coverages()).extracting(c -> c.source().toString()).containsExactly("standard warranty",
                "online upgrade", "extension batch B-2026-07 (offline sale)", "campaign SUMMER-26: goodwill");
        assertThat(certificate.validUntil()).isEqualTo(LocalDate.of(2039, 11, 1));
        assertThat(service.certificateVerifier().check(certificate).valid()).isTrue();
    }

    @Test
    void everyCallIssuesANewNumberAndTheStoreKeepsThemAll() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        Certificate first = service.certificate(ALICE, "CERTUPGRADED01");
        Certificate second = service.certificate(ALICE, "CERTUPGRADED01");

        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(store.issuedFor(UPGRADED.serial())).containsExactly(first, second);
    }

    @Test
    void certificatesOfTwoDevicesNeverShareANumberOverTenThousandIssued() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        extend(EXTENDED);
        Set<String> numbers = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 10_000).parallel().forEach(i -> numbers.add(
                service.certificate(ALICE, i % 2 == 0 ? "CERTUPGRADED01" : "CERTEXTENDED01").number()));

        assertThat(numbers).hasSize(10_000).allMatch(Certificate::isWellFormedNumber);
        assertThat(store.size()).isEqualTo(10_000);
        assertThat(store.issuedFor(UPGRADED.serial())).hasSize(5_000);
        assertThat(store.issuedFor(EXTENDED.serial())).hasSize(5_000);
    }

    @Test
    void aTakenNumberIsNeverReusedAnotherOneIsDrawn() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        AtomicInteger refusals = new AtomicInteger();
        CertificateStore crowded = new CertificateStore() {
            @Override
            public boolean add(Certificate certificate) {
                return refusals.incrementAndGet() > 3 && store.add(certificate);
            }

            @Override
            public Optional<Certificate> find(String number) {
                return store.find(number);
            }

            @Override
            public List<Certificate> issuedFor(SerialNumber serial) {
                return store.issuedFor(serial);
            }
        };
        WarrantyService withCrowdedStore = service(InMemoryStores.configure(WarrantyService.builder()).certificateStore(crowded));

        Certificate certificate = withCrowdedStore.certificate(ALICE, "CERTUPGRADED01");

        assertThat(refusals).hasValue(4);
        assertThat(store.issuedFor(UPGRADED.serial())).containsExactly(certificate);

        WarrantyService full = service(InMemoryStores.configure(WarrantyService.builder()).certificateStore(new CertificateStore() {
            @Override
            public boolean add(Certificate c) {
                return false;
            }

            @Override
            public Optional<Certificate> find(String number) {
                return Optional.empty();
            }

            @Override
            public List<Certificate> issuedFor(SerialNumber serial) {
                return List.of();
            }
        }));
        assertThatThrownBy(() -> full.certificate(ALICE, "CERTUPGRADED01"))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("no unused certificate number found for device CERTUPGRADED01 after 8 draws; try again");
    }

    @Test
    void onlyTheOwnerGetsACertificate() {
        service.requestUpgrade(BOB, "CERTBOBS000001");

        assertThatThrownBy(() -> service.certificate(ALICE, "CERTBOBS000001"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Account alice may not act on device CERTBOBS000001: it is not registered to this account");
        assertThatThrownBy(() -> service.certificate(ALICE, "CERTNOOWNER001"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Account alice may not act on device CERTNOOWNER001: it is not registered to this account");
        assertThat(service.certificate(BOB, "CERTBOBS000001").owner()).isEqualTo(BOB);
    }

    @Test
    void aDeviceWithOnlyItsStandardWarrantyGetsATypedErrorSayingWhatToDo() {
        assertThatThrownBy(() -> service.certificate(ALICE, "CERTSTANDARD01"))
                .isInstanceOfSatisfying(CertificateUnavailableException.class,
                        e -> assertThat(e.serial()).isEqualTo(STANDARD.serial()))
                .isInstanceOf(WarrantyException.class)
                .hasMessage("No warranty certificate for device CERTSTANDARD01: its warranty is the standard one "
                        + "(2024-05-02 to 2029-05-01); certificates are issued for upgraded or extended warranties. "
                        + "Request the online warranty upgrade first (Service > Online warranty).");
    }

    @Test
    void aPendingUpgradeIsExplainedAndTheCertificateFollowsOnceItApplies() {
        assertThat(service.requestUpgrade(ALICE, "CERTOFFLINE001").status()).isEqualTo(UpgradeStatus.PENDING_ONLINE);

        assertThatThrownBy(() -> service.certificate(ALICE, "CERTOFFLINE001"))
                .isInstanceOf(CertificateUnavailableException.class)
                .hasMessageContaining("The upgrade you requested is applied as soon as the device is online");

        service.deviceOnline("CERTOFFLINE001", NOW);
        assertThat(service.certificate(ALICE, "CERTOFFLINE001").coverages()).hasSize(2);
    }

    @Test
    void aDeviceThatCannotBeUpgradedIsToldWhy() {
        assertThatThrownBy(() -> service.certificate(ALICE, "CERTBATTERY001"))
                .isInstanceOf(CertificateUnavailableException.class)
                .hasMessageEndingWith("This device cannot be upgraded: Model BAT-10 has no online warranty upgrade.");
    }

    @Test
    void failedCallsChangeNothing() {
        service.requestUpgrade(BOB, "CERTBOBS000001");
        service.requestUpgrade(ALICE, "CERTOFFLINE001");
        List<String> serials = List.of("CERTBOBS000001", "CERTNOOWNER001", "CERTSTANDARD01", "CERTOFFLINE001",
                "CERTBATTERY001");
        List<WarrantyView> viewsBefore = serials.stream().map(service::inquire).toList();
        List<List<LedgerEntry>> ledgerBefore = serials.stream().map(s -> ledger.entries(SerialNumber.parse(s))).toList();

        for (String serial : serials) {
            assertThatThrownBy(() -> service.certificate(ALICE, serial)).isInstanceOf(WarrantyException.class);
        }
        assertThatThrownBy(() -> service.certificate(ALICE, "NOSUCHDEVICE01")).isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> service.certificate(ALICE, "bad serial")).isInstanceOf(InvalidSerialNumberException.class);

        assertThat(store.size()).isZero();
        assertThat(serials.stream().map(service::inquire).toList()).isEqualTo(viewsBefore);
        assertThat(serials.stream().map(s -> ledger.entries(SerialNumber.parse(s))).toList()).isEqualTo(ledgerBefore);
        assertThat(requests.pending(OFFLINE.serial())).isPresent();
    }

    @Test
    void aKeyOrCertificateTextThatCannotBeReadIsRefusedInPlainWordsWithTheDetailInTheCause() throws Exception {
        String rsa = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> CertificateVerifier.fromPublicKeyText(rsa)).isInstanceOf(InvalidValueException.class)
                .hasMessage("publicKey: the published key is not an Ed25519 public key; certificates are signed with "
                        + "Ed25519, so an RSA or EC key cannot check them")
                .hasCauseInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> CertificateVerifier.fromPublicKeyText("not*base64")).isInstanceOf(InvalidValueException.class)
                .hasMessage("publicKey: the published key is not base64 text; give the key as publicKeyText() prints "
                        + "it, or its PEM block");

        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        String text = service.certificate(ALICE, "CERTUPGRADED01").toCompactText();
        String garbled = text.substring(0, text.indexOf('.') + 1) + "*".repeat(10_000) + text.substring(text.lastIndexOf('.'));
        assertThat(service.certificateVerifier().check(garbled).reason())
                .isEqualTo("certificate text: is damaged or not a certificate code: a part of it is not readable");
    }

    @Test
    void aVerifierHoldingOnlyThePublishedPublicKeyTellsGenuineFromForeign() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        Certificate genuine = service.certificate(ALICE, "CERTUPGRADED01");
        CertificateVerifier offline = CertificateVerifier.fromPublicKeyText(service.certificateVerifier().publicKeyText());

        assertThat(offline.verify(genuine)).isTrue();

        // Another service instance has its own demo key: a certificate it signs is not ours.
        WarrantyService other = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(List.of(UPGRADED))).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        other.requestUpgrade(ALICE, "CERTUPGRADED01");
        Certificate foreign = other.certificate(ALICE, "CERTUPGRADED01");
        assertThat(other.certificateVerifier().verify(foreign)).isTrue();
        CertificateVerifier.Result result = offline.check(foreign);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("names signing key " + foreign.keyId(), "not this verifier's key");

        // Re-labelled with our key id, the foreign signature still does not match our key.
        Certificate relabelled = new Certificate(foreign.number(), foreign.serial(), foreign.model(), foreign.owner(),
                foreign.coverages(), foreign.issuedAt(), foreign.ruleSetVersion(), offline.keyId(), foreign.signature());
        assertThat(offline.check(relabelled).reason()).endsWith("does not match its signature: it was altered or forged");
    }

    @Test
    void aConfiguredKeyPairSignsAndItsPublicKeyAloneVerifies() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        WarrantyService production = service(InMemoryStores.configure(WarrantyService.builder()).certificateStore(store).certificateSigner(CertificateSigner.ed25519(keys)));
        production.requestUpgrade(ALICE, "CERTUPGRADED01");

        Certificate certificate = production.certificate(ALICE, "CERTUPGRADED01");

        assertThat(CertificateVerifier.of(keys.getPublic()).verify(certificate)).isTrue();
        assertThat(certificate.keyId()).isEqualTo(CertificateVerifier.of(keys.getPublic()).keyId());
        assertThat(CertificateVerifier.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic())
                .verify(certificate)).isFalse();
    }

    @Test
    void compactTextCarriesTheWholeCertificateAndADamagedTextIsRejected() {
        service.requestUpgrade(ALICE, "CERTUPGRADED01");
        Certificate certificate = service.certificate(ALICE, "CERTUPGRADED01");
        String text = certificate.toCompactText();

        assertThat(text).startsWith("WKC2.").doesNotContainAnyWhitespaces();
        assertThat(Certificate.fromCompactText(text)).isEqualTo(certificate);
        assertThat(service.certificateVerifier().check(text).valid()).isTrue();

        int middle = text.length() / 2;
        String damaged = text.substring(0, middle) + (text.charAt(middle) == 'A' ? 'B' : 'A') + text.substring(middle + 1);
        assertThat(service.certificateVerifier().check(damaged).valid()).isFalse();
        assertThat(service.certificateVerifier().check("hello").reason())
                .contains("does not look like a certificate code");
    }

    @Test
    void signingKeysAreCheckedWhenConfigured() throws Exception {
        KeyPair one = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair two = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> CertificateSigner.ed25519(new KeyPair(one.getPublic(), two.getPrivate())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("do not belong together");
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> CertificateSigner.ed25519(rsa))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must be Ed25519");
        assertThatThrownBy(() -> CertificateVerifier.of(rsa.getPublic()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Ed25519 public key");

        CertificateSigner rsaSigner = new CertificateSigner() {
            @Override
            public PublicKey publicKey() {
                return rsa.getPublic();
            }

            @Override
            public byte[] sign(byte[] message) {
                throw new AssertionError("never called");
            }
        };
        assertThatThrownBy(() -> service(InMemoryStores.configure(WarrantyService.builder()).certificateSigner(rsaSigner)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must sign with Ed25519");

        CertificateSigner mismatched = new CertificateSigner() {
            final CertificateSigner other = CertificateSigner.ed25519(two);

            @Override
            public PublicKey publicKey() {
                return one.getPublic();
            }

            @Override
            public byte[] sign(byte[] message) {
                return other.sign(message);
            }
        };
        WarrantyService misconfigured = service(InMemoryStores.configure(WarrantyService.builder()).certificateStore(store).certificateSigner(mismatched));
        misconfigured.requestUpgrade(ALICE, "CERTUPGRADED01");
        assertThatThrownBy(() -> misconfigured.certificate(ALICE, "CERTUPGRADED01"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not verify with its own public key");
        assertThat(store.size()).isZero();
    }
}
