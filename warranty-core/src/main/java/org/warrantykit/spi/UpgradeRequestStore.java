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

    /**
     * Stores the request unless one is already pending for the device; returns whether it was stored.
     *
     * @param request the upgrade request
     * @return true if it was stored; false if the device already has a pending request
     */
    boolean addIfAbsent(UpgradeRequest request);

    /**
     * Removes the pending request; returns whether there was one (exactly one caller gets true).
     *
     * @param serial the device
     * @return true if this call removed a pending request
     */
    boolean remove(SerialNumber serial);

    /**
     * Records that the device was seen online; keeps the earliest instant.
     *
     * @param serial the device
     * @param at     when it was seen online
     */
    void recordOnline(SerialNumber serial, Instant at);

    /**
     * The earliest time the device was reported online through the service, if ever.
     *
     * @param serial the device
     * @return the earliest recorded instant; empty when it was never reported online
     */
    Optional<Instant> onlineSince(SerialNumber serial);
}
