package org.warrantykit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.warrantykit.spi.CodeVault;

/**
 * Keyed hash of an extension code: HMAC-SHA256 under the integrator's secret key ("pepper") over
 * a versioned label and the compact code. Only this hash reaches the {@link CodeVault};
 * without the key a leaked vault cannot be turned back into codes, not even by trying all 31^15 of them.
 */
final class CodeHasher {
    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_BYTES = 16;
    private static final byte[] LABEL = "warranty-kit/extension-code/v1:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    CodeHasher(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new ConfigurationException("codePepper(...) needs a secret key of at least " + MIN_KEY_BYTES
                    + " bytes (32 random bytes recommended), was " + (key == null ? "none" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
    }

    /** A hasher with 32 fresh random bytes: codes it issued can be redeemed only through this instance. */
    static CodeHasher withRandomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new CodeHasher(bytes);
    }

    /**
     * The hasher when the integrator gave no pepper: a random key, fine for a vault that is not
     * {@linkplain CodeVault#durable() durable} (both live and die with the service), refused for a
     * durable one, whose codes would become unredeemable at the next restart.
     */
    static CodeHasher defaultFor(CodeVault vault) {
        if (vault.durable()) {
            throw new ConfigurationException("codeVault(" + vault.getClass().getSimpleName() + ") needs "
                    + "codePepper(...): the secret key its code hashes are made with must stay the same across "
                    + "restarts");
        }
        return withRandomKey();
    }

    /** Lower-case hex of the HMAC of the compact (16-character, upper-case) code. */
    String hash(String compactCode) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; one per call is cheap
            mac.init(key);
            mac.update(LABEL);
            return HexFormat.of().formatHex(mac.doFinal(compactCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
