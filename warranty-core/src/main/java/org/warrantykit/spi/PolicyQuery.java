package org.warrantykit.spi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;

/**
 * What the policy is asked about: a device, the day the decision applies to, and what the ledger
 * already holds for it.
 *
 * @param device     the device decided on
 * @param on         the day the decision applies to (today, or the day a pending upgrade applies)
 * @param upgraded   whether the device already holds an UPGRADE coverage
 * @param currentEnd the last covered day according to the ledger; empty while only the standard
 *                   warranty (computed by the policy itself) applies
 * @param zone       the zone of the service's clock, in which {@code on} is a day; instants of the
 *                   device (when it came online) become days in it too
 */
public record PolicyQuery(Device device, LocalDate on, boolean upgraded, Optional<LocalDate> currentEnd, ZoneId zone) {
    /**
     * Validates the query.
     *
     * @param device     the device
     * @param on         the decision's day
     * @param upgraded   whether it is upgraded
     * @param currentEnd the ledger's last covered day; {@code Optional.empty()}, never null, when none
     * @param zone       the service clock's zone
     * @throws InvalidValueException if any component is null
     */
    public PolicyQuery {
        InvalidValueException.require("device", device);
        InvalidValueException.require("on", on);
        InvalidValueException.require("currentEnd", currentEnd);
        InvalidValueException.require("zone", zone);
    }

    /**
     * A query whose days are UTC days (as for a service on a UTC clock, the default).
     *
     * @param device     the device
     * @param on         the decision's day
     * @param upgraded   whether it is upgraded
     * @param currentEnd the ledger's last covered day; {@code Optional.empty()}, never null, when none
     * @throws InvalidValueException if an object argument is null
     */
    public PolicyQuery(Device device, LocalDate on, boolean upgraded, Optional<LocalDate> currentEnd) {
        this(device, on, upgraded, currentEnd, ZoneOffset.UTC);
    }

    /**
     * The day, in {@link #zone}, the device first sent data; empty while it never has.
     *
     * @return the device's first online day in {@link #zone}; empty while it never came online
     */
    public Optional<LocalDate> onlineDay() {
        return device.onlineSince().map(at -> LocalDate.ofInstant(at, zone));
    }

    /**
     * A device that nothing has been granted to yet.
     *
     * @param device the device
     * @param on     the decision's day, a UTC day
     * @return a query with {@code upgraded} false and no ledger end
     * @throws InvalidValueException if {@code device} or {@code on} is null
     */
    public static PolicyQuery fresh(Device device, LocalDate on) {
        return new PolicyQuery(device, on, false, Optional.empty());
    }
}
