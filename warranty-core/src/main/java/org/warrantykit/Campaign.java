package org.warrantykit;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A promotion campaign: a code people type (e.g. {@code SUMMER25}, case-insensitive), the days
 * it can be redeemed on, how often in total, and what it grants. Each device may redeem a campaign
 * once. Who is eligible is not decided here but by the rule set (the campaign's DRL rules in
 * {@code codes.drl}); a campaign no rule accepts is refused as NOT_APPLICABLE.
 *
 * <p>Campaign codes are published on flyers and web pages, so unlike extension codes they are not
 * secrets and are stored as given.
 *
 * @param code            3 to 12 letters and digits, stored upper-case
 * @param validFrom       first day it can be redeemed (service clock), inclusive
 * @param validUntil      last day it can be redeemed, inclusive
 * @param redemptionLimit how many devices in total may redeem it, at least 1
 * @param months          months of PROMOTION coverage added after the current end; 0 when it only grants the upgrade
 * @param upgradeYears    when above 0, a device that has not had its free online upgrade (it missed it) is
 *                        granted an UPGRADE coverage of these years first; devices already upgraded get only
 *                        the months
 */
public record Campaign(String code, LocalDate validFrom, LocalDate validUntil, int redemptionLimit, int months,
                       int upgradeYears) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{" + CodeFormat.CAMPAIGN_MIN + ","
            + CodeFormat.CAMPAIGN_MAX + "}");
    /** Longest grant a campaign may make, in months (50 years). */
    static final int MAX_MONTHS = 600;

    /**
     * Checks the campaign and normalizes its code (stripped, upper-case).
     *
     * @param code            3 to 12 letters and digits, any case
     * @param validFrom       first day it can be redeemed, inclusive
     * @param validUntil      last day it can be redeemed, inclusive, not before {@code validFrom}
     * @param redemptionLimit how many devices in total may redeem it, at least 1
     * @param months          months of PROMOTION coverage, 0 to 600
     * @param upgradeYears    years of a missed upgrade, 0 to 50; {@code months} and {@code upgradeYears} are
     *                        not both 0
     * @throws InvalidValueException if a value is null or breaks one of these rules
     */
    public Campaign {
        code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (code == null || !SHAPE.matcher(code).matches()) {
            throw new InvalidValueException("code", Quoted.of(code) + " is not a campaign code; "
                    + CodeFormat.CAMPAIGN_SHAPE);
        }
        SupportedDates.require("validFrom", validFrom);
        SupportedDates.require("validUntil", validUntil);
        if (validUntil.isBefore(validFrom)) {
            throw new InvalidValueException("validUntil", "campaign " + code + " ends " + validUntil
                    + " before it starts " + validFrom);
        }
        if (redemptionLimit < 1) {
            throw new InvalidValueException("redemptionLimit", "campaign " + code
                    + " must allow at least 1 redemption, was " + redemptionLimit);
        }
        if (months < 0 || months > MAX_MONTHS) {
            throw new InvalidValueException("months", "campaign " + code + " grants 0 to " + MAX_MONTHS
                    + " months, was " + months);
        }
        if (upgradeYears < 0 || upgradeYears > 50) {
            throw new InvalidValueException("upgradeYears", "campaign " + code
                    + " grants an upgrade of 0 to 50 years, was "
                    + upgradeYears);
        }
        if (months == 0 && upgradeYears == 0) {
            throw new InvalidValueException("months", "campaign " + code
                    + " grants nothing: give it months or an upgrade");
        }
    }

    /**
     * A campaign adding {@code months} of PROMOTION coverage, without an upgrade.
     *
     * @param code            3 to 12 letters and digits, any case
     * @param validFrom       first day it can be redeemed, inclusive
     * @param validUntil      last day it can be redeemed, inclusive
     * @param redemptionLimit how many devices in total may redeem it, at least 1
     * @param months          months of PROMOTION coverage, 1 to 600
     * @return the campaign
     * @throws InvalidValueException as the canonical constructor
     */
    public static Campaign of(String code, LocalDate validFrom, LocalDate validUntil, int redemptionLimit, int months) {
        return new Campaign(code, validFrom, validUntil, redemptionLimit, months, 0);
    }

    /**
     * A goodwill campaign that only grants the free upgrade of {@code upgradeYears} to devices that missed it.
     *
     * @param code            3 to 12 letters and digits, any case
     * @param validFrom       first day it can be redeemed, inclusive
     * @param validUntil      last day it can be redeemed, inclusive
     * @param redemptionLimit how many devices in total may redeem it, at least 1
     * @param upgradeYears    years of UPGRADE coverage, 1 to 50
     * @return the campaign
     * @throws InvalidValueException as the canonical constructor
     */
    public static Campaign missedUpgrade(String code, LocalDate validFrom, LocalDate validUntil, int redemptionLimit,
                                         int upgradeYears) {
        return new Campaign(code, validFrom, validUntil, redemptionLimit, 0, upgradeYears);
    }

    /**
     * This campaign, also granting a missed free upgrade of {@code years}.
     *
     * @param years years of UPGRADE coverage, 0 to 50 (0 removes the upgrade)
     * @return a copy with {@code upgradeYears} set
     * @throws InvalidValueException if {@code years} is out of range, or 0 while the campaign grants no months
     */
    public Campaign withUpgrade(int years) {
        return new Campaign(code, validFrom, validUntil, redemptionLimit, months, years);
    }

    /**
     * Whether it can be redeemed on {@code day}.
     *
     * @param day a day on the service clock; not null (a null is an InvalidValueException)
     * @return whether {@code day} lies within {@code validFrom} to {@code validUntil}, both included
     */
    public boolean validOn(LocalDate day) {
        return !InvalidValueException.require("day", day).isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /**
     * The {@code source()} of the PROMOTION coverage it grants (a missed upgrade it grants has
     * {@link CoverageSource#upgradeVia} instead).
     *
     * @return {@code CoverageSource.promotion(code)}
     */
    public CoverageSource source() {
        return CoverageSource.promotion(code);
    }
}
