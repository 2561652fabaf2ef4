package org.warrantykit;

/**
 * What the owner may do next with an upgraded device. A device with only its standard coverage has
 * none of them.
 */
public enum Action {
    /** Enter an extension or promotion code ({@link WarrantyService#redeem}); while the warranty runs. */
    EDIT,
    /** Download a signed certificate ({@link WarrantyService#certificate}); also once it has expired. */
    DOWNLOAD_CERTIFICATE,
    /** Buy an extension online ({@link WarrantyService#offers}); when the policy offers terms now. */
    BUY_EXTENSION
}
