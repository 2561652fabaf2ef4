package org.warrantykit;

/**
 * No certificate can be issued for the device now: its warranty is neither upgraded nor extended.
 * The message says what the owner can do about it.
 */
public final class CertificateUnavailableException extends WarrantyException {
    private final SerialNumber serial;

    public CertificateUnavailableException(SerialNumber serial, String why) {
        super("No warranty certificate for device " + serial.value() + ": " + why);
        this.serial = serial;
    }

    public SerialNumber serial() {
        return serial;
    }
}
