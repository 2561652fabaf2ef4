package org.warrantykit.jdbc;

import org.warrantykit.WarrantyException;

/**
 * The database refused or failed a store operation (connection lost, schema missing, timeout).
 * Every store operation is one database transaction, so the failed operation wrote nothing; the
 * service call that used it may be repeated.
 */
public final class JdbcStoreException extends WarrantyException {
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
