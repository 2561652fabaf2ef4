package org.warrantykit;

/** The serial number is well formed but the supply data has no such device. */
public final class UnknownDeviceException extends WarrantyException {
    private final SerialNumber serial;

    public UnknownDeviceException(SerialNumber serial) {
        super("No device with serial number " + serial.value()
                + " is registered; check the number on the device label");
        this.serial = serial;
    }

    public SerialNumber serial() {
        return serial;
    }
}
