package org.warrantykit.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What the vault keeps of one extension code: its keyed hash (never the code), its batch, and its
 * use once redeemed.
 */
public record StoredCode(String hash, String batchId, Optional<CodeUse> use) {
    public StoredCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(use, "use (use Optional.empty())");
    }

    public boolean used() {
        return use.isPresent();
    }
}
