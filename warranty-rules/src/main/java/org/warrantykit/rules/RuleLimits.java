package org.warrantykit.rules;

import java.time.Duration;
import org.warrantykit.InvalidValueException;

/**
 * The bounds every engine session of a rule set runs within, at load (the sample check) and in live
 * decisions, so a rule that loops, inserts without end or stalls is refused with a
 * {@link org.warrantykit.RuleSetException} naming it instead of filling the heap or hanging a caller.
 * The defaults are far above what real policies need (the default policy fires about 10 rules and
 * inserts about 10 facts per device).
 *
 * <pre>{@code
 * DroolsWarrantyRules.fromDirectory(dir, RuleLimits.defaults().withFiringsPerDevice(50_000));
 * }</pre>
 *
 * @param firingsPerDevice the most times rules may fire for one device in one decision, and the most facts
 *                         they may insert for it; 1 to {@value #MAX_FIRINGS_PER_DEVICE}
 * @param loadTimeout      how long compiling a folder and its sample check may take; 1 ms to 1 hour
 * @param decisionTimeout  how long one engine session (a decision, or up to 64 devices of a batch) may keep
 *                         firing rules; checked between firings, 1 ms to 1 hour
 */
public record RuleLimits(int firingsPerDevice, Duration loadTimeout, Duration decisionTimeout) {
    /** The default of {@link #firingsPerDevice}. */
    public static final int DEFAULT_FIRINGS_PER_DEVICE = 10_000;
    /** The largest {@link #firingsPerDevice}; a session of 64 devices then still counts in an {@code int}. */
    public static final int MAX_FIRINGS_PER_DEVICE = 10_000_000;
    /** The default of {@link #loadTimeout}: a cold compile of the default policy takes about 2 s. */
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(60);
    /** The default of {@link #decisionTimeout}: a session of 64 devices takes well under 10 ms. */
    public static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LONGEST = Duration.ofHours(1);

    private static final RuleLimits DEFAULTS = new RuleLimits(DEFAULT_FIRINGS_PER_DEVICE, DEFAULT_LOAD_TIMEOUT,
            DEFAULT_DECISION_TIMEOUT);

    /**
     * Checks the limits.
     *
     * @param firingsPerDevice see the record
     * @param loadTimeout      see the record
     * @param decisionTimeout  see the record
     * @throws InvalidValueException if a duration is null or a limit is out of its range
     */
    public RuleLimits {
        if (firingsPerDevice < 1 || firingsPerDevice > MAX_FIRINGS_PER_DEVICE) {
            throw new InvalidValueException("firingsPerDevice", "must be 1.." + MAX_FIRINGS_PER_DEVICE
                    + ", was " + firingsPerDevice);
        }
        requireBetween("loadTimeout", loadTimeout);
        requireBetween("decisionTimeout", decisionTimeout);
    }

    private static void requireBetween(String field, Duration duration) {
        InvalidValueException.require(field, duration);
        if (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new InvalidValueException(field, "must be 1 ms to 1 hour, was " + duration);
        }
    }

    /** @return 10,000 firings per device, 60 s to load, 10 s per session */
    public static RuleLimits defaults() {
        return DEFAULTS;
    }

    /**
     * @param firings the new {@link #firingsPerDevice}
     * @return these limits with that firing limit
     * @throws InvalidValueException if it is out of range
     */
    public RuleLimits withFiringsPerDevice(int firings) {
        return new RuleLimits(firings, loadTimeout, decisionTimeout);
    }

    /**
     * @param timeout the new {@link #loadTimeout}
     * @return these limits with that load timeout
     * @throws InvalidValueException if it is null or out of range
     */
    public RuleLimits withLoadTimeout(Duration timeout) {
        return new RuleLimits(firingsPerDevice, timeout, decisionTimeout);
    }

    /**
     * @param timeout the new {@link #decisionTimeout}
     * @return these limits with that decision timeout
     * @throws InvalidValueException if it is null or out of range
     */
    public RuleLimits withDecisionTimeout(Duration timeout) {
        return new RuleLimits(firingsPerDevice, loadTimeout, timeout);
    }

    /** A duration as a person reads it in a message: {@code 60 s}, {@code 250 ms}. */
    static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
