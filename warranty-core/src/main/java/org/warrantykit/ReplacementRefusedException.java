package org.warrantykit;

/**
 * A device swap (RMA) was refused: the replacement cannot carry the faulty unit's warranty (another
 * category, already used or replaced, something granted to it already, the faulty unit not covered
 * that day, or the policy's reason). Nothing was changed.
 */
public final class ReplacementRefusedException extends WarrantyException {
    private final SerialNumber faulty;
    private final SerialNumber replacement;
    private final String reason;

    /**
     * @param faulty      the unit to be taken out of service; not null
     * @param replacement the unit offered in its place; not null
     * @param reason      why, for the back office; not null
     */
    public ReplacementRefusedException(SerialNumber faulty, SerialNumber replacement, String reason) {
        super("Device " + faulty.value() + " cannot be replaced by " + replacement.value() + ": " + reason);
        this.faulty = faulty;
        this.replacement = replacement;
        this.reason = reason;
    }

    /** @return the unit to be taken out of service */
    public SerialNumber faulty() {
        return faulty;
    }

    /** @return the unit offered in its place */
    public SerialNumber replacement() {
        return replacement;
    }

    /** @return why the swap was refused */
    public String reason() {
        return reason;
    }
}
