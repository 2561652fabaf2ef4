package org.warrantykit;


/**
 * Outcome of an upgrade request. {@code reason} is a sentence for the owner; the view shows the
 * warranty after the request.
 *
 * @param status how the request ended
 * @param reason a sentence for the owner (why it was refused, when it will apply, ...)
 * @param view   the device's warranty after the request
 */
public record UpgradeResult(UpgradeStatus status, String reason, WarrantyView view) {
    /**
     * @param status how the request ended
     * @param reason a sentence for the owner
     * @param view   the warranty after the request
     * @throws InvalidValueException if a value is null
     */
    public UpgradeResult {
        InvalidValueException.require("status", status);
        InvalidValueException.require("reason", reason);
        InvalidValueException.require("view", view);
    }
}
