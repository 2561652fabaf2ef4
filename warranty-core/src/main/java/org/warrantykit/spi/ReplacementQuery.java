package org.warrantykit.spi;

import java.time.LocalDate;
import java.time.ZoneId;
import org.warrantykit.Coverage;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;

/**
 * What the rules are asked when a faulty unit is to be swapped: may {@code replacement} carry
 * {@code faulty}'s remaining warranty from {@code on}? The service has already checked what every
 * policy requires (both devices exist, the same category, the replacement has nothing granted, the
 * faulty unit is covered on {@code on}).
 *
 * @param faulty      the unit taken out of service, as the service sees it (owner, online time)
 * @param replacement the unit put in its place
 * @param on          the day of the swap
 * @param inForce     the faulty unit's coverage line in force on {@code on}
 * @param zone        the service clock's zone
 */
public record ReplacementQuery(Device faulty, Device replacement, LocalDate on, Coverage inForce, ZoneId zone) {
    /**
     * Validates the query.
     *
     * @throws InvalidValueException if a component is null
     */
    public ReplacementQuery {
        InvalidValueException.require("faulty", faulty);
        InvalidValueException.require("replacement", replacement);
        InvalidValueException.require("on", on);
        InvalidValueException.require("inForce", inForce);
        InvalidValueException.require("zone", zone);
    }
}
