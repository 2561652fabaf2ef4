package org.warrantykit.spi;

import org.warrantykit.CoverageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.warrantykit.InvalidValueException;
import org.warrantykit.ModelName;
import org.warrantykit.Quoted;
import org.warrantykit.SupportedDates;

/**
 * A batch of extension codes issued together for offline sale: bound to one model and term,
 * redeemable until {@code expiresOn} (inclusive). The coverage a code grants names the batch
 * ({@link #source()}), never the code.
 *
 * @param id        e.g. {@code B-20261127-7KQ4M2}: 3-64 upper-case letters, digits and dashes
 * @param model     the product line the codes apply to, upper-case
 * @param years     the years a code adds, 1 to 50
 * @param expiresOn the last day a code can be redeemed
 * @param size      how many codes were issued, at least 1
 * @param issuedAt  when the batch was issued
 */
public record CodeBatch(String id, String model, int years, LocalDate expiresOn, int size, Instant issuedAt) {
    /** The most years one code may add. */
    public static final int MAX_YEARS = 50;

    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    /**
     * Validates the batch; strips the model and makes it upper-case.
     *
     * @param id        the batch id
     * @param model     the product line
     * @param years     years a code adds
     * @param expiresOn last redemption day
     * @param size      number of codes
     * @param issuedAt  issue time
     * @throws InvalidValueException if the id, model, years or size is out of range (a null id or
     *                               model included)
     *         or if {@code issuedAt} is null, or {@code expiresOn} is null or outside
     *         {@link org.warrantykit.SupportedDates}
     */
    public CodeBatch {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidValueException("id", Quoted.of(id)
                    + " is not a batch id (3-64 upper-case letters, digits, -)");
        }
        model = ModelName.normalize("model", model, "batch " + id);
        if (years < 1 || years > MAX_YEARS) {
            throw new InvalidValueException("years", "batch " + id + " adds 1 to " + MAX_YEARS + " years, was " + years);
        }
        SupportedDates.require("expiresOn", expiresOn);
        if (size < 1) {
            throw new InvalidValueException("size", "batch " + id + " holds at least 1 code, was " + size);
        }
        InvalidValueException.require("issuedAt", issuedAt);
    }

    /**
     * The {@code source()} of an EXTENSION coverage granted by a code of this batch.
     *
     * @return {@code CoverageSource.batch(id)}, text form {@code "extension batch <id>"}
     */
    public CoverageSource source() {
        return CoverageSource.batch(id);
    }
}
