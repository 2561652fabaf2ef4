package org.warrantykit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One grant of warranty: an inclusive span of days ({@code end} is the last covered day) and
 * where it came from. {@code source} names the origin (a batch, a campaign, an order), never a
 * redeemable code.
 */
public record Coverage(CoverageKind kind, LocalDate start, LocalDate end, String source) {
    public Coverage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (source == null || source.isBlank()) {
            throw new InvalidValueException("source", kind + " coverage needs a source");
        }
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", kind + " coverage ends " + end + " before it starts " + start);
        }
    }

    /** A coverage of {@code years} that begins the day after this one ends (grants never overlap or gap). */
    public Coverage followedBy(CoverageKind nextKind, int years, String nextSource) {
        return followedByMonths(nextKind, years * 12, nextSource);
    }

    /** As {@link #followedBy} for a term in months; the new end is {@code end.plusMonths(months)}. */
    public Coverage followedByMonths(CoverageKind nextKind, int months, String nextSource) {
        if (months <= 0) {
            throw new InvalidValueException("months", "a term must be positive, was " + months);
        }
        return new Coverage(nextKind, end.plusDays(1), end.plusMonths(months), nextSource);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
