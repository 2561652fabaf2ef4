package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.AccountId;
import org.warrantykit.InvalidValueException;
import org.warrantykit.SerialNumber;

/** An upgrade asked for while the device was offline; applied when it comes online. */
public record UpgradeRequest(SerialNumber serial, AccountId requestedBy, Instant requestedAt) {
    public UpgradeRequest {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("requestedBy", requestedBy);
        InvalidValueException.require("requestedAt", requestedAt);
    }
}
