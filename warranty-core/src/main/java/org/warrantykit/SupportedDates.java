package org.warrantykit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendar the library works in: days from {@link #EARLIEST} to {@link #LATEST}, instants within
 * those days (UTC). Supply data, online reports, inquiry days and code validity outside it are refused
 * at the door: a warranty computed from year -999999999 or +999999999 overflows every date it adds
 * terms to, and would break the device for every later call.
 */
public final class SupportedDates {
    /** The first supported day. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    /** The last supported day; far beyond any warranty a device made today can reach. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private SupportedDates() {
    }

    /**
     * Returns {@code day} if it is supported.
     *
     * @param field what the day is, for the message
     * @param day   the day
     * @return {@code day}
     * @throws InvalidValueException if {@code day} is null or outside {@link #EARLIEST} to {@link #LATEST}
     */
    public static LocalDate require(String field, LocalDate day) {
        InvalidValueException.require(field, day);
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidValueException(field, day + " is outside the supported days " + EARLIEST + " to " + LATEST);
        }
        return day;
    }

    /**
     * Returns {@code instant} if it lies within the supported days (UTC).
     *
     * @param field   what the instant is, for the message
     * @param instant the instant
     * @return {@code instant}
     * @throws InvalidValueException if {@code instant} is null or outside the supported days
     */
    public static Instant require(String field, Instant instant) {
        InvalidValueException.require(field, instant);
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
            throw new InvalidValueException(field, instant + " is outside the supported days " + EARLIEST + " to "
                    + LATEST + " (UTC)");
        }
        return instant;
    }
}
