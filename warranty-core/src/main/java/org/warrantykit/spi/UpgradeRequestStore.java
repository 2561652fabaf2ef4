package org.warrantykit.spi;

import java.time.Instant;
import java.util.Optional;
import org.warrantykit.SerialNumber;

/** Pending upgrade requests and the online observations that resolve them. */
public interface UpgradeRequestStore {

    /**
     * The device's pending upgrade request.
     *
     * @param serial the device
     * @return the request; empty when none is pending
     */
    Optional<UpgradeRequest> pending(SerialNumber serial);

    /** Stores the request unless one is already pending for the device; returns whether it was stored. */
    boolean addIfAbsent(UpgradeRequest request);

    /** Removes the pending request; returns whether there was one (exactly one caller gets true). */
    boolean remove(SerialNumber serial);

    /** Records that the device was seen online; keeps the earliest instant. */
    void recordOnline(SerialNumber serial, Instant at);

    /** The earliest time the device was reported online through the service, if ever. */
    Optional<Instant> onlineSince(SerialNumber serial);
}
