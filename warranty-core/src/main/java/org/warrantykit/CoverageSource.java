package org.warrantykit;

import java.util.Optional;

/**
 * Where a coverage came from: a kind and, for all but the standard warranty and the plain online
 * upgrade, the reference of the batch, campaign or order that granted it. Never a redeemable code.
 *
 * <p>Its text form ({@link #toString()}, read back by {@link #parse(String)}) is what the ledger
 * stores, certificates sign and owners read: {@code "standard warranty"}, {@code "online upgrade"},
 * {@code "online upgrade via promotion SUMMER25"}, {@code "extension batch B-20261127-GZJPU7"},
 * {@code "promotion SUMMER25"}, {@code "order O-..."}. A text of no known form (one a custom store or
 * an older version wrote) is kept whole as {@link Kind#OTHER}, so reading never loses it.
 *
 * @param kind      which origin
 * @param reference the batch id, campaign code or order id; empty for STANDARD and UPGRADE; for
 *                  OTHER the whole text
 */
public record CoverageSource(Kind kind, Optional<String> reference) {

    /** The origins a coverage can have, with the words its text form starts with. */
    public enum Kind {
        /** The maker's standard warranty ({@code "standard warranty"}); no reference. */
        STANDARD("standard warranty", false),
        /** The free online upgrade ({@code "online upgrade"}); no reference. */
        UPGRADE("online upgrade", false),
        /** A missed upgrade granted by a promotion; the reference is the campaign code. */
        PROMOTION_UPGRADE("online upgrade via promotion", true),
        /** An extension code of a batch; the reference is the batch id. */
        BATCH("extension batch", true),
        /** A promotion's months; the reference is the campaign code. */
        PROMOTION("promotion", true),
        /** An extension bought online; the reference is the order id. */
        ORDER("order", true),
        /** Any other text, kept as given. */
        OTHER("", true);

        private final String words;
        private final boolean referenced;

        Kind(String words, boolean referenced) {
            this.words = words;
            this.referenced = referenced;
        }
    }

    private static final CoverageSource STANDARD = new CoverageSource(Kind.STANDARD, Optional.empty());
    private static final CoverageSource UPGRADE = new CoverageSource(Kind.UPGRADE, Optional.empty());

    /**
     * Checks that the reference fits the kind.
     *
     * @param kind      which origin
     * @param reference present, without surrounding blanks and not blank, exactly for the kinds that
     *                  take one; {@code Optional.empty()} for STANDARD and UPGRADE
     * @throws InvalidValueException if a value is null, the reference does not fit the kind, or an
     *                               OTHER text has a known form (use {@link #parse} for it)
     */
    public CoverageSource {
        InvalidValueException.require("kind", kind);
        InvalidValueException.require("reference", reference);
        if (kind.referenced != reference.isPresent()) {
            throw new InvalidValueException("reference", "a " + kind + " source "
                    + (kind.referenced ? "needs" : "has no") + " reference, was " + reference);
        }
        if (reference.isPresent()) {
            String text = reference.get();
            if (text.isBlank() || !text.equals(text.strip())) {
                throw new InvalidValueException("reference", "a " + kind + " source needs a reference without "
                        + "surrounding blanks, was " + Quoted.of(text));
            }
            Optional<Kind> known = kind == Kind.OTHER ? knownKind(text) : Optional.empty();
            if (known.isPresent()) {
                throw new InvalidValueException("reference", Quoted.of(text) + " is a " + known.get()
                        + " source; use CoverageSource.parse");
            }
        }
    }

    /** @return the source of the maker's standard warranty */
    public static CoverageSource standard() {
        return STANDARD;
    }

    /** @return the source of the free upgrade granted once the device is online */
    public static CoverageSource upgrade() {
        return UPGRADE;
    }

    /**
     * The upgrade granted by redeeming the promotion with this code.
     *
     * @param campaignCode the campaign's code
     * @return a PROMOTION_UPGRADE source
     * @throws InvalidValueException if the code is null, blank or has surrounding blanks
     */
    public static CoverageSource upgradeVia(String campaignCode) {
        return new CoverageSource(Kind.PROMOTION_UPGRADE, Optional.of(InvalidValueException.require("campaignCode", campaignCode)));
    }

    /**
     * An extension code of the batch with this id.
     *
     * @param batchId the batch's id
     * @return a BATCH source
     * @throws InvalidValueException if {@code batchId} is null, or the id is blank or has surrounding blanks
     */
    public static CoverageSource batch(String batchId) {
        return new CoverageSource(Kind.BATCH, Optional.of(InvalidValueException.require("batchId", batchId)));
    }

    /**
     * The promotion with this code.
     *
     * @param campaignCode the campaign's code
     * @return a PROMOTION source
     * @throws InvalidValueException if the code is null, blank or has surrounding blanks
     */
    public static CoverageSource promotion(String campaignCode) {
        return new CoverageSource(Kind.PROMOTION, Optional.of(InvalidValueException.require("campaignCode", campaignCode)));
    }

    /**
     * An extension bought with this order.
     *
     * @param orderId the order
     * @return an ORDER source referencing {@code orderId.value()}
     * @throws InvalidValueException if {@code orderId} is null
     */
    public static CoverageSource order(OrderId orderId) {
        return new CoverageSource(Kind.ORDER, Optional.of(InvalidValueException.require("orderId", orderId).value()));
    }

    /**
     * Reads the text form back: the first known form whose words the text starts with (followed by a
     * space and a reference, or alone for STANDARD and UPGRADE); anything else is OTHER, kept whole.
     * Surrounding blanks are stripped.
     *
     * @param text a text form, as {@link #toString()} writes it
     * @return the source; never fails for a non-blank text
     * @throws InvalidValueException if {@code text} is null or blank
     */
    public static CoverageSource parse(String text) {
        String given = InvalidValueException.require("source", text).strip();
        if (given.isEmpty()) {
            throw new InvalidValueException("source", "a coverage needs a source");
        }
        return knownKind(given).map(kind -> switch (kind) {
            case STANDARD -> STANDARD;
            case UPGRADE -> UPGRADE;
            default -> new CoverageSource(kind, Optional.of(given.substring(kind.words.length() + 1).strip()));
        }).orElseGet(() -> new CoverageSource(Kind.OTHER, Optional.of(given)));
    }

    /** The first known form the stripped {@code text} has; empty for OTHER. */
    private static Optional<Kind> knownKind(String text) {
        for (Kind kind : Kind.values()) {
            boolean matches = kind.referenced
                    ? text.startsWith(kind.words + " ") && !text.substring(kind.words.length() + 1).isBlank()
                    : text.equals(kind.words);
            if (kind != Kind.OTHER && matches) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The text form, e.g. {@code "order O-..."}; {@code parse(toString())} gives this source back.
     *
     * @return the kind's words and the reference, or for OTHER the text as kept
     */
    @Override
    public String toString() {
        if (kind == Kind.OTHER) {
            return reference.orElseThrow();
        }
        return reference.map(r -> kind.words + " " + r).orElse(kind.words);
    }
}
