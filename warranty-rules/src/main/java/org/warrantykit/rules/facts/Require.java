package org.warrantykit.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The checks output facts run in their canonical constructors. They run inside the rules'
 * consequences on every decision, so they are plain comparisons: a validation framework per fact
 * was a measurable share of a bulk recompute (docs/performance.md, round 2).
 */
final class Require {
    private Require() {
    }

    static void notBlank(String fact, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFactException(fact, field, value == null ? null : '"' + value + '"', "must not be blank");
        }
    }

    static void oneOf(String fact, String field, String value, java.util.List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidFactException(fact, field, value == null ? null : '"' + value + '"',
                    "must be one of " + String.join(", ", allowed));
        }
    }

    static void notNull(String fact, String field, LocalDate value) {
        if (value == null) {
            throw new InvalidFactException(fact, field, null, "is required");
        }
    }

    static void positive(String fact, String field, int value) {
        if (value <= 0) {
            throw new InvalidFactException(fact, field, value, "must be positive");
        }
    }

    static void zeroOrMore(String fact, String field, int value) {
        if (value < 0) {
            throw new InvalidFactException(fact, field, value, "must be zero or positive");
        }
    }

    static void zeroOrMore(String fact, String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidFactException(fact, field, null, "is required");
        }
        if (value.signum() < 0) {
            throw new InvalidFactException(fact, field, value.toPlainString(), "must be zero or positive");
        }
    }

    static void between(String fact, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidFactException(fact, field, value, "must be between " + min + " and " + max);
        }
    }

    static void currencyCode(String fact, String field, String value) {
        if (value == null || value.length() != 3 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new InvalidFactException(fact, field, value == null ? null : '"' + value + '"',
                    "must be an ISO 4217 code of three capital letters");
        }
    }
}
