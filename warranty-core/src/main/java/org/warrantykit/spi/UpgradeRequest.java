package org.warrantykit.spi;

import java.time.Instant;
import java.util.Objects;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;

/**
 * An upgrade asked for while the device was offline; applied when it comes online.
 *
 * @param serial      the device
 * @param requestedBy the owner who asked
 * @param requestedAt when
 */
public record UpgradeRequest(SerialNumber serial, AccountId requestedBy, Instant requestedAt) {
    /**
     * Validates the request.
     *
     * @param serial      the device
     * @param requestedBy the owner
     * @param requestedAt when
     * @throws NullPointerException if any component is null
     */
    public UpgradeRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
