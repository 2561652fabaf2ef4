package org.warrantykit;

import java.util.List;

/**
 * The chosen extension cannot be bought for the device now: the policy offers nothing (the
 * message gives its reason) or offers other terms (the message lists them). Nothing was ordered.
 */
public final class OfferUnavailableException extends WarrantyException {
    private final SerialNumber serial;
    private final String offerId;
    private final List<String> available;

    public OfferUnavailableException(SerialNumber serial, String offerId, List<String> available, String why) {
        super("Offer " + offerId + " is not available for device " + serial.value() + ": " + why);
        this.serial = serial;
        this.offerId = offerId;
        this.available = List.copyOf(available);
    }

    public SerialNumber serial() {
        return serial;
    }

    /** The offer id as asked for (trimmed, upper-cased). */
    public String offerId() {
        return offerId;
    }

    /** The offer ids the device has now; empty when it has none. */
    public List<String> available() {
        return available;
    }
}
