package org.warrantykit;

/** What the owner is told about a device's warranty as a whole. */
public enum WarrantyState {
    STANDARD, UPGRADED, EXTENDED, EXPIRED
}
