package org.warrantykit.spi;

import java.util.Optional;
import org.warrantykit.InvalidValueException;

/**
 * What the vault keeps of one extension code: its keyed hash (never the code), its batch, and its
 * use once redeemed.
 */
public record StoredCode(String hash, String batchId, Optional<CodeUse> use) {
    public StoredCode {
        InvalidValueException.require("hash", hash);
        InvalidValueException.require("batchId", batchId);
        InvalidValueException.requireOptional("use", use);
    }

    public boolean used() {
        return use.isPresent();
    }
}
