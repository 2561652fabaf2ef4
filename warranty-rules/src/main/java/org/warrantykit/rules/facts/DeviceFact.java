package org.warrantykit.rules.facts;

import java.time.LocalDate;

/**
 * The one input fact per device: supply data plus what the ledger holds, flattened so that rules
 * can test fields directly. Absent values are {@code null} (test with {@code != null}).
 *
 * @param category    INVERTER, BATTERY or ACCESSORY
 * @param region      ISO 3166 country code, upper-case
 * @param installDate null when never installed
 * @param onlineSince day the device first sent data, in the zone of the service's clock (as {@code on} is);
 *                    null when never online
 * @param on          the day the decision applies to
 * @param upgraded    whether the free upgrade was already granted
 * @param currentEnd  last covered day per the ledger; null while only the standard warranty applies
 */
public record DeviceFact(
        String serial,
        String model,
        String category,
        String region,
        LocalDate productionDate,
        LocalDate shipDate,
        LocalDate installDate,
        LocalDate onlineSince,
        LocalDate on,
        boolean upgraded,
        LocalDate currentEnd) implements InstalledDevice {
}
