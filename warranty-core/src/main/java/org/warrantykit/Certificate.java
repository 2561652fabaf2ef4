package org.warrantykit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A signed statement of a device's warranty as it stood when issued: who owns the device and every
 * grant that makes up its coverage. Anyone holding the maker's public key can check it offline with
 * {@link CertificateVerifier}; changing any field, a single coverage line or its order breaks the
 * signature.
 *
 * <h2>Canonical form (what is signed)</h2>
 * The UTF-8 bytes of a sequence of netstrings, each {@code <byte length in decimal>:<bytes>,}, in
 * this order: the tag {@code warranty-kit/certificate/v2}, number, serial, model, owner account id,
 * issuedAt (ISO-8601 instant, e.g. {@code 2026-11-27T10:15:30Z}), ruleSetVersion, keyId, the number
 * of coverage lines in decimal, then per line kind, start, end (ISO dates), source and scope
 * ({@link Covered#format}, e.g. {@code PARTS,LABOUR}).
 *
 * <p>Certificates issued before scopes existed (tag {@code v1}, compact text {@code WKC1.}) signed the
 * same fields without the scope: they still verify, over that form, and read each line's scope as
 * {@link Covered#grantedBeforeScopes} gives without a region (no transport), since the scope is not
 * part of what they sign. The length
 * prefixes make it unambiguous: no choice of field contents can make two different certificates
 * produce the same bytes. The signature is Ed25519 over these bytes, stored in standard base64.
 *
 * @param number         unique certificate number, e.g. {@code WK-20261127-7K3QD-M2X95}
 * @param serial         the device
 * @param model          the device's model
 * @param owner          the account that owned the device when the certificate was issued
 * @param coverages      every grant, STANDARD first, then the others in the order granted; unmodifiable
 * @param issuedAt       when it was issued (whole seconds when the service issues it)
 * @param ruleSetVersion the rule set in force when the certificate was issued
 * @param keyId          fingerprint of the public key that verifies the signature
 * @param signature      Ed25519 signature over {@link #canonicalForm()}, standard base64
 */
public record Certificate(
        String number,
        SerialNumber serial,
        String model,
        AccountId owner,
        List<Coverage> coverages,
        Instant issuedAt,
        String ruleSetVersion,
        String keyId,
        String signature) {

    static final String TAG = "warranty-kit/certificate/v2";
    /** The tag of certificates issued before scopes existed: the same fields, no scope per line. */
    static final String TAG_BEFORE_SCOPES = "warranty-kit/certificate/v1";
    private static final String TEXT_PREFIX = "WKC2.";
    private static final String TEXT_PREFIX_BEFORE_SCOPES = "WKC1.";

    /**
     * Checks the fields; does not check the signature (that is {@link CertificateVerifier}'s call).
     *
     * @param number         a well-formed certificate number with a matching check symbol
     * @param serial         the device
     * @param model          the model, not blank
     * @param owner          the owner at issue
     * @param coverages      at least one coverage; copied, so neither the list nor an element may be
     *                       null (a null is an InvalidValueException)
     * @param issuedAt       the issue instant
     * @param ruleSetVersion the rule set in force
     * @param keyId          the signing key's fingerprint, not blank
     * @param signature      the signature, not blank
     * @throws InvalidValueException if a value is null, blank where it may not be, the number is not
     *                               well formed, there is no coverage, or a text is not well-formed Unicode
     */
    public Certificate {
        InvalidValueException.require("number", number);
        if (!CertificateNumbers.isWellFormed(number)) {
            throw new InvalidValueException("number", Quoted.of(number) + " is not a certificate number: "
                    + CertificateNumbers.RULE);
        }
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("owner", owner);
        InvalidValueException.require("issuedAt", issuedAt);
        InvalidValueException.require("ruleSetVersion", ruleSetVersion);
        if (model == null || model.isBlank()) {
            throw new InvalidValueException("model", "certificate " + number + " has no model");
        }
        coverages = InvalidValueException.requireList("coverages", coverages);
        if (coverages.isEmpty()) {
            throw new InvalidValueException("coverages", "certificate " + number + " lists no coverage");
        }
        if (keyId == null || keyId.isBlank()) {
            throw new InvalidValueException("keyId", "certificate " + number + " does not name its signing key");
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidValueException("signature", "certificate " + number + " is not signed");
        }
        // Unpaired surrogates have no UTF-8 form: two such texts could share one canonical form.
        requireUnicode("model", model);
        requireUnicode("ruleSetVersion", ruleSetVersion);
        requireUnicode("keyId", keyId);
        for (Coverage c : coverages) {
            requireUnicode("coverages", c.source().toString());
        }
    }

    private static void requireUnicode(String field, String text) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            throw new InvalidValueException(field, Quoted.of(text) + " is not well-formed Unicode (unpaired surrogate)");
        }
    }

    /**
     * Signs the given content with {@code signer} and returns the certificate. The service calls this
     * from {@link WarrantyService#certificate}; it is public for integrators that issue certificates
     * from their own records and for tests.
     *
     * @param number         a well-formed certificate number
     * @param serial         the device
     * @param model          the model, not blank
     * @param owner          the owner at issue
     * @param coverages      at least one coverage
     * @param issuedAt       the issue instant
     * @param ruleSetVersion the rule set in force
     * @param signer         the Ed25519 signer; its {@link CertificateSigner#keyId()} becomes {@code keyId}
     * @return the signed certificate
     * @throws InvalidValueException if an argument is null, or the content breaks a rule of the
     *                               canonical constructor
     */
    public static Certificate issue(String number, SerialNumber serial, String model, AccountId owner,
                                    List<Coverage> coverages, Instant issuedAt, String ruleSetVersion,
                                    CertificateSigner signer) {
        InvalidValueException.require("signer", signer);
        // The canonical constructor checks the content before anything is signed; the placeholder
        // signature is not part of the signed form.
        Certificate unsigned = new Certificate(number, serial, model, owner, coverages, issuedAt, ruleSetVersion,
                signer.keyId(), "unsigned");
        String signature = Base64.getEncoder().encodeToString(signer.sign(unsigned.canonicalForm()));
        return new Certificate(number, serial, model, owner, unsigned.coverages(), issuedAt, ruleSetVersion,
                unsigned.keyId(), signature);
    }

    /**
     * Whether {@code number} has the shape of a certificate number and a matching check symbol.
     *
     * @param number the text to check; null is not well formed
     * @return whether it is a well-formed certificate number (the date must be a real calendar day)
     */
    public static boolean isWellFormedNumber(String number) {
        return CertificateNumbers.isWellFormed(number);
    }

    /** @return the first covered day */
    public LocalDate validFrom() {
        return coverages.get(0).start();
    }

    /** @return the last covered day (inclusive) */
    public LocalDate validUntil() {
        return coverages.get(coverages.size() - 1).end();
    }

    /**
     * The bytes the signature covers: every field but the signature (see the class comment).
     *
     * @return a fresh array of the canonical form
     */
    public byte[] canonicalForm() {
        return canonicalForm(TAG, number, serial, model, owner, coverages, issuedAt, ruleSetVersion, keyId);
    }

    /** The form a certificate issued before scopes existed was signed over: no scope per line. */
    byte[] canonicalFormBeforeScopes() {
        return canonicalForm(TAG_BEFORE_SCOPES, number, serial, model, owner, coverages, issuedAt, ruleSetVersion,
                keyId);
    }

    /**
     * A compact, copy-and-paste-safe text holding the whole certificate, signature included (for a
     * QR code or the PDF): {@code WKC1.} + base64url(canonical form) + {@code .} + base64url(signature).
     *
     * @return the compact text, read back by {@link #fromCompactText}
     */
    public String toCompactText() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return TEXT_PREFIX + url.encodeToString(canonicalForm()) + "." + url.encodeToString(signatureBytes());
    }

    /**
     * Reads a {@link #toCompactText()} text back. Only reads: whether the certificate is genuine is
     * {@link CertificateVerifier}'s call. Whitespace anywhere in the text is ignored.
     *
     * @param text a compact text
     * @return the certificate it holds
     * @throws InvalidValueException when the text is null, damaged or not a certificate text
     */
    public static Certificate fromCompactText(String text) {
        if (text == null) {
            throw new InvalidValueException("certificate text", "no text given");
        }
        String compact = text.replaceAll("\\s+", "");
        String[] parts = compact.split("\\.", -1);
        boolean beforeScopes = compact.startsWith(TEXT_PREFIX_BEFORE_SCOPES);
        if (!(compact.startsWith(TEXT_PREFIX) || beforeScopes) || parts.length != 3) {
            throw new InvalidValueException("certificate text", "does not look like a certificate code (WKC2.<content>.<signature>)");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            byte[] content = url.decode(parts[1]);
            byte[] signature = url.decode(parts[2]);
            return parse(content, Base64.getEncoder().encodeToString(signature), beforeScopes ? TAG_BEFORE_SCOPES : TAG);
        } catch (WarrantyException e) {
            throw damaged(e.getMessage(), e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // the decoder's and parser's own words echo the input without limit: they stay in the cause
            throw damaged("a part of it is not readable", e);
        }
    }

    private static InvalidValueException damaged(String why, Exception cause) {
        InvalidValueException damaged = new InvalidValueException("certificate text",
                "is damaged or not a certificate code: " + why);
        damaged.initCause(cause);
        return damaged;
    }

    /** The decoded signature; empty when the stored text is not base64. */
    byte[] signatureBytes() {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static byte[] canonicalForm(String tag, String number, SerialNumber serial, String model, AccountId owner,
                                List<Coverage> coverages, Instant issuedAt, String ruleSetVersion, String keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 64 * coverages.size());
        field(out, tag);
        field(out, number);
        field(out, serial.value());
        field(out, model);
        field(out, owner.value());
        field(out, issuedAt.toString());
        field(out, ruleSetVersion);
        field(out, keyId);
        field(out, Integer.toString(coverages.size()));
        for (Coverage c : coverages) {
            field(out, c.kind().name());
            field(out, c.start().toString());
            field(out, c.end().toString());
            field(out, c.source().toString());
            if (tag.equals(TAG)) {
                field(out, Covered.format(c.covers()));
            }
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write(',');
    }

    private static Certificate parse(byte[] content, String signature, String tag) {
        Reader in = new Reader(content);
        if (!tag.equals(in.next())) {
            throw new InvalidValueException("certificate text", "unknown certificate format");
        }
        String number = in.next();
        SerialNumber serial = new SerialNumber(in.next());
        String model = in.next();
        AccountId owner = new AccountId(in.next());
        Instant issuedAt = Instant.parse(in.next());
        String ruleSetVersion = in.next();
        String keyId = in.next();
        int count = in.count();
        List<Coverage> coverages = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            CoverageKind kind = CoverageKind.valueOf(in.next());
            LocalDate start = LocalDate.parse(in.next());
            LocalDate end = LocalDate.parse(in.next());
            String sourceText = in.next();
            CoverageSource source = CoverageSource.parse(sourceText);
            if (!source.toString().equals(sourceText)) { // one text per certificate, as for the lengths
                throw new InvalidValueException("coverages", "source " + Quoted.of(sourceText) + " is not in canonical form");
            }
            Set<Covered> covers;
            if (tag.equals(TAG)) {
                String coversText = in.next();
                covers = Covered.parse(coversText);
                if (!Covered.format(covers).equals(coversText)) {
                    throw new InvalidValueException("coverages", "scope " + Quoted.of(coversText) + " is not in canonical form");
                }
            } else {
                covers = Covered.grantedBeforeScopes(kind, "");
            }
            coverages.add(new Coverage(kind, start, end, source, covers));
        }
        in.end();
        return new Certificate(number, serial, model, owner, coverages, issuedAt, ruleSetVersion, keyId, signature);
    }

    /** Reads netstrings back, strictly: canonical lengths only, nothing left over. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        String next() {
            int colon = at;
            while (colon < bytes.length && bytes[colon] != ':') {
                colon++;
            }
            String digits = new String(bytes, at, colon - at, StandardCharsets.US_ASCII);
            if (colon == bytes.length || !digits.matches("0|[1-9]\\d{0,6}")) {
                throw new IllegalArgumentException("bad field length at byte " + at);
            }
            int length = Integer.parseInt(digits);
            int start = colon + 1;
            if (start + length >= bytes.length || bytes[start + length] != ',') {
                throw new IllegalArgumentException("truncated field at byte " + at);
            }
            at = start + length + 1;
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }

        int count() {
            String text = next();
            if (!text.matches("[1-9]\\d{0,3}")) {
                throw new IllegalArgumentException("bad coverage count " + text);
            }
            return Integer.parseInt(text);
        }

        void end() {
            if (at != bytes.length) {
                throw new IllegalArgumentException("unexpected data after the last coverage");
            }
        }
    }
}
