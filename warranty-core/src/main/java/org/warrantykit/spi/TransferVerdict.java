package org.warrantykit.spi;

import org.warrantykit.InvalidValueException;

/**
 * Whether the warranty may pass to a new owner with the device (a house sale), and why. Markets
 * differ: the EU terms let the warranty follow the device, others keep it with the original owner.
 *
 * @param allowed whether a transfer of ownership takes the warranty along
 * @param reason  a sentence for the owner: what allows it, or why it is refused
 */
public record TransferVerdict(boolean allowed, String reason) {
    /**
     * Validates the verdict.
     *
     * @param allowed whether a transfer is allowed
     * @param reason  the owner's sentence
     * @throws InvalidValueException if {@code reason} is null or blank
     */
    public TransferVerdict {
        InvalidValueException.require("reason", reason);
        if (reason.isBlank()) {
            throw new InvalidValueException("reason", "a transfer verdict needs a reason");
        }
    }

    /**
     * A transfer the policy allows.
     *
     * @param reason what allows it
     * @return the verdict
     * @throws InvalidValueException if {@code reason} is null or blank
     */
    public static TransferVerdict allow(String reason) {
        return new TransferVerdict(true, reason);
    }

    /**
     * A transfer the policy refuses.
     *
     * @param reason why, for the owner
     * @return the verdict
     * @throws InvalidValueException if {@code reason} is null or blank
     */
    public static TransferVerdict refuse(String reason) {
        return new TransferVerdict(false, reason);
    }
}
