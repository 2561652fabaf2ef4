package org.warrantykit.rules.facts;

import java.time.LocalDate;

/**
 * Input of a code decision: the device a code is entered for, flattened like {@link DeviceFact},
 * with its current end always known. A separate type from {@code DeviceFact}, so that the standard,
 * upgrade and pricing rules do not run for a code decision, nor code rules for a device decision.
 *
 * @param installDate null when never installed
 * @param onlineSince day the device first sent data, in the zone of the service's clock (as {@code on} is);
 *                    null when never online
 * @param on          the redemption day
 * @param upgraded    whether the free upgrade was granted
 * @param currentEnd  the last covered day now (ledger, or the standard end while nothing was granted)
 */
public record CodeDevice(
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
