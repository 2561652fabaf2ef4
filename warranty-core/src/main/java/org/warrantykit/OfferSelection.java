package org.warrantykit;

/**
 * One device of a multi-device order and the offer chosen for it, as the client sent them; the
 * service parses and checks both when the order is placed.
 *
 * @param serial  the device's serial number as typed (parsed when the order is placed)
 * @param offerId an offer id from {@link WarrantyService#offers}, e.g. {@code "EXT-60M"} (any case)
 */
public record OfferSelection(String serial, String offerId) {
    /**
     * Checks that both are given; their content is checked when the order is placed.
     *
     * @param serial  the device's serial number as typed
     * @param offerId the chosen offer id
     * @throws InvalidSerialNumberException if {@code serial} is null
     * @throws InvalidValueException        if {@code offerId} is null, blank or not of the form {@code EXT-<months>M}
     */
    public OfferSelection {
        if (serial == null) {
            throw new InvalidSerialNumberException("", "no serial number given; " + SerialNumber.RULE);
        }
        if (offerId == null || offerId.isBlank()) {
            throw new InvalidValueException("offerId", "no offer chosen for device " + Quoted.of(serial)
                    + "; use an offerId from offers(...), e.g. EXT-60M");
        }
        if (!ExtensionOffer.isOfferId(ExtensionOffer.normalizeId(offerId))) {
            // refused here, so later messages only ever repeat a well-formed id
            throw new InvalidValueException("offerId", Quoted.of(offerId) + " is not an offer id; offer ids look "
                    + "like EXT-60M: use one from offers(...)");
        }
    }

    /**
     * @param serial  the device's serial number as typed
     * @param offerId the chosen offer id
     * @return the selection
     * @throws InvalidSerialNumberException if {@code serial} is null
     * @throws InvalidValueException        if {@code offerId} is null, blank or not of the form {@code EXT-<months>M}
     */
    public static OfferSelection of(String serial, String offerId) {
        return new OfferSelection(serial, offerId);
    }
}
