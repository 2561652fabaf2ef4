package org.warrantykit;

import java.util.Objects;

/**
 * Outcome of an upgrade request. {@code reason} is a sentence for the owner; the view shows the
 * warranty after the request.
 */
public record UpgradeResult(UpgradeStatus status, String reason, WarrantyView view) {
    public UpgradeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(view, "view");
    }
}
