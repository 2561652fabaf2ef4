package org.warrantykit;

/**
 * No certificate can be issued for the device now: its warranty is neither upgraded nor extended.
 * The message says what the owner can do about it.
 */
public final class CertificateUnavailableException extends WarrantyException {
    /** The device. */
    private final SerialNumber serial;

    /**
     * @param serial the device; not null (a null is a NullPointerException)
     * @param why    what stands in the way and what the owner can do, for the message
     */
    public CertificateUnavailableException(SerialNumber serial, String why) {
        super("No warranty certificate for device " + serial.value() + ": " + why);
        this.serial = serial;
    }

    /** @return the device no certificate could be issued for */
    public SerialNumber serial() {
        return serial;
    }
}
