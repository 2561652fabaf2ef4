package org.warrantykit;

/** What the owner is told about a device's warranty as a whole. */
public enum WarrantyState {
    /** Running, with the standard coverage only. */
    STANDARD,
    /** Running, with grants beyond the standard coverage but no EXTENSION or PROMOTION. */
    UPGRADED,
    /** Running, with at least one EXTENSION or PROMOTION coverage. */
    EXTENDED,
    /** The last coverage ended before the day the view was made for, whatever was granted. */
    EXPIRED,
    /**
     * The unit was swapped for another (RMA) and its warranty moved to the replacement
     * ({@link WarrantyView#replacedBy()}); nothing more can be done for it.
     */
    REPLACED
}
