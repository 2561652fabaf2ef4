package org.warrantykit.rules.facts;

import java.util.Arrays;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;

/**
 * Decision: lines of kind {@code grant} granted to the device cover {@code covered}. One fact per
 * item; a line's scope is every item the rules give its kind (STANDARD: the standard term; UPGRADE:
 * the online upgrade; EXTENSION: extension codes and bought extensions; PROMOTION: a campaign's months).
 *
 * @param serial  the device's serial number
 * @param grant   a {@link CoverageKind} name: STANDARD, UPGRADE, EXTENSION or PROMOTION
 * @param covered a {@link Covered} name: PARTS, LABOUR or TRANSPORT
 */
public record GrantScope(String serial, String grant, String covered) implements DeviceScoped {
    /**
     * Validates the fact's fields.
     *
     * @param serial  not blank
     * @param grant   a kind of line
     * @param covered what it covers
     * @throws InvalidFactException if a field breaks the fact's contract; the rule set reports it at
     *                              the rule's line
     */
    public GrantScope {
        Require.notBlank("GrantScope", "serial", serial);
        Require.oneOf("GrantScope", "grant", grant, Arrays.stream(CoverageKind.values()).map(Enum::name).toList());
        Require.oneOf("GrantScope", "covered", covered, Arrays.stream(Covered.values()).map(Enum::name).toList());
    }

    /** @return the kind of line */
    public CoverageKind kind() {
        return CoverageKind.valueOf(grant);
    }

    /** @return what it covers */
    public Covered item() {
        return Covered.valueOf(covered);
    }
}
