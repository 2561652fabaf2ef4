package org.warrantykit.rules.facts;

/**
 * Every fact belongs to one device. Several devices are decided in one engine session, so rules
 * join facts on {@code serial} and the engine attributes each fired rule to that device.
 */
public interface DeviceScoped {
    /**
         * The serial number of the device this fact belongs to.
         *
         * @return the serial, as the device fact carries it
         */

    String serial();
}
