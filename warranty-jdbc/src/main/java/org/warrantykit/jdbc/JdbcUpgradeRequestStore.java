package org.warrantykit.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.UpgradeRequest;
import org.warrantykit.spi.UpgradeRequestStore;

/**
 * Pending upgrade requests ({@code wk_upgrade_request}, one per device by primary key) and online
 * observations ({@code wk_device_online}, the earliest instant kept by a conditional update). Get one
 * from {@link JdbcWarrantyStores#upgradeRequests}; thread-safe.
 */
public final class JdbcUpgradeRequestStore implements UpgradeRequestStore {
    /** Rounds of recordOnline before giving up; each round ends unless another instance wrote in between. */
    private static final int MAX_ROUNDS = 100;

    private final Jdbc jdbc;

    JdbcUpgradeRequestStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The device's pending upgrade request.
     *
     * @param serial the device
     * @return the request; empty when none is pending
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<UpgradeRequest> pending(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return jdbc.queryOne("read the upgrade request of " + serial,
                "SELECT requested_by, requested_at FROM wk_upgrade_request WHERE serial = ?",
                s -> s.setString(1, serial.value()),
                r -> new UpgradeRequest(serial, AccountId.of(r.getString("requested_by")),
                        Jdbc.getInstant(r, "requested_at")));
    }

    /**
     * Stores the request unless one is already pending for the device.
     *
     * @param request the request
     * @return true if stored; false (nothing written) when the device has a pending request
     * @throws NullPointerException if {@code request} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean addIfAbsent(UpgradeRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.insertUnlessTaken("store the upgrade request of " + request.serial(), c -> {
            Jdbc.update(c, "INSERT INTO wk_upgrade_request (serial, requested_by, requested_at) VALUES (?, ?, ?)", s -> {
                s.setString(1, request.serial().value());
                s.setString(2, request.requestedBy().value());
                Jdbc.setInstant(s, 3, request.requestedAt());
            });
        });
    }

    /**
     * Deletes the device's pending request.
     *
     * @param serial the device
     * @return whether there was one (true for exactly one of concurrent callers)
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean remove(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return jdbc.transaction("remove the upgrade request of " + serial, c -> Jdbc.update(c,
                "DELETE FROM wk_upgrade_request WHERE serial = ?", s -> s.setString(1, serial.value())) == 1);
    }

    /**
     * Records that the device was online at {@code at}, keeping the earliest instant ever recorded.
     *
     * @param serial the device
     * @param at when it was seen online
     * @throws JdbcStoreException also if the row kept changing under other writers for 100 rounds
     * @throws NullPointerException if {@code serial} or {@code at} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public void recordOnline(SerialNumber serial, Instant at) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(at, "at");
        // Keep the earliest: lower an existing later value, else insert. Another instance may insert
        // between our update and our read, or before our insert: then its value is compared again.
        // The bound only guards against a database that hides committed rows from us.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int lowered = jdbc.transaction("record that " + serial + " is online", c -> Jdbc.update(c,
                    "UPDATE wk_device_online SET online_since = ? WHERE serial = ? AND online_since > ?", s -> {
                        Jdbc.setInstant(s, 1, at);
                        s.setString(2, serial.value());
                        Jdbc.setInstant(s, 3, at);
                    }));
            if (lowered == 1) {
                return;
            }
            Optional<Instant> recorded = onlineSince(serial);
            if (recorded.isPresent()) {
                if (!recorded.get().isAfter(at)) {
                    return;
                }
                continue; // a later value arrived after our update: lower it
            }
            boolean inserted = jdbc.insertUnlessTaken("record that " + serial + " is online", c -> {
                Jdbc.update(c, "INSERT INTO wk_device_online (serial, online_since) VALUES (?, ?)", s -> {
                    s.setString(1, serial.value());
                    Jdbc.setInstant(s, 2, at);
                });
            });
            if (inserted) {
                return;
            }
        }
        throw new JdbcStoreException("warranty store could not record that " + serial + " is online: the row "
                + "kept changing or stayed invisible for " + MAX_ROUNDS + " rounds", null);
    }

    /**
     * The earliest instant the device was recorded online.
     *
     * @param serial the device
     * @return that instant; empty when it never was
     * @throws NullPointerException if {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Instant> onlineSince(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        return jdbc.queryOne("read when " + serial + " was online",
                "SELECT online_since FROM wk_device_online WHERE serial = ?", s -> s.setString(1, serial.value()),
                r -> Jdbc.getInstant(r, "online_since"));
    }
}
