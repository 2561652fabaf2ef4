package org.warrantykit;

import java.time.Instant;
import java.util.Optional;

/**
 * A code was not redeemed. {@link #reason()} says which check refused it and the message says
 * what the person can do. Nothing was granted and no code or promotion use was consumed; the
 * attempt does count toward the account's lockout (except a {@link Reason#LOCKED_OUT} one).
 * Messages never repeat an extension code in clear.
 */
public final class CodeRejectedException extends WarrantyException {

    /** Why a code was refused, in the order the checks run. */
    public enum Reason {
        /** Not a code's shape, or a typo caught by the check character; nothing was looked up. */
        MALFORMED,
        /** Well formed, but no such extension code was issued / no such promotion exists. */
        UNKNOWN,
        /**
         * The extension code was redeemed already, the promotion was redeemed for this device, or all
         * its redemptions are taken.
         */
        ALREADY_USED,
        /** The extension code's expiry date passed, or the day is outside the promotion's validity window. */
        EXPIRED,
        /** The rule set refused it for this device; the message names the rule. */
        NOT_APPLICABLE,
        /** Too many failed attempts by this account recently; see {@link #retryAfter()}. */
        LOCKED_OUT
    }

    /** Which check refused the code. */
    private final Reason reason;
    /** For LOCKED_OUT, when to try again; else null. */
    private final Instant retryAfter;

    /**
     * A refusal without a retry instant ({@link #retryAfter()} is empty).
     *
     * @param reason  which check refused the code
     * @param message what the person can do, without the code in clear
     * @throws InvalidValueException if {@code reason} is null
     */
    public CodeRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason     which check refused the code
     * @param message    what the person can do, without the code in clear
     * @param retryAfter the earliest instant a new attempt may be judged (for LOCKED_OUT); null for none
     * @throws InvalidValueException if {@code reason} is null
     */
    public CodeRejectedException(Reason reason, String message, Instant retryAfter) {
        super(message);
        this.reason = InvalidValueException.require("reason", reason);
        this.retryAfter = retryAfter;
    }

    /** @return which check refused the code, never null */
    public Reason reason() {
        return reason;
    }

    /**
     * For {@link Reason#LOCKED_OUT}: the earliest instant (service clock) a new attempt may be judged.
     *
     * @return that instant; empty for the other reasons
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
