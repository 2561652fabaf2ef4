package org.warrantykit.spi;

import java.util.Objects;
import java.util.Optional;

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
     * @throws NullPointerException if any component is null
     */
    public StoredCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(use, "use (use Optional.empty())");
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
