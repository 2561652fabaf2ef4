package org.warrantykit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeVault;

/**
 * Back office: issues extended-warranty codes for offline sales and registers promotion campaigns.
 * Get it from {@link WarrantyService#codeIssuer()}; thread-safe.
 *
 * <p>Extension codes look like {@code 7KQ4-M2XD-9PRT-H3VB}: 15 random characters (SecureRandom,
 * about 74 bits) from an alphabet without 0/O/1/I/L, then a check character that catches any single
 * mistyped character and any swapped pair. The codes are returned once in clear; the vault stores
 * only their keyed hashes.
 */
public final class CodeIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(CodeIssuer.class);
    /** Most codes one batch may hold. */
    public static final int MAX_BATCH_SIZE = 100_000;
    private static final int MAX_DRAWS = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CodeVault vault;
    private final CodeHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CodeIssuer(CodeVault vault, CodeHasher hasher, Clock clock) {
        this.vault = vault;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Issues {@code count} single-use codes that each add {@code years} to an upgraded device of
     * {@code model} whose warranty is running, redeemable until {@code expiresOn} (inclusive).
     *
     * @param model     the model the codes are bound to (stored stripped, upper-case)
     * @param years     the years each code adds, 1 to {@link CodeBatch#MAX_YEARS}
     * @param count     how many codes, 1 to {@link #MAX_BATCH_SIZE}
     * @param expiresOn the last day the codes can be redeemed, not before today (service clock)
     * @return the codes in clear, grouped {@code XXXX-XXXX-XXXX-XXXX}; this is the only time they are available
     */
    public List<String> issueExtensionCodes(String model, int years, int count, LocalDate expiresOn) {
        return issueExtensionBatch(model, years, count, expiresOn).codes();
    }

    /**
     * As {@link #issueExtensionCodes}, with the batch (its id names the coverage the codes grant) and a CSV export.
     *
     * @param model     the model the codes are bound to (stored stripped, upper-case)
     * @param years     the years each code adds, 1 to {@link CodeBatch#MAX_YEARS}
     * @param count     how many codes, 1 to {@link #MAX_BATCH_SIZE}
     * @param expiresOn the last day the codes can be redeemed, not before today (service clock)
     * @return the stored batch and its codes in clear; this is the only time they are available
     * @throws InvalidValueException if {@code model} or {@code expiresOn} is null, the model is not a {@link ModelName},
     *                               or a number or the day is out of range
     * @throws IllegalStateException if no fresh set of codes could be stored in 5 draws (the vault
     *                               already holds the hashes, e.g. it is shared under another pepper)
     */
    public IssuedBatch issueExtensionBatch(String model, int years, int count, LocalDate expiresOn) {
        InvalidValueException.require("expiresOn", expiresOn);
        String product = ModelName.normalize("model", model, "an extension batch");
        if (years < 1 || years > CodeBatch.MAX_YEARS) { // checked before a batch id is drawn, so no message names one
            throw new InvalidValueException("years", "a code adds 1 to " + CodeBatch.MAX_YEARS + " years, was " + years);
        }
        if (count < 1 || count > MAX_BATCH_SIZE) {
            throw new InvalidValueException("count", "a batch holds 1 to " + MAX_BATCH_SIZE + " codes, was " + count);
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn.isBefore(today)) {
            throw new InvalidValueException("expiresOn", "codes expiring on " + expiresOn
                    + " could never be redeemed; today is " + today);
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            CodeBatch batch = new CodeBatch(batchId(today), product, years, expiresOn,
                    count, clock.instant());
            Set<String> codes = new LinkedHashSet<>(count * 2);
            while (codes.size() < count) {
                codes.add(CodeFormat.generate(random));
            }
            List<String> hashes = new ArrayList<>(count);
            for (String code : codes) {
                hashes.add(hasher.hash(code.replace("-", "")));
            }
            if (vault.addBatch(batch, hashes)) {
                LOG.info("issued extension batch {}: {} codes, {} +{} y, expiring {}", batch.id(), count,
                        batch.model(), years, expiresOn);
                return new IssuedBatch(batch, List.copyOf(codes));
            }
        }
        throw new IllegalStateException("could not draw codes unknown to the vault in " + MAX_DRAWS
                + " tries; is the code vault shared with a different key?");
    }

    /**
     * The batch with this id.
     *
     * @param batchId a batch id, as {@link IssuedBatch#batch()} carries it; a null is an
     *                InvalidValueException
     * @return the batch; empty when the vault has none with this id
     */
    public Optional<CodeBatch> batch(String batchId) {
        return vault.batch(InvalidValueException.require("batchId", batchId));
    }

    /**
     * How many codes of the batch have been redeemed.
     *
     * @param batchId a batch id; a null is an InvalidValueException
     * @return the number of redeemed codes; 0 for an unknown batch
     */
    public int redeemed(String batchId) {
        return vault.redeemed(InvalidValueException.require("batchId", batchId));
    }

    /**
     * Registers a promotion campaign. Its eligibility comes from the rule set: add rules for its
     * code to the policy (see {@code codes.drl}), or every redemption is refused as NOT_APPLICABLE.
     *
     * @param campaign the campaign
     * @return {@code campaign}, as stored
     * @throws InvalidValueException when {@code campaign} is null, a campaign with this code exists or its
     *                               window has passed
     */
    public Campaign createCampaign(Campaign campaign) {
        InvalidValueException.require("campaign", campaign);
        LocalDate today = LocalDate.now(clock);
        if (campaign.validUntil().isBefore(today)) {
            throw new InvalidValueException("validUntil", "campaign " + campaign.code() + " ended on "
                    + campaign.validUntil() + ", before today " + today);
        }
        if (!vault.addCampaign(campaign)) {
            throw new InvalidValueException("code", "a campaign with code " + campaign.code() + " exists already");
        }
        LOG.info("created campaign {}", campaign);
        return campaign;
    }

    /**
     * The campaign with this code (any case).
     *
     * @param code a campaign code; surrounding blanks are ignored
     * @return the campaign; empty when there is none, also for a null code
     */
    public Optional<Campaign> campaign(String code) {
        return code == null ? Optional.empty() : vault.campaign(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * How many devices have redeemed the campaign.
     *
     * @param code a campaign code, any case; surrounding blanks are ignored
     * @return the number of redemptions; 0 for an unknown campaign or a null code
     */
    public int redemptions(String code) {
        return code == null ? 0 : vault.redemptions(code.strip().toUpperCase(Locale.ROOT));
    }

    private String batchId(LocalDate today) {
        StringBuilder id = new StringBuilder("B-").append(DAY.format(today)).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(CodeFormat.ALPHABET.charAt(random.nextInt(CodeFormat.MODULUS)));
        }
        return id.toString();
    }
}
