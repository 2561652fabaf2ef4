package org.warrantykit.rules.facts;

import java.time.LocalDate;

/**
 * Input of a replacement judgement: one of the two units of a swap (RMA), flattened like
 * {@link DeviceFact}, under its own serial. A session of replacement rules holds one
 * {@link ReplacementFact} per swap and one unit per role; join a unit to its swap on the serial
 * ({@code ReplacementUnit( serial == $swap.replacementSerial )}). A type of its own (not an
 * {@link InstalledDevice}), so that no decision, code or scope rule fires for a swap, nor a
 * replacement rule for a decision.
 *
 * @param serial         this unit's serial number
 * @param role           {@value #FAULTY} for the unit taken out of service, {@value #REPLACEMENT} for the unit put in its place
 * @param model          the model, upper-case
 * @param category       the product category, e.g. INVERTER (both units have the same one)
 * @param region         ISO 3166 country code, upper-case
 * @param productionDate from the supply data
 * @param shipDate       from the supply data
 * @param installDate    null when never installed
 * @param onlineSince    day the unit first sent data, in the zone of the service's clock; null when never online
 */
public record ReplacementUnit(
        String serial,
        String role,
        String model,
        String category,
        String region,
        LocalDate productionDate,
        LocalDate shipDate,
        LocalDate installDate,
        LocalDate onlineSince) implements DeviceScoped {
    /** The role of the unit taken out of service. */
    public static final String FAULTY = "FAULTY";
    /** The role of the unit put in its place. */
    public static final String REPLACEMENT = "REPLACEMENT";
}
