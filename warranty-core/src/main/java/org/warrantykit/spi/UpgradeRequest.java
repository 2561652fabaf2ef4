package org.warrantykit.spi;

import java.time.Instant;
import java.util.Objects;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;

/** An upgrade asked for while the device was offline; applied when it comes online. */
public record UpgradeRequest(SerialNumber serial, AccountId requestedBy, Instant requestedAt) {
    public UpgradeRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
