package org.warrantykit;

/** The two kinds of code a device owner can enter under "Edit". */
public enum CodeKind {
    /** A single-use extended-warranty code from a batch sold offline; adds its batch's years. */
    EXTENSION,
    /** A promotion code of a campaign (e.g. SUMMER25); adds PROMOTION months, once per device. */
    CAMPAIGN
}
