package org.warrantykit;

public enum UpgradeStatus {
    UPGRADED, PENDING_ONLINE, NOT_ELIGIBLE
}
