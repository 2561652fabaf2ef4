package org.warrantykit;


/**
 * Outcome of an upgrade request. {@code reason} is a sentence for the owner; the view shows the
 * warranty after the request.
 */
public record UpgradeResult(UpgradeStatus status, String reason, WarrantyView view) {
    public UpgradeResult {
        InvalidValueException.require("status", status);
        InvalidValueException.require("reason", reason);
        InvalidValueException.require("view", view);
    }
}
