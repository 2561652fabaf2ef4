package org.warrantykit.spi;

/** Outcome of {@link CodeVault#reserve}. */
public enum CampaignReservation {
    /** One redemption of the campaign is now held for the device. */
    RESERVED,
    /** The device redeemed (or is redeeming) this campaign already. */
    DEVICE_ALREADY_REDEEMED,
    /** Every redemption the campaign allows is taken. */
    LIMIT_REACHED,
    /** No campaign with this code is stored. */
    UNKNOWN_CAMPAIGN
}
