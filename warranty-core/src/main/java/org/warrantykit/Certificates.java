package org.warrantykit;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.DeviceWarranties.Snapshot;
import org.warrantykit.spi.CertificateStore;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * Warranty certificates: issued to the owner of an upgraded or extended device, numbered uniquely
 * (the store refuses a number twice), signed with the service's {@link CertificateSigner}.
 */
final class Certificates {
    private static final Logger LOG = LoggerFactory.getLogger(Certificates.class);
    /** Attempts to draw an unused number; with 45 random bits a second one is already rare. */
    static final int MAX_NUMBER_DRAWS = 8;

    private final DeviceWarranties warranties;
    private final UpgradeRequestStore requests;
    private final CertificateStore store;
    private final boolean demoKey;
    private final AtomicBoolean demoKeyWarned = new AtomicBoolean();
    private final AtomicBoolean signerChecked = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();
    /** Signer and its verifier; for the demo key created on first use, so services that never issue skip key generation. */
    private volatile Keys keys;

    private record Keys(CertificateSigner signer, CertificateVerifier verifier) {
        static Keys of(CertificateSigner signer) {
            try {
                CertificateVerifier verifier = CertificateVerifier.of(signer.publicKey());
                if (!verifier.keyId().equals(signer.keyId())) {
                    throw new ConfigurationException("certificateSigner(...) reports key id " + signer.keyId()
                            + " but its public key has id " + verifier.keyId());
                }
                return new Keys(signer, verifier);
            } catch (InvalidValueException e) {
                throw new ConfigurationException("certificateSigner(...) must sign with Ed25519: " + e.getMessage());
            }
        }
    }

    /** @param signer the configured signer, or null for a per-instance demo key */
    Certificates(DeviceWarranties warranties, UpgradeRequestStore requests, CertificateStore store,
                 CertificateSigner signer) {
        this.warranties = warranties;
        this.requests = requests;
        this.store = store;
        this.demoKey = signer == null;
        this.keys = demoKey ? null : Keys.of(signer);
    }

    CertificateVerifier verifier() {
        return keys().verifier();
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            synchronized (this) {
                current = keys;
                if (current == null) {
                    current = Keys.of(CertificateSigner.generateForDemo());
                    keys = current;
                }
            }
        }
        return current;
    }

    Certificate issue(AccountId account, String serial) {
        Device device = warranties.ownedDevice(account, serial);
        WarrantyRules policy = warranties.rules();
        LocalDate today = warranties.today();
        Snapshot now = warranties.snapshot(device, policy, today);
        if (!now.view().actions().contains(Action.DOWNLOAD_CERTIFICATE)) {
            throw new CertificateUnavailableException(device.serial(), whyUnavailable(now));
        }
        Instant issuedAt = warranties.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate issuedOn = warranties.dayOf(issuedAt);
        AccountId owner = device.owner().orElseThrow();
        Keys keys = keys();
        CertificateSigner signer = keys.signer();
        for (int i = 0; i < MAX_NUMBER_DRAWS; i++) {
            Certificate certificate = Certificate.issue(CertificateNumbers.next(issuedOn, random), device.serial(),
                    device.model(), owner, now.view().coverages(), issuedAt, now.decision().trace().ruleSetVersion(),
                    signer);
            // The first signature of this service is checked against the public key, so a signer whose
            // private and public key do not belong together fails loudly instead of issuing unverifiable
            // certificates. (Once is enough: the signer does not change, and a verification is not free.)
            if (!signerChecked.get() && !keys.verifier().verify(certificate)) {
                throw new ConfigurationException("the certificate signer's signature does not verify with its own "
                        + "public key (key " + signer.keyId() + "); check the configured key pair");
            }
            signerChecked.set(true);
            if (store.add(certificate)) {
                if (demoKey && demoKeyWarned.compareAndSet(false, true)) {
                    LOG.warn("certificates are signed with a key generated for this service instance (demo only): "
                            + "configure certificateSigner(...) with the maker's key in production");
                }
                LOG.info("certificate {} issued for device {} to {} (key {})", certificate.number(), device.serial(),
                        owner, certificate.keyId());
                return certificate;
            }
        }
        throw new ConcurrentUpdateException("no unused certificate number found for device " + device.serial()
                + " after " + MAX_NUMBER_DRAWS + " draws; try again");
    }

    private String whyUnavailable(Snapshot now) {
        WarrantyView view = now.view();
        String standardOnly = "its warranty is the standard one (" + view.start() + " to " + view.end()
                + "); certificates are issued for upgraded or extended warranties. ";
        if (requests.pending(view.serial()).isPresent()) {
            return standardOnly + "The upgrade you requested is applied as soon as the device is online (sends data); "
                    + "download the certificate then.";
        }
        if (now.decision().upgrade().eligible()) {
            return standardOnly + "Request the online warranty upgrade first (Service > Online warranty).";
        }
        return standardOnly + "This device cannot be upgraded: " + now.decision().upgrade().reason();
    }
}
