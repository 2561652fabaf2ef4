package org.warrantykit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;

/**
 * Signs certificates with Ed25519. The private key stays with the signer (in memory here, or behind
 * an HSM/KMS in an integrator's own implementation); verifiers need only {@link #publicKey()}.
 *
 * <p>Production: load the maker's key pair once and pass {@link #ed25519(KeyPair)} to
 * {@link WarrantyService.Builder#certificateSigner}; publish {@code
 * CertificateVerifier.of(publicKey).publicKeyText()} for verifiers. Implementations must be
 * thread-safe and must sign with Ed25519 ({@link CertificateVerifier} accepts nothing else).
 */
public interface CertificateSigner {

    /** @return the Ed25519 public key that verifies this signer's signatures, never null */
    PublicKey publicKey();

    /**
     * An Ed25519 signature (64 bytes) over {@code message}.
     *
     * @param message the bytes to sign (a certificate's canonical form)
     * @return the signature
     */
    byte[] sign(byte[] message);

    /**
     * Fingerprint of the public key, written into every certificate (first 8 bytes of SHA-256, hex).
     * An override must return the same value, or the service refuses the signer.
     *
     * @return 16 lower-case hex digits
     */
    default String keyId() {
        return CertificateVerifier.keyIdOf(publicKey());
    }

    /**
     * A signer over an Ed25519 key pair (e.g. from {@code KeyPairGenerator.getInstance("Ed25519")}
     * or a key store).
     *
     * @param keys the key pair; the private key stays in the returned signer
     * @return a thread-safe signer
     * @throws InvalidValueException when {@code keys} or its private key is null, or the keys are not
     *                               Ed25519 or do not belong together
     */
    static CertificateSigner ed25519(KeyPair keys) {
        return Ed25519CertificateSigner.of(keys);
    }

    /**
     * A signer with a freshly generated key, for demos and tests only: the private key lives only in
     * this object, so certificates cannot be verified once it is gone (e.g. after a restart). This is
     * what a service uses when no signer is configured.
     *
     * @return a signer with a new key pair
     * @throws IllegalStateException if the JVM has no Ed25519 (before Java 15)
     */
    static CertificateSigner generateForDemo() {
        try {
            return Ed25519CertificateSigner.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no Ed25519 (needs Java 15 or later)", e);
        }
    }
}
