package org.warrantykit;

import java.time.LocalDate;

/**
 * The device was swapped for another unit (RMA) and its warranty moved there: codes, purchases,
 * upgrades, certificates and transfers go to the replacement. Nothing was changed.
 */
public final class DeviceReplacedException extends WarrantyException {
    private final SerialNumber serial;
    private final SerialNumber replacedBy;
    private final LocalDate on;

    /**
     * @param serial     the replaced device; not null
     * @param replacedBy the unit that carries its warranty; not null
     * @param on         the first day the replacement carries it; not null
     */
    public DeviceReplacedException(SerialNumber serial, SerialNumber replacedBy, LocalDate on) {
        super("Device " + serial.value() + " was replaced by " + replacedBy.value() + " on " + on
                + "; its warranty continues on " + replacedBy.value() + ", so use that serial number");
        this.serial = serial;
        this.replacedBy = replacedBy;
        this.on = on;
    }

    /** @return the replaced device */
    public SerialNumber serial() {
        return serial;
    }

    /** @return the unit that carries its warranty */
    public SerialNumber replacedBy() {
        return replacedBy;
    }

    /** @return the first day the replacement carries the warranty */
    public LocalDate on() {
        return on;
    }
}
