package org.warrantykit;

import java.time.LocalDate;
import java.util.Set;

/**
 * One grant of warranty: an inclusive span of days ({@code end} is the last covered day) and
 * where it came from, and what it pays for. The scope is decided by the rules when the line is
 * granted and frozen with the dates: a later rule change never alters it.
 *
 * @param kind   why the span exists
 * @param start  first covered day
 * @param end    last covered day, inclusive; not before {@code start}
 * @param source the origin (a batch, a campaign, an order), never a redeemable code
 * @param covers what the line pays for: non-empty, unmodifiable, in {@link Covered} order
 */
public record Coverage(CoverageKind kind, LocalDate start, LocalDate end, CoverageSource source, Set<Covered> covers) {
    /**
     * Checks the span.
     *
     * @param kind   why the span exists
     * @param start  first covered day
     * @param end    last covered day, inclusive
     * @param source the origin
     * @param covers what it pays for; copied ({@link Covered#scope(java.util.Collection)})
     * @throws InvalidValueException if a value is null, {@code covers} is empty or {@code end} is before {@code start}
     */
    public Coverage {
        InvalidValueException.require("kind", kind);
        InvalidValueException.require("start", start);
        InvalidValueException.require("end", end);
        InvalidValueException.require("source", source);
        covers = Covered.scope(covers);
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
     * @param covers the scope's stored form ({@link Covered#parse}), e.g. {@code "PARTS,LABOUR"}
     * @throws InvalidValueException if a value is missing, the source blank, the scope not one, or
     *                               {@code end} before {@code start}
     */
    public Coverage(CoverageKind kind, LocalDate start, LocalDate end, String source, String covers) {
        this(kind, start, end, CoverageSource.parse(source), Covered.parse(covers));
    }

    /**
     * A coverage of {@code years} that begins the day after this one ends (grants never overlap or gap).
     *
     * @param nextKind   the new coverage's kind
     * @param years      its term in years, at least 1
     * @param nextSource its origin
     * @param nextCovers what it pays for
     * @return the new coverage, ending on {@code end.plusMonths(years * 12)}
     * @throws InvalidValueException if {@code years} is not positive, a value is null or the scope empty
     */
    public Coverage followedBy(CoverageKind nextKind, int years, CoverageSource nextSource, Set<Covered> nextCovers) {
        return followedByMonths(nextKind, years * 12, nextSource, nextCovers);
    }

    /**
     * As {@link #followedBy} for a term in months; the new end is {@code end.plusMonths(months)}.
     *
     * @param nextKind   the new coverage's kind
     * @param months     its term in months, at least 1
     * @param nextSource its origin
     * @param nextCovers what it pays for
     * @return the new coverage, starting the day after {@code end}
     * @throws InvalidValueException if {@code months} is not positive, a value is null or the scope empty
     */
    public Coverage followedByMonths(CoverageKind nextKind, int months, CoverageSource nextSource,
                                     Set<Covered> nextCovers) {
        if (months <= 0) {
            throw new InvalidValueException("months", "a term must be positive, was " + months);
        }
        return new Coverage(nextKind, end.plusDays(1), end.plusMonths(months), nextSource, nextCovers);
    }

    /**
     * This line with another scope, dates and source unchanged.
     *
     * @param scope the scope
     * @return the line covering {@code scope}
     * @throws InvalidValueException if {@code scope} is null or empty
     */
    public Coverage withCovers(Set<Covered> scope) {
        return new Coverage(kind, start, end, source, scope);
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
