package org.warrantykit.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.warrantykit.Device;

/**
 * What the policy is asked about: a device, the day the decision applies to, and what the ledger
 * already holds for it.
 *
 * @param on         the day the decision applies to (today, or the day a pending upgrade applies)
 * @param upgraded   whether the device already holds an UPGRADE coverage
 * @param currentEnd the last covered day according to the ledger; empty while only the standard
 *                   warranty (computed by the policy itself) applies
 */
public record PolicyQuery(Device device, LocalDate on, boolean upgraded, Optional<LocalDate> currentEnd) {
    public PolicyQuery {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(currentEnd, "currentEnd");
    }

    /** A device that nothing has been granted to yet. */
    public static PolicyQuery fresh(Device device, LocalDate on) {
        return new PolicyQuery(device, on, false, Optional.empty());
    }
}
