package org.warrantykit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Objects;

/** {@link CertificateSigner} over an in-memory Ed25519 key pair (JDK provider, no extra dependency). */
final class Ed25519CertificateSigner implements CertificateSigner {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private Ed25519CertificateSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = CertificateVerifier.keyIdOf(publicKey);
    }

    static Ed25519CertificateSigner of(KeyPair keys) {
        InvalidValueException.require("keys", keys);
        PrivateKey privateKey = InvalidValueException.require("keys.private", keys.getPrivate());
        if (!(privateKey instanceof EdECPrivateKey edPrivate) || !"Ed25519".equalsIgnoreCase(edPrivate.getParams().getName())) {
            throw new InvalidValueException("keyPair", "the private key must be Ed25519, was " + privateKey.getAlgorithm());
        }
        CertificateVerifier verifier = CertificateVerifier.of(keys.getPublic());
        Ed25519CertificateSigner signer = new Ed25519CertificateSigner(privateKey, keys.getPublic());
        byte[] probe = "warranty-kit key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!verifier.verifies(probe, signer.sign(probe))) {
            throw new InvalidValueException("keyPair", "the private and public key do not belong together");
        }
        return signer;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519 certificate signer (key " + keyId + ")";
    }
}
