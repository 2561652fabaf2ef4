package org.warrantykit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Product category, as the supply data knows it: any name of upper-case letters, digits and
 * {@code _} (makers sell EV chargers, heat pumps, optimizers and meters, not only inverters and
 * batteries), which rules match as text ({@code DeviceFact( category == "EV_CHARGER" )}). The three
 * categories every rule set knows are constants; whether another category is covered, and how, is
 * the rule set's to decide.
 *
 * @param name the category's name, e.g. {@code INVERTER} or {@code EV_CHARGER}
 */
public record Category(String name) {
    /** The longest category name. */
    public static final int MAX_LENGTH = 32;
    // before the constants: their construction checks against it
    private static final Pattern FORM = Pattern.compile("[A-Z0-9_]{1," + MAX_LENGTH + "}");
    /** An inverter. */
    public static final Category INVERTER = new Category("INVERTER");
    /** A battery. */
    public static final Category BATTERY = new Category("BATTERY");
    /** Any other product the default policy knows (meters, cables, mounting kits, ...). */
    public static final Category ACCESSORY = new Category("ACCESSORY");
    private static final List<Category> WELL_KNOWN = List.of(INVERTER, BATTERY, ACCESSORY);

    /**
     * Validates the name as given (use {@link #of} for text to normalize).
     *
     * @throws InvalidValueException if the name is null, or not 1 to {@value #MAX_LENGTH} upper-case
     *                               letters, digits and {@code _}
     */
    public Category {
        InvalidValueException.require("category", name);
        if (!FORM.matcher(name).matches()) {
            throw new InvalidValueException("category", Quoted.of(name) + " is not a category: 1 to " + MAX_LENGTH
                    + " upper-case letters, digits and _, e.g. INVERTER or EV_CHARGER");
        }
    }

    /**
     * The category named by {@code text}, stripped and upper-cased ({@code " ev_charger "} is
     * {@code EV_CHARGER}).
     *
     * @param text the category as written in supply data
     * @return the category
     * @throws InvalidValueException if the text is null or does not name a category
     */
    public static Category of(String text) {
        InvalidValueException.require("category", text);
        return new Category(text.strip().toUpperCase(Locale.ROOT));
    }

    /** @return the categories every rule set knows: INVERTER, BATTERY, ACCESSORY */
    public static List<Category> wellKnown() {
        return WELL_KNOWN; // one list: the reference policy asks on every decision
    }

    /** @return the name, as supply data and rules write it */
    @Override
    public String toString() {
        return name;
    }
}
