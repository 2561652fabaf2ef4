package org.warrantykit.spi;

import java.util.Collection;
import java.util.Optional;
import org.warrantykit.Campaign;
import org.warrantykit.SerialNumber;

/**
 * Stores extension-code batches and promotion campaigns, and who used them.
 *
 * <p>Extension codes are stored only as keyed hashes (the service computes HMAC-SHA256 with a
 * secret key the vault never sees), so a leaked vault yields no redeemable code. Claiming a code and
 * reserving a campaign redemption must each be atomic (compare-and-set): under any concurrency one
 * caller wins a code, and a campaign never exceeds its limit. The service releases a claim or a
 * reservation when the grant it was taken for could not be written, so a use stays exactly-once.
 */
public interface CodeVault {

    /**
     * Stores a batch and the hashes of its codes, all or nothing. Returns false and stores nothing
     * when the batch id or any of the hashes is already stored (the issuer then draws new codes).
     */
    boolean addBatch(CodeBatch batch, Collection<String> codeHashes);

    /**
     * The batch with this id.
     *
     * @param batchId a batch id, e.g. {@code B-20261127-7KQ4M2}
     * @return the batch; empty when no batch has this id
     */
    Optional<CodeBatch> batch(String batchId);

    /** The code with this hash, if such a code was issued. */
    Optional<StoredCode> code(String codeHash);

    /** Marks the code used by {@code use} if it is unused; true for exactly one caller. */
    boolean claim(String codeHash, CodeUse use);

    /**
     * Makes the code unused again, only if it is still claimed by exactly this {@code use}; returns
     * whether it did. Called when the grant the claim was taken for could not be written.
     */
    boolean release(String codeHash, CodeUse use);

    /** How many codes of the batch have been redeemed. */
    int redeemed(String batchId);

    /** Stores a new campaign; false (nothing changed) when a campaign with its code exists. */
    boolean addCampaign(Campaign campaign);

    /** The campaign with this code (upper-case). */
    Optional<Campaign> campaign(String code);

    /** The device's redemption of the campaign, if any. */
    Optional<CodeUse> campaignUse(String code, SerialNumber serial);

    /** How many redemptions of the campaign are taken. */
    int redemptions(String code);

    /**
     * Atomically takes one redemption of the campaign for {@code use.serial()}: refused when the
     * device holds one already or the campaign's {@link Campaign#redemptionLimit()} is reached.
     */
    CampaignReservation reserve(String code, CodeUse use);

    /** Gives back a reservation taken by exactly this {@code use}; returns whether it did. */
    boolean unreserve(String code, CodeUse use);

    /**
     * Whether the stored hashes outlive this service instance. A durable vault needs the same
     * {@code codePepper(...)} at every start, or its codes stop matching; a vault that dies with
     * the service may hash under a random key. Default true, the safe answer for any database.
     */
    default boolean durable() {
        return true;
    }
}
