package org.warrantykit.rules.facts;

import java.time.LocalDate;

/**
 * Input of a replacement judgement: the swap itself, under the faulty unit's serial (the swap's
 * key: decisions about it, {@link ReplacementPermit} and {@link ReplacementRefusal}, carry it
 * too). The service has checked what every policy requires before asking: both devices exist and
 * are of the same category, nothing is granted to the replacement, the faulty unit is covered on
 * {@code on}.
 *
 * @param serial             the faulty unit's serial number
 * @param replacementSerial  the replacement unit's serial number (its {@link ReplacementUnit} carries it)
 * @param on                 the day of the swap, in the zone of the service's clock
 * @param inForceKind        the kind of the faulty unit's coverage line in force on {@code on}:
 *                           STANDARD, UPGRADE, EXTENSION or PROMOTION
 * @param inForceStart       that line's first covered day
 * @param inForceEnd         that line's last covered day (later lines may follow it)
 */
public record ReplacementFact(
        String serial,
        String replacementSerial,
        LocalDate on,
        String inForceKind,
        LocalDate inForceStart,
        LocalDate inForceEnd) implements DeviceScoped {
}
