package org.warrantykit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.warrantykit.AccountId;
import org.warrantykit.Campaign;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CampaignReservation;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeUse;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.StoredCode;

/**
 * Code batches ({@code wk_code_batch}, {@code wk_code}: keyed hashes only) and promotion campaigns
 * ({@code wk_campaign}, {@code wk_campaign_use}). A claim is one conditional update of the code's row;
 * a reservation raises the campaign's {@code taken} count only while it is below the limit and
 * inserts the device's use under a primary key, in one transaction. Both reserving and giving back
 * lock the campaign's row before the use's. Get one from {@link JdbcWarrantyStores#codeVault};
 * thread-safe. It is {@linkplain CodeVault#durable() durable}, so the service needs a code pepper.
 */
public final class JdbcCodeVault implements CodeVault {
    private final Jdbc jdbc;

    JdbcCodeVault(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Stores the batch and its code hashes in one transaction, all or nothing.
     *
     * @param batch the batch
     * @param codeHashes the keyed hashes of its codes; not null, nor any of them
     * @return true if stored; false (nothing written) when the batch id or a hash is stored already, or a hash
     *         is given twice
     * @throws NullPointerException if {@code batch} or {@code codeHashes} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean addBatch(CodeBatch batch, Collection<String> codeHashes) {
        Objects.requireNonNull(batch, "batch");
        List<String> hashes = List.copyOf(codeHashes);
        if (new HashSet<>(hashes).size() != hashes.size()) {
            return false;
        }
        return jdbc.insertUnlessTaken("store code batch " + batch.id(), c -> {
            Jdbc.update(c, "INSERT INTO wk_code_batch (batch_id, model, years, expires_on, batch_size, issued_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, batch.id());
                        s.setString(2, batch.model());
                        s.setInt(3, batch.years());
                        s.setObject(4, batch.expiresOn());
                        s.setInt(5, batch.size());
                        Jdbc.setInstant(s, 6, batch.issuedAt());
                    });
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wk_code (code_hash, batch_id) VALUES (?, ?)")) {
                int pending = 0;
                for (String hash : hashes) {
                    s.setString(1, hash);
                    s.setString(2, batch.id());
                    s.addBatch();
                    if (++pending == 1000) {
                        s.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    s.executeBatch();
                }
            }
        });
    }

    /**
     * The batch with this id.
     *
     * @param batchId a batch id
     * @return the batch; empty when none has this id
     * @throws NullPointerException if {@code batchId} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<CodeBatch> batch(String batchId) {
        Objects.requireNonNull(batchId, "batchId");
        return jdbc.queryOne("read code batch " + batchId, "SELECT batch_id, model, years, expires_on, batch_size, "
                + "issued_at FROM wk_code_batch WHERE batch_id = ?", s -> s.setString(1, batchId),
                r -> new CodeBatch(r.getString("batch_id"), r.getString("model"), r.getInt("years"),
                        Jdbc.getDate(r, "expires_on"), r.getInt("batch_size"), Jdbc.getInstant(r, "issued_at")));
    }

    /**
     * The code with this hash, and its use if it was claimed.
     *
     * @param codeHash a code's keyed hash
     * @return the code; empty when no code has this hash
     * @throws NullPointerException if {@code codeHash} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<StoredCode> code(String codeHash) {
        Objects.requireNonNull(codeHash, "codeHash");
        return jdbc.queryOne("read a code", "SELECT code_hash, batch_id, used_serial, used_by, used_at FROM wk_code "
                + "WHERE code_hash = ?", s -> s.setString(1, codeHash), r -> new StoredCode(r.getString("code_hash"),
                r.getString("batch_id"), use(r, "used_serial", "used_by", "used_at")));
    }

    /**
     * Marks the code used by {@code use} with one conditional update, if it is unused.
     *
     * @param codeHash the code's keyed hash
     * @param use the device, account and instant of the use
     * @return true for exactly one caller; false when the code is used already or unknown
     * @throws NullPointerException if {@code codeHash} or {@code use} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean claim(String codeHash, CodeUse use) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(use, "use");
        return jdbc.transaction("claim a code", c -> Jdbc.update(c, "UPDATE wk_code SET used_serial = ?, used_by = ?, "
                + "used_at = ? WHERE code_hash = ? AND used_serial IS NULL", s -> {
                    bindUse(s, 1, use);
                    s.setString(4, codeHash);
                }) == 1);
    }

    /**
     * Makes the code unused again, only if it is still claimed by exactly this {@code use}.
     *
     * @param codeHash the code's keyed hash
     * @param use the use that claimed it
     * @return whether the code was released
     * @throws NullPointerException if {@code codeHash} or {@code use} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean release(String codeHash, CodeUse use) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(use, "use");
        return jdbc.transaction("release a code", c -> Jdbc.update(c, "UPDATE wk_code SET used_serial = NULL, "
                + "used_by = NULL, used_at = NULL WHERE code_hash = ? AND used_serial = ? AND used_by = ? AND used_at = ?",
                s -> {
                    s.setString(1, codeHash);
                    bindUse(s, 2, use);
                }) == 1);
    }

    /**
     * How many codes of the batch have been claimed.
     *
     * @param batchId a batch id
     * @return the count; 0 for an unknown batch
     * @throws NullPointerException if {@code batchId} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public int redeemed(String batchId) {
        Objects.requireNonNull(batchId, "batchId");
        return jdbc.queryOne("count redeemed codes", "SELECT COUNT(*) FROM wk_code WHERE batch_id = ? "
                + "AND used_serial IS NOT NULL", s -> s.setString(1, batchId), r -> r.getInt(1)).orElse(0);
    }

    /**
     * Stores a new campaign with no redemptions taken.
     *
     * @param campaign the campaign
     * @return true if stored; false (nothing written) when a campaign with its code exists
     * @throws NullPointerException if {@code campaign} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean addCampaign(Campaign campaign) {
        Objects.requireNonNull(campaign, "campaign");
        return jdbc.insertUnlessTaken("store campaign " + campaign.code(), c -> {
            Jdbc.update(c, "INSERT INTO wk_campaign (code, valid_from, valid_until, redemption_limit, months, "
                    + "upgrade_years, taken) VALUES (?, ?, ?, ?, ?, ?, 0)", s -> {
                        s.setString(1, campaign.code());
                        s.setObject(2, campaign.validFrom());
                        s.setObject(3, campaign.validUntil());
                        s.setInt(4, campaign.redemptionLimit());
                        s.setInt(5, campaign.months());
                        s.setInt(6, campaign.upgradeYears());
                    });
        });
    }

    /**
     * The campaign with this code.
     *
     * @param code the campaign code, upper-case as stored
     * @return the campaign; empty when none has this code
     * @throws NullPointerException if {@code code} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<Campaign> campaign(String code) {
        Objects.requireNonNull(code, "code");
        return jdbc.queryOne("read campaign " + code, "SELECT code, valid_from, valid_until, redemption_limit, months, "
                + "upgrade_years FROM wk_campaign WHERE code = ?", s -> s.setString(1, code),
                r -> new Campaign(r.getString("code"), Jdbc.getDate(r, "valid_from"), Jdbc.getDate(r, "valid_until"),
                        r.getInt("redemption_limit"), r.getInt("months"), r.getInt("upgrade_years")));
    }

    /**
     * The device's redemption of the campaign.
     *
     * @param code the campaign code, upper-case
     * @param serial the device
     * @return the use; empty when the device has not redeemed the campaign
     * @throws NullPointerException if {@code code} or {@code serial} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public Optional<CodeUse> campaignUse(String code, SerialNumber serial) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(serial, "serial");
        return jdbc.queryOne("read a campaign use", "SELECT serial, account_id, used_at FROM wk_campaign_use "
                + "WHERE code = ? AND serial = ?", s -> {
                    s.setString(1, code);
                    s.setString(2, serial.value());
                }, r -> use(r, "serial", "account_id", "used_at").orElseThrow());
    }

    /**
     * How many redemptions of the campaign are taken.
     *
     * @param code the campaign code, upper-case
     * @return the count; 0 for an unknown campaign
     * @throws NullPointerException if {@code code} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public int redemptions(String code) {
        Objects.requireNonNull(code, "code");
        return jdbc.queryOne("count campaign redemptions", "SELECT taken FROM wk_campaign WHERE code = ?",
                s -> s.setString(1, code), r -> r.getInt(1)).orElse(0);
    }

    /**
     * Takes one redemption for {@code use.serial()} in one transaction: raises the taken count while it
     * is below the limit and inserts the device's use under its primary key.
     *
     * @param code the campaign code, upper-case
     * @param use the device, account and instant of the redemption
     * @return RESERVED; or, with nothing written, DEVICE_ALREADY_REDEEMED, LIMIT_REACHED or UNKNOWN_CAMPAIGN
     * @throws NullPointerException if {@code code} or {@code use} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public CampaignReservation reserve(String code, CodeUse use) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(use, "use");
        // Settled in the transaction: reserved, or the device's use already there (its primary key).
        // Empty: no redemption was free, decided before writing; why is found out below.
        Optional<CampaignReservation> settled = jdbc.unlessTaken("reserve a redemption of campaign " + code, c -> {
            if (Jdbc.update(c, "UPDATE wk_campaign SET taken = taken + 1 WHERE code = ? AND taken < redemption_limit",
                    s -> s.setString(1, code)) != 1) {
                return Optional.empty();
            }
            Jdbc.update(c, "INSERT INTO wk_campaign_use (code, serial, account_id, used_at) VALUES (?, ?, ?, ?)",
                    s -> {
                        s.setString(1, code);
                        bindUse(s, 2, use);
                    });
            return Optional.of(CampaignReservation.RESERVED);
        }, Optional.of(CampaignReservation.DEVICE_ALREADY_REDEEMED));
        return settled.orElseGet(() -> whyNoneFree(code, use));
    }

    /** Nothing was written; says why (the device's own use first, as the in-memory vault does). */
    private CampaignReservation whyNoneFree(String code, CodeUse use) {
        if (campaign(code).isEmpty()) {
            return CampaignReservation.UNKNOWN_CAMPAIGN;
        }
        return campaignUse(code, use.serial()).isPresent() ? CampaignReservation.DEVICE_ALREADY_REDEEMED
                : CampaignReservation.LIMIT_REACHED;
    }

    /**
     * Gives back a redemption taken by exactly this {@code use}: deletes the use and lowers the taken
     * count, in one transaction.
     *
     * @param code the campaign code, upper-case
     * @param use the use that reserved it
     * @return whether a redemption was given back
     * @throws NullPointerException if {@code code} or {@code use} is null
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean unreserve(String code, CodeUse use) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(use, "use");
        return jdbc.transaction("give back a redemption of campaign " + code, c -> {
            // Lock the campaign before the use, in the order reserve takes them: the other way round, a
            // reservation by the same device (holding the campaign, waiting on the use being deleted)
            // and this (holding the use, waiting on the campaign) would deadlock.
            Jdbc.query(c, "SELECT taken FROM wk_campaign WHERE code = ? FOR UPDATE", s -> s.setString(1, code),
                    r -> null);
            int removed = Jdbc.update(c, "DELETE FROM wk_campaign_use WHERE code = ? AND serial = ? AND account_id = ? "
                    + "AND used_at = ?", s -> {
                        s.setString(1, code);
                        bindUse(s, 2, use);
                    });
            if (removed == 1) {
                Jdbc.update(c, "UPDATE wk_campaign SET taken = taken - 1 WHERE code = ?", s -> s.setString(1, code));
            }
            return removed == 1;
        });
    }

    private static void bindUse(PreparedStatement s, int first, CodeUse use) throws SQLException {
        s.setString(first, use.serial().value());
        s.setString(first + 1, use.account().value());
        Jdbc.setInstant(s, first + 2, use.at());
    }

    private static Optional<CodeUse> use(ResultSet r, String serial, String account, String at) throws SQLException {
        String sn = r.getString(serial);
        if (sn == null) {
            return Optional.empty();
        }
        return Optional.of(new CodeUse(new SerialNumber(sn), AccountId.of(r.getString(account)), Jdbc.getInstant(r, at)));
    }
}
