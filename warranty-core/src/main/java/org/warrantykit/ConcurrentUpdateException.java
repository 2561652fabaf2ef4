package org.warrantykit;

/**
 * Another caller changed the same device between read and write and retrying did not help.
 * Nothing was written; the call may be repeated.
 */
public final class ConcurrentUpdateException extends WarrantyException {
    /** @param message which device kept changing and what the caller may do */
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
