package org.warrantykit;

/**
 * One device of a multi-device order and the offer chosen for it, as the client sent them; the
 * service parses and checks both when the order is placed.
 */
public record OfferSelection(String serial, String offerId) {
    public OfferSelection {
        if (serial == null) {
            throw new InvalidSerialNumberException("", "no serial number given; " + SerialNumber.RULE);
        }
        if (offerId == null || offerId.isBlank()) {
            throw new InvalidValueException("offerId", "no offer chosen for device " + serial
                    + "; use an offerId from offers(...), e.g. EXT-60M");
        }
    }

    public static OfferSelection of(String serial, String offerId) {
        return new OfferSelection(serial, offerId);
    }
}
