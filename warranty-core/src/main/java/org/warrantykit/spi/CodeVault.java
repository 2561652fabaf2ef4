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
     *
     * @param batch      the batch to store
     * @param codeHashes the keyed hashes of its codes
     * @return true if the batch and all hashes were stored; false if nothing was
     */
    boolean addBatch(CodeBatch batch, Collection<String> codeHashes);

    /**
     * The batch with this id.
     *
     * @param batchId a batch id, e.g. {@code B-20261127-7KQ4M2}
     * @return the batch; empty when no batch has this id
     */
    Optional<CodeBatch> batch(String batchId);

    /**
     * The code with this hash, if such a code was issued.
     *
     * @param codeHash the code's keyed hash
     * @return the stored code, used or not; empty when no issued code has this hash
     */
    Optional<StoredCode> code(String codeHash);

    /**
     * Marks the code used by {@code use} if it is unused; true for exactly one caller.
     *
     * @param codeHash the code's keyed hash
     * @param use      who redeems it, for which device and when
     * @return true if this call claimed it; false if it is unknown or already used
     */
    boolean claim(String codeHash, CodeUse use);

    /**
     * Makes the code unused again, only if it is still claimed by exactly this {@code use}; returns
     * whether it did. Called when the grant the claim was taken for could not be written.
     *
     * @param codeHash the code's keyed hash
     * @param use      the use the code was claimed with
     * @return true if the code is unused again; false if it was not claimed by this use
     */
    boolean release(String codeHash, CodeUse use);

    /**
     * How many codes of the batch have been redeemed.
     *
     * @param batchId the batch id
     * @return the number of claimed codes; 0 for an unknown batch
     */
    int redeemed(String batchId);

    /**
     * Stores a new campaign; false (nothing changed) when a campaign with its code exists.
     *
     * @param campaign the campaign to store
     * @return true if it was stored; false if its code is taken
     */
    boolean addCampaign(Campaign campaign);

    /**
     * The campaign with this code (upper-case).
     *
     * @param code the campaign code, upper-case
     * @return the campaign; empty when no campaign has this code
     */
    Optional<Campaign> campaign(String code);

    /**
     * The device's redemption of the campaign, if any.
     *
     * @param code   the campaign code, upper-case
     * @param serial the device
     * @return its reserved redemption; empty when the device holds none or the campaign is unknown
     */
    Optional<CodeUse> campaignUse(String code, SerialNumber serial);

    /**
     * How many redemptions of the campaign are taken.
     *
     * @param code the campaign code, upper-case
     * @return the number of reservations held; 0 for an unknown campaign
     */
    int redemptions(String code);

    /**
     * Atomically takes one redemption of the campaign for {@code use.serial()}: refused when the
     * device holds one already or the campaign's {@link Campaign#redemptionLimit()} is reached.
     *
     * @param code the campaign code, upper-case
     * @param use  who redeems it, for which device and when
     * @return {@code RESERVED}, or why not: already redeemed by the device, limit reached, unknown campaign
     */
    CampaignReservation reserve(String code, CodeUse use);

    /**
     * Gives back a reservation taken by exactly this {@code use}; returns whether it did.
     *
     * @param code the campaign code, upper-case
     * @param use  the use the reservation was taken with
     * @return true if the reservation was given back; false if this use held none
     */
    boolean unreserve(String code, CodeUse use);

    /**
     * Whether the stored hashes outlive this service instance. A durable vault needs the same
     * {@code codePepper(...)} at every start, or its codes stop matching; a vault that dies with
     * the service may hash under a random key. Default true, the safe answer for any database.
     *
     * @return true if the stored hashes survive a restart of the service
     */
    default boolean durable() {
        return true;
    }
}
