package org.warrantykit;

/** Product category, as the supply data knows it. */
public enum Category {
    /** An inverter. */
    INVERTER,
    /** A battery. */
    BATTERY,
    /** Any other product (meters, cables, mounting kits, ...). */
    ACCESSORY
}
