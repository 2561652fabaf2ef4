package org.warrantykit;

import java.time.LocalDate;

/**
 * One grant of warranty: an inclusive span of days ({@code end} is the last covered day) and
 * where it came from.
 *
 * @param kind   why the span exists
 * @param start  first covered day
 * @param end    last covered day, inclusive; not before {@code start}
 * @param source the origin (a batch, a campaign, an order), never a redeemable code
 */
public record Coverage(CoverageKind kind, LocalDate start, LocalDate end, CoverageSource source) {
    /**
     * Checks the span.
     *
     * @param kind   why the span exists
     * @param start  first covered day
     * @param end    last covered day, inclusive
     * @param source the origin
     * @throws InvalidValueException if a value is null or {@code end} is before {@code start}
     */
    public Coverage {
        InvalidValueException.require("kind", kind);
        InvalidValueException.require("start", start);
        InvalidValueException.require("end", end);
        InvalidValueException.require("source", source);
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", kind + " coverage ends " + end + " before it starts " + start);
        }
    }

    /**
     * A coverage with its source in text form, as stores keep it ({@link CoverageSource#parse}).
     *
     * @param kind   why the span exists
     * @param start  first covered day
     * @param end    last covered day, inclusive
     * @param source the source's text form, e.g. {@code "promotion SUMMER25"}
     * @throws InvalidValueException if a value is missing, the source blank, or {@code end} before {@code start}
     */
    public Coverage(CoverageKind kind, LocalDate start, LocalDate end, String source) {
        this(kind, start, end, CoverageSource.parse(source));
    }

    /**
     * A coverage of {@code years} that begins the day after this one ends (grants never overlap or gap).
     *
     * @param nextKind   the new coverage's kind
     * @param years      its term in years, at least 1
     * @param nextSource its origin
     * @return the new coverage, ending on {@code end.plusMonths(years * 12)}
     * @throws InvalidValueException if {@code years} is not positive or {@code nextKind} or
     *                               {@code nextSource} is null
     */
    public Coverage followedBy(CoverageKind nextKind, int years, CoverageSource nextSource) {
        return followedByMonths(nextKind, years * 12, nextSource);
    }

    /**
     * As {@link #followedBy} for a term in months; the new end is {@code end.plusMonths(months)}.
     *
     * @param nextKind   the new coverage's kind
     * @param months     its term in months, at least 1
     * @param nextSource its origin
     * @return the new coverage, starting the day after {@code end}
     * @throws InvalidValueException if {@code months} is not positive or {@code nextKind} or
     *                               {@code nextSource} is null
     */
    public Coverage followedByMonths(CoverageKind nextKind, int months, CoverageSource nextSource) {
        if (months <= 0) {
            throw new InvalidValueException("months", "a term must be positive, was " + months);
        }
        return new Coverage(nextKind, end.plusDays(1), end.plusMonths(months), nextSource);
    }

    /**
     * Whether {@code day} lies within this coverage, both ends included.
     *
     * @param day the day; not null (a null is an InvalidValueException)
     * @return whether {@code start <= day <= end}
     */
    public boolean covers(LocalDate day) {
        return !InvalidValueException.require("day", day).isBefore(start) && !day.isAfter(end);
    }

    /**
     * Whether the two coverages meet with neither a gap nor an overlap: one begins the day after the
     * other ends, in either order (as a date range's {@code abuts}).
     *
     * @param other the other coverage
     * @return whether they abut
     * @throws InvalidValueException if {@code other} is null
     */
    public boolean abuts(Coverage other) {
        InvalidValueException.require("other", other);
        return other.start.equals(end.plusDays(1)) || start.equals(other.end.plusDays(1));
    }

    /**
     * Whether {@code next} abuts this coverage and comes after it: the next link of a warranty.
     *
     * @param next the candidate next coverage
     * @return whether {@code next} starts the day after this one ends
     * @throws InvalidValueException if {@code next} is null
     */
    public boolean isFollowedBy(Coverage next) {
        return abuts(next) && next.start.isAfter(end);
    }
}
