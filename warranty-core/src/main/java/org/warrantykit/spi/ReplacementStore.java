package org.warrantykit.spi;

import java.util.Optional;
import org.warrantykit.SerialNumber;

/**
 * The device swaps (RMA) recorded through the service. Each device is replaced at most once and
 * used as a replacement at most once; a device that was replaced never becomes a replacement. A
 * replacement may itself be replaced later (A replaced by B, then B by C).
 */
public interface ReplacementStore {

    /**
     * The swap that took the device out of service, if any.
     *
     * @param faulty the device
     * @return the swap in which it was the faulty unit; empty when it was never replaced
     */
    Optional<Replacement> replacementOf(SerialNumber faulty);

    /**
     * The swap the device came from, if it was put in place of another.
     *
     * @param replacement the device
     * @return the swap in which it was the replacement; empty when it replaced nothing
     */
    Optional<Replacement> replacing(SerialNumber replacement);

    /**
     * Records the swap if its faulty device was never replaced, its replacement was never used as
     * one and was never replaced itself. Returns false and records nothing otherwise; of concurrent
     * calls for one faulty device or one replacement, at most one succeeds.
     *
     * @param replacement the swap
     * @return true if it was recorded
     */
    boolean record(Replacement replacement);

    /**
     * Removes a swap this service recorded and could not complete (the replacement's ledger moved
     * first). Only stores without transactions need it: in a transaction the rollback removes it.
     *
     * @param replacement the swap exactly as recorded
     * @return true if it was removed; false if no such swap was recorded
     */
    boolean withdraw(Replacement replacement);
}
