package org.warrantykit;

/**
 * The policy keeps the device's warranty with its current owner (in some markets the warranty is
 * not transferable); the owner was not changed. The message is the policy's reason.
 */
public final class TransferRefusedException extends WarrantyException {
    /** The device. */
    private final SerialNumber serial;
    /** The policy's reason. */
    private final String reason;

    /**
     * @param serial the device whose transfer was refused; not null
     * @param reason the policy's reason, for the owner; not null
     */
    public TransferRefusedException(SerialNumber serial, String reason) {
        super("The warranty of device " + serial.value() + " cannot be transferred: " + reason);
        this.serial = serial;
        this.reason = reason;
    }

    /** @return the device whose transfer was refused */
    public SerialNumber serial() {
        return serial;
    }

    /** @return the policy's reason, as the rules gave it */
    public String reason() {
        return reason;
    }
}
