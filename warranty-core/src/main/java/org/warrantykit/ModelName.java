package org.warrantykit;

import java.util.Locale;

/**
 * The one rule for a model name, wherever one comes in (supply data, an extension batch): stripped,
 * upper-case, 1 to {@value #MAX_LENGTH} characters with no control characters. Every store, in
 * memory or in a database, can hold such a name, so a name is refused here before anything is
 * written rather than by whichever store happens to be narrower.
 */
public final class ModelName {
    /** The longest model name, after stripping. */
    public static final int MAX_LENGTH = 64;

    private ModelName() {
    }

    /**
     * The model name as stored.
     *
     * @param field   the argument or component that carries it, for {@link InvalidValueException#field()}
     * @param model   the name as given
     * @param context whose model it is, for the message, e.g. {@code "device H1B50A1234567"}
     * @return the name stripped and upper-case
     * @throws InvalidValueException if the name is null, blank, longer than {@value #MAX_LENGTH}
     *                               characters or holds a control character
     */
    public static String normalize(String field, String model, String context) {
        if (model == null || model.isBlank()) {
            throw new InvalidValueException(field, context + " has no model; a model is named like X1-HYBRID-G4");
        }
        String name = model.strip().toUpperCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, "the model of " + context + ", " + Quoted.of(model)
                    + ", is not a model name: 1 to " + MAX_LENGTH + " characters without line breaks or other "
                    + "control characters, e.g. X1-HYBRID-G4");
        }
        return name;
    }
}
