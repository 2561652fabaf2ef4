package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.AccountId;
import org.warrantykit.InvalidValueException;
import org.warrantykit.SerialNumber;

/**
 * Who redeemed a code or a promotion, for which device and when. Kept with the claim so that an
 * operator can reconcile a claim whose grant was never written (e.g. after a crash between the two).
 *
 * @param serial  the device the code was applied to
 * @param account the account that redeemed it
 * @param at      when
 */
public record CodeUse(SerialNumber serial, AccountId account, Instant at) {
    /**
     * Validates the use.
     *
     * @param serial  the device
     * @param account the redeeming account
     * @param at      when
     * @throws InvalidValueException if any component is null
     */
    public CodeUse {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("account", account);
        InvalidValueException.require("at", at);
    }
}
