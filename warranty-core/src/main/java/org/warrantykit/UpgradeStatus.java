package org.warrantykit;

/** How an upgrade request ended; see {@link UpgradeResult}. */
public enum UpgradeStatus {
    /** The device has its upgrade: granted now, or already before (upgrades do not stack). */
    UPGRADED,
    /** Eligible but not online yet: the request is stored and applied once the device is reported online. */
    PENDING_ONLINE,
    /** The policy refuses the upgrade; the result's reason says why. */
    NOT_ELIGIBLE
}
