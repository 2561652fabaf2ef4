package org.warrantykit.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;

/**
 * Owner changes made through the service (a house sale), over the read-only {@link DeviceRegistry}:
 * where this store names an owner for a device, that account owns it, whatever the registry says.
 * The warranty (the coverage ledger) stays with the device.
 */
public interface OwnershipStore {

    /**
     * The owner the device was transferred to, if it ever was.
     *
     * @param serial the device
     * @return its latest transferee; empty when it was never transferred (the registry's owner applies)
     */
    Optional<AccountId> owner(SerialNumber serial);

    /**
     * Devices transferred to the account and still owned by it, ordered by serial number.
     *
     * @param account the account
     * @return the devices it received and still owns; empty when none
     */
    List<SerialNumber> transferredTo(AccountId account);

    /**
     * Compare-and-set: makes {@code to} the owner if the store's owner of the device is still
     * {@code expected} (empty: never transferred), and records the transfer from {@code from}.
     * Returns false and changes nothing otherwise; of concurrent transfers from one state, exactly one
     * succeeds.
     *
     * @param serial   the device
     * @param expected the owner this store names now, as the caller read it; empty if never transferred
     * @param from     the account giving the device away (recorded with the transfer)
     * @param to       the new owner
     * @param at       when the transfer happens
     * @return true if {@code to} now owns the device; false if the stored owner was not {@code expected}
     */
    boolean transfer(SerialNumber serial, Optional<AccountId> expected, AccountId from, AccountId to, Instant at);
}
