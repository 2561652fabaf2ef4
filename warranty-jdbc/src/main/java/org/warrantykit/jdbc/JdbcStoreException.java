package org.warrantykit.jdbc;

import org.warrantykit.WarrantyException;

/**
 * The database refused or failed a store operation (connection lost, schema missing, timeout), or a
 * row changed outside this library cannot be read. Thrown by every store of this module and by
 * {@link JdbcTransactions}. Every store operation is one database transaction, so the failed
 * operation wrote nothing; the service call that used it may be repeated. The message says what
 * could not be done and what to check; the driver's error, which may quote SQL, is the
 * {@link #getCause() cause}.
 */
public final class JdbcStoreException extends WarrantyException {
    /**
     * @param message what could not be done and what to do about it
     * @param cause   the driver's or the reading error; may be null
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
