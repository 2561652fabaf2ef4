package org.warrantykit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tells genuine certificates from forged or altered ones, offline, with only the maker's Ed25519
 * public key. Immutable and thread-safe.
 *
 * <pre>{@code
 * CertificateVerifier verifier = CertificateVerifier.fromPublicKeyText("MCowBQYDK2VwAyEA...");
 * boolean genuine = verifier.verify(certificate);
 * CertificateVerifier.Result result = verifier.check(compactText); // from Certificate.toCompactText()
 * }</pre>
 */
public final class CertificateVerifier {
    private final PublicKey publicKey;
    private final String keyId;

    private CertificateVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
    }

    /**
     * The outcome of a check: whether the certificate is genuine and, when not, why.
     *
     * @param valid  whether the certificate is genuine
     * @param reason a sentence saying why it is genuine or why it was rejected
     */
    public record Result(boolean valid, String reason) {
        /**
         * @param valid  whether the certificate is genuine
         * @param reason why
         * @throws InvalidValueException if {@code reason} is null
         */
        public Result {
            InvalidValueException.require("reason", reason);
        }

        static Result genuine(Certificate certificate) {
            return new Result(true, "certificate " + certificate.number() + " is genuine: signed with key "
                    + certificate.keyId() + " and unchanged since it was issued");
        }

        static Result rejected(String reason) {
            return new Result(false, reason);
        }
    }

    /**
     * A verifier for certificates signed by the private key matching {@code publicKey}.
     *
     * @param publicKey the maker's Ed25519 public key
     * @return the verifier
     * @throws InvalidValueException when the key is null or not an Ed25519 public key
     */
    public static CertificateVerifier of(PublicKey publicKey) {
        InvalidValueException.require("publicKey", publicKey);
        if (!(publicKey instanceof EdECPublicKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new InvalidValueException("publicKey", "certificates are verified with an Ed25519 public key, got "
                    + publicKey.getAlgorithm());
        }
        return new CertificateVerifier(publicKey);
    }

    /**
     * A verifier from a published key: standard base64 of the X.509 SubjectPublicKeyInfo encoding
     * (what {@link #publicKeyText()} prints; also the body of a PEM "PUBLIC KEY" block, which may be
     * given whole, with its BEGIN and END lines and line breaks).
     *
     * @param base64X509 the published key
     * @return the verifier
     * @throws InvalidValueException when the text is null or not a base64 Ed25519 public key
     */
    public static CertificateVerifier fromPublicKeyText(String base64X509) {
        InvalidValueException.require("base64X509", base64X509);
        String body = base64X509.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s+", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw refused("is not base64 text; give the key as publicKeyText() prints it, or its PEM block", e);
        }
        try {
            return of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            // the provider's words (OIDs, class names) stay in the cause
            throw refused("is not an Ed25519 public key; certificates are signed with Ed25519, so an RSA or EC key "
                    + "cannot check them", e);
        }
    }

    private static InvalidValueException refused(String why, Exception cause) {
        InvalidValueException refused = new InvalidValueException("publicKey", "the published key " + why);
        refused.initCause(cause);
        return refused;
    }

    /** @return the Ed25519 public key certificates are checked against */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return the public key as standard base64 of its X.509 encoding, for publishing to verifiers */
    public String publicKeyText() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** @return the fingerprint of the key, as certificates carry it in {@link Certificate#keyId()} */
    public String keyId() {
        return keyId;
    }

    /**
     * Whether the certificate was signed by this key and no field has changed since.
     *
     * @param certificate the certificate to check
     * @return whether it is genuine
     * @throws InvalidValueException if {@code certificate} is null
     */
    public boolean verify(Certificate certificate) {
        return check(certificate).valid();
    }

    /**
     * As {@link #verify}, with the reason for a rejection.
     *
     * @param certificate the certificate to check
     * @return whether it is genuine, and why or why not
     * @throws InvalidValueException if {@code certificate} is null
     */
    public Result check(Certificate certificate) {
        InvalidValueException.require("certificate", certificate);
        if (!keyId.equals(certificate.keyId())) {
            return Result.rejected("certificate " + certificate.number() + " names signing key " + certificate.keyId()
                    + ", not this verifier's key " + keyId);
        }
        byte[] signature = certificate.signatureBytes();
        if (signature.length != 64) {
            return Result.rejected("certificate " + certificate.number() + " has no well-formed Ed25519 signature");
        }
        // a certificate issued before scopes existed signed the same fields without them
        if (!verifies(certificate.canonicalForm(), signature)
                && !verifies(certificate.canonicalFormBeforeScopes(), signature)) {
            return Result.rejected("certificate " + certificate.number()
                    + " does not match its signature: it was altered or forged");
        }
        return Result.genuine(certificate);
    }

    /**
     * Reads a {@link Certificate#toCompactText()} text and checks it; a damaged text is rejected with the reason.
     *
     * @param compactText the text, e.g. copied from a certificate's PDF
     * @return whether it is genuine, and why or why not; a null or unreadable text is a rejection, not
     *         an exception
     */
    public Result check(String compactText) {
        Certificate certificate;
        try {
            certificate = Certificate.fromCompactText(compactText);
        } catch (InvalidValueException e) {
            return Result.rejected(e.getMessage());
        }
        return check(certificate);
    }

    boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return a description naming the key id */
    @Override
    public String toString() {
        return "Ed25519 certificate verifier (key " + keyId + ")";
    }
}
