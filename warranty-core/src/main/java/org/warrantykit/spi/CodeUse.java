package org.warrantykit.spi;

import java.time.Instant;
import org.warrantykit.AccountId;
import org.warrantykit.InvalidValueException;
import org.warrantykit.SerialNumber;

/**
 * Who redeemed a code or a promotion, for which device and when. Kept with the claim so that an
 * operator can reconcile a claim whose grant was never written (e.g. after a crash between the two).
 */
public record CodeUse(SerialNumber serial, AccountId account, Instant at) {
    public CodeUse {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("account", account);
        InvalidValueException.require("at", at);
    }
}
