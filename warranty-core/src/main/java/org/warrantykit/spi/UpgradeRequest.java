package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.AccountId;
import org.warrantykit.InvalidValueException;
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
     * @throws InvalidValueException if any component is null
     */
    public UpgradeRequest {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("requestedBy", requestedBy);
        InvalidValueException.require("requestedAt", requestedAt);
    }
}
