package org.warrantykit.rules.facts;

/**
 * Every fact belongs to one device. Several devices are decided in one engine session, so rules
 * join facts on {@code serial} and the engine attributes each fired rule to that device.
 */
public interface DeviceScoped {
    String serial();
}
