package org.warrantykit;

/** Why a span of coverage exists. */
public enum CoverageKind {
    /** The maker's standard warranty, always a device's first coverage. */
    STANDARD,
    /** The free online upgrade, or the missed upgrade a campaign grants. */
    UPGRADE,
    /** An extension from an extension code or an online purchase. */
    EXTENSION,
    /** The months a promotion campaign grants. */
    PROMOTION
}
