package org.warrantykit.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OwnershipStore;

/**
 * Owner changes in {@code wk_ownership} (current owner per device, moved by a conditional update or
 * a first insert under the primary key) with every transfer appended to {@code wk_ownership_transfer}
 * in the same transaction. Get one from {@link JdbcWarrantyStores#ownership}; thread-safe.
 */
public final class JdbcOwnershipStore implements OwnershipStore {
    private final Jdbc jdbc;

    JdbcOwnershipStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The owner the device was transferred to through the service.
     *
     * @param serial the device
     * @return that owner; empty when the device was never transferred
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<AccountId> owner(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return jdbc.queryOne("read the owner of " + serial, "SELECT owner_id FROM wk_ownership WHERE serial = ?",
                s -> s.setString(1, serial.value()), r -> AccountId.of(r.getString(1)));
    }

    /**
     * Devices whose current owner in this store is {@code account}.
     *
     * @param account the account
     * @return their serial numbers, ordered; empty when none
     * @throws NullPointerException if {@code account} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public List<SerialNumber> transferredTo(AccountId account) {
        Objects.requireNonNull(account, "account");
        return jdbc.query("read devices transferred to " + account, "SELECT serial FROM wk_ownership "
                + "WHERE owner_id = ? ORDER BY serial", s -> s.setString(1, account.value()),
                r -> new SerialNumber(r.getString(1)));
    }

    /**
     * Makes {@code to} the owner if the stored owner is still {@code expected}, and appends the transfer
     * to the history, in one transaction.
     *
     * @param serial the device
     * @param expected the owner as read; {@code Optional.empty()} when the device was never transferred
     * @param from the owner giving the device away
     * @param to the new owner
     * @param at when
     * @return true if transferred; false (nothing written) when the owner changed since it was read
     * @throws NullPointerException if {@code serial}, {@code expected}, {@code from}, {@code to} or {@code at} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean transfer(SerialNumber serial, Optional<AccountId> expected, AccountId from, AccountId to,
                            Instant at) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        // Refused before writing when the owner moved since it was read; when another first owner was
        // inserted meanwhile, the primary key refuses it and the transfer is undone.
        return jdbc.unlessTaken("transfer " + serial + " to " + to, c -> {
            if (expected.isEmpty()) {
                Jdbc.update(c, "INSERT INTO wk_ownership (serial, owner_id, transfers, transferred_at) VALUES (?, ?, 1, ?)",
                        s -> {
                            s.setString(1, serial.value());
                            s.setString(2, to.value());
                            Jdbc.setInstant(s, 3, at);
                        });
            } else if (Jdbc.update(c, "UPDATE wk_ownership SET owner_id = ?, transfers = transfers + 1, transferred_at = ? "
                    + "WHERE serial = ? AND owner_id = ?", s -> {
                        s.setString(1, to.value());
                        Jdbc.setInstant(s, 2, at);
                        s.setString(3, serial.value());
                        s.setString(4, expected.get().value());
                    }) != 1) {
                return false;
            }
            int seq = Jdbc.query(c, "SELECT transfers FROM wk_ownership WHERE serial = ?",
                    s -> s.setString(1, serial.value()), r -> r.getInt(1)).get(0);
            Jdbc.update(c, "INSERT INTO wk_ownership_transfer (serial, seq, from_owner, to_owner, transferred_at) "
                    + "VALUES (?, ?, ?, ?, ?)", s -> {
                        s.setString(1, serial.value());
                        s.setInt(2, seq);
                        s.setString(3, from.value());
                        s.setString(4, to.value());
                        Jdbc.setInstant(s, 5, at);
                    });
            return true;
        }, false);
    }
}
