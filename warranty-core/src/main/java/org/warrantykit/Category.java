package org.warrantykit;

/** Product category, as the supply data knows it. */
public enum Category {
    INVERTER, BATTERY, ACCESSORY
}
