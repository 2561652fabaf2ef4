package org.warrantykit;

/** The serial number is well formed but the supply data has no such device. */
public final class UnknownDeviceException extends WarrantyException {
    /** The serial number looked up. */
    private final SerialNumber serial;

    /** @param serial the well-formed serial number no device has; not null (a null is a NullPointerException) */
    public UnknownDeviceException(SerialNumber serial) {
        super("No device with serial number " + serial.value()
                + " is registered; check the number on the device label");
        this.serial = serial;
    }

    /** @return the serial number that was looked up */
    public SerialNumber serial() {
        return serial;
    }
}
