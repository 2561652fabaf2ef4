package org.warrantykit;

import java.util.List;

/**
 * The chosen extension cannot be bought for the device now: the policy offers nothing (the
 * message gives its reason) or offers other terms (the message lists them). Nothing was ordered.
 */
public final class OfferUnavailableException extends WarrantyException {
    /** The device. */
    private final SerialNumber serial;
    /** The offer id as asked for. */
    private final String offerId;
    /** The offer ids the device has now. */
    private final List<String> available;

    /**
     * @param serial    the device; not null (a null is a NullPointerException)
     * @param offerId   the offer id as asked for (trimmed, upper-cased)
     * @param available the offer ids the device has now, possibly none; copied, not null (a null is a
     *                  NullPointerException)
     * @param why       why the offer is not available, for the message
     */
    public OfferUnavailableException(SerialNumber serial, String offerId, List<String> available, String why) {
        super("Offer " + offerId + " is not available for device " + serial.value() + ": " + why);
        this.serial = serial;
        this.offerId = offerId;
        this.available = List.copyOf(available);
    }

    /** @return the device the offer was asked for */
    public SerialNumber serial() {
        return serial;
    }

    /** @return the offer id as asked for (trimmed, upper-cased) */
    public String offerId() {
        return offerId;
    }

    /** @return the offer ids the device has now, unmodifiable; empty when it has none */
    public List<String> available() {
        return available;
    }
}
