package org.warrantykit;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extension the owner can buy online for one device now: {@code months} more cover for
 * {@code price} (one-time, VAT excluded), ending on {@code newEnd} if bought today.
 *
 * @param months  the term, 1 to {@link #MAX_MONTHS} months
 * @param price   the one-time price, VAT excluded, not negative
 * @param offerId stable for a term ({@code "EXT-60M"} is always 60 months), so a client may keep
 *                it between showing the offers and buying; the price is fixed only when the order
 *                is placed
 * @param newEnd  the device's current end plus {@code months}; a purchase paid later still
 *                starts the day after the device's end at payment time
 * @param covers  what the bought months will pay for (parts, labour, transport); non-empty, unmodifiable
 */
public record ExtensionOffer(String offerId, int months, Money price, LocalDate newEnd, Set<Covered> covers) {
    /** The longest term an offer may have (its id has at most four digits). */
    public static final int MAX_MONTHS = 9999;

    private static final Pattern ID = Pattern.compile("EXT-[1-9][0-9]{0,3}M");

    /**
     * Checks the offer.
     *
     * @param offerId {@code idFor(months)}
     * @param months  the term, at least 1
     * @param price   the price, not negative
     * @param newEnd  the end if bought today
     * @param covers  what the months pay for; copied
     * @throws InvalidValueException if a value is null, {@code covers} is empty, {@code months} is not 1 to {@link #MAX_MONTHS}, {@code offerId} is not
     *                               {@code idFor(months)} or the price is negative
     */
    public ExtensionOffer {
        InvalidValueException.require("price", price);
        InvalidValueException.require("newEnd", newEnd);
        covers = Covered.scope(covers);
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidValueException("months", "an extension adds 1 to " + MAX_MONTHS + " months, was " + months);
        }
        if (!idFor(months).equals(offerId)) {
            throw new InvalidValueException("offerId", "the offer of " + months + " months is \"" + idFor(months)
                    + "\", was " + Quoted.of(offerId));
        }
        if (price.isNegative()) {
            throw new InvalidValueException("price", "an offer price cannot be negative, was " + price);
        }
    }

    /**
     * The offer id of a term: {@code "EXT-" + months + "M"}.
     *
     * @param months the term in months
     * @return the offer id, e.g. {@code "EXT-60M"}
     */
    public static String idFor(int months) {
        return "EXT-" + months + "M";
    }

    /** Whether {@code id} has the form {@link #idFor} gives, for 1 to 9999 months. */
    static boolean isOfferId(String id) {
        return ID.matcher(id).matches();
    }

    /** The offer id as a client sent it, trimmed and upper-cased ({@code " ext-60m"} is {@code "EXT-60M"}). */
    static String normalizeId(String offerId) {
        return offerId == null ? "" : offerId.strip().toUpperCase(Locale.ROOT);
    }
}
