package org.warrantykit.spi;

import java.time.Instant;
import java.time.LocalDate;
import org.warrantykit.InvalidValueException;
import org.warrantykit.SerialNumber;

/**
 * One device swap (RMA): from {@code on}, {@code replacement} carries what was left of
 * {@code faulty}'s warranty, and {@code faulty}'s warranty ends the day before.
 *
 * @param faulty      the unit taken out of service
 * @param replacement the unit put in its place
 * @param on          the first day the replacement carries the warranty
 * @param recordedAt  when the swap was recorded (a view as of an earlier day shows the old picture)
 */
public record Replacement(SerialNumber faulty, SerialNumber replacement, LocalDate on, Instant recordedAt) {
    /**
     * Validates the swap.
     *
     * @throws InvalidValueException if a component is null or the two serial numbers are the same
     */
    public Replacement {
        InvalidValueException.require("faulty", faulty);
        InvalidValueException.require("replacement", replacement);
        InvalidValueException.require("on", on);
        InvalidValueException.require("recordedAt", recordedAt);
        if (faulty.equals(replacement)) {
            throw new InvalidValueException("replacement", "a device cannot replace itself: " + faulty.value());
        }
    }
}
