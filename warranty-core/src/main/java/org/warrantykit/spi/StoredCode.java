package org.warrantykit.spi;

import java.util.Optional;
import org.warrantykit.InvalidValueException;

/**
 * What the vault keeps of one extension code: its keyed hash (never the code), its batch, and its
 * use once redeemed.
 *
 * @param hash    the code's keyed hash
 * @param batchId the batch it belongs to
 * @param use     who redeemed it; empty while unused
 */
public record StoredCode(String hash, String batchId, Optional<CodeUse> use) {
    /**
     * Validates the stored code.
     *
     * @param hash    the hash
     * @param batchId the batch
     * @param use     the use, or {@code Optional.empty()} (never null)
     * @throws InvalidValueException if any component is null
     */
    public StoredCode {
        InvalidValueException.require("hash", hash);
        InvalidValueException.require("batchId", batchId);
        InvalidValueException.requireOptional("use", use);
    }

    /**
     * Whether the code was redeemed.
     *
     * @return true when {@link #use()} is present
     */
    public boolean used() {
        return use.isPresent();
    }
}
