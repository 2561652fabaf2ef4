package org.warrantykit;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a coverage line pays for when a covered device fails: the maker's terms distinguish the
 * replacement parts, the installer's labour and the transport of replacement units. A line's scope
 * ({@link Coverage#covers()}) is a non-empty set of these, decided by the rules when it is granted.
 */
public enum Covered {
    /** Replacement parts or units (materials). */
    PARTS,
    /** The installer's labour to diagnose and swap. */
    LABOUR,
    /** Transport of replacement units to and from the site. */
    TRANSPORT;

    private static final Set<String> REGIONS_WITH_TRANSPORT = Set.of(
            // the EU
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            // the rest of the EEA, GB and CH
            "IS", "LI", "NO", "GB", "CH");

    /**
     * A scope: the given items, unmodifiable, iterating in declaration order (PARTS, LABOUR, TRANSPORT).
     *
     * @param items at least one item
     * @return the scope
     * @throws InvalidValueException if {@code items} is null, empty or holds a null
     */
    public static Set<Covered> scope(Collection<Covered> items) {
        InvalidValueException.require("covers", items);
        if (items.isEmpty()) {
            throw new InvalidValueException("covers", "a coverage covers at least one of " + List.of(values()));
        }
        for (Covered item : items) { // not contains(null): immutable collections throw on it
            if (item == null) {
                throw new InvalidValueException("covers", "a scope holds no null, was " + items);
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(items));
    }

    /**
     * As {@link #scope(Collection)} for items given one by one.
     *
     * @param first the first item
     * @param more  any further items
     * @return the scope
     * @throws InvalidValueException if an item is null
     */
    public static Set<Covered> scope(Covered first, Covered... more) {
        InvalidValueException.require("covers", first);
        EnumSet<Covered> items = EnumSet.of(first);
        for (Covered item : InvalidValueException.require("covers", more)) {
            items.add(InvalidValueException.require("covers", item));
        }
        return Collections.unmodifiableSet(items);
    }

    /**
     * The stored form of a scope, as ledgers and certificates keep it: names joined by commas in
     * declaration order, e.g. {@code "PARTS,LABOUR"}.
     *
     * @param scope a non-empty scope
     * @return its stored form
     * @throws InvalidValueException if {@code scope} is null, empty or holds a null
     */
    public static String format(Set<Covered> scope) {
        return scope(scope).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * Reads a stored form back ({@link #format}); blanks around names are ignored, case is not.
     *
     * @param text e.g. {@code "PARTS,LABOUR"}
     * @return the scope
     * @throws InvalidValueException if {@code text} is null, blank or names something not covered
     */
    public static Set<Covered> parse(String text) {
        InvalidValueException.require("covers", text);
        EnumSet<Covered> items = EnumSet.noneOf(Covered.class);
        for (String name : text.split(",", -1)) {
            try {
                items.add(valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("covers", Quoted.of(text) + " is not a scope: "
                        + Quoted.of(name.strip()) + " is not one of " + List.of(values()));
            }
        }
        return scope(items);
    }

    /**
     * The scope in words for a person: {@code "parts only"}, {@code "parts and labour"},
     * {@code "parts, labour and transport"}.
     *
     * @param scope a non-empty scope
     * @return the words, in English
     * @throws InvalidValueException if {@code scope} is null, empty or holds a null
     */
    public static String describe(Set<Covered> scope) {
        List<String> words = scope(scope).stream().map(Covered::word).toList();
        if (words.size() == 1) {
            return words.get(0) + " only";
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** @return the item in one English word for a person: {@code "parts"}, {@code "labour"}, {@code "transport"} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the default policy grants for a line of this kind in this region: the scope a line
     * granted before scopes were recorded reads as, so nothing granted then is lost. STANDARD,
     * EXTENSION and PROMOTION: parts and labour, plus transport in the EU/EEA, GB and CH; UPGRADE:
     * parts only.
     *
     * @param kind   the line's kind
     * @param region the device's ISO country code (upper-case)
     * @return the scope
     * @throws InvalidValueException if a value is null
     */
    public static Set<Covered> grantedBeforeScopes(CoverageKind kind, String region) {
        InvalidValueException.require("kind", kind);
        InvalidValueException.require("region", region);
        if (kind == CoverageKind.UPGRADE) {
            return scope(PARTS);
        }
        return REGIONS_WITH_TRANSPORT.contains(region) ? scope(PARTS, LABOUR, TRANSPORT) : scope(PARTS, LABOUR);
    }
}
