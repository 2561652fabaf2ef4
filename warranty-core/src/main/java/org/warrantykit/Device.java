package org.warrantykit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A device as the supply/ERP data describes it. Dates are calendar days; {@code onlineSince} is
 * the first time the device sent data.
 *
 * @param region ISO 3166-1 alpha-2 country code of the installation (upper-case)
 */
public record Device(
        SerialNumber serial,
        String model,
        Category category,
        String region,
        LocalDate productionDate,
        LocalDate shipDate,
        Optional<LocalDate> installDate,
        Optional<AccountId> owner,
        Optional<Instant> onlineSince) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Device {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("category", category);
        InvalidValueException.require("productionDate", productionDate);
        InvalidValueException.require("shipDate", shipDate);
        InvalidValueException.requireOptional("installDate", installDate);
        InvalidValueException.requireOptional("owner", owner);
        InvalidValueException.requireOptional("onlineSince", onlineSince);
        if (model == null || model.isBlank()) {
            throw new InvalidValueException("model", "device " + serial + " has no model");
        }
        model = model.strip().toUpperCase(Locale.ROOT);
        if (region == null || !COUNTRIES.contains(region.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidValueException("region", "\"" + region + "\" of device " + serial
                    + " is not an ISO 3166 country code (e.g. DE, GB, NL)");
        }
        region = region.strip().toUpperCase(Locale.ROOT);
        if (shipDate.isBefore(productionDate)) {
            throw new InvalidValueException("shipDate", "device " + serial + " ships on " + shipDate
                    + ", before it was produced on " + productionDate);
        }
    }

    /** Starts a device with the required supply data; optional parts default to absent. */
    public static Device of(SerialNumber serial, String model, Category category, String region,
                            LocalDate productionDate, LocalDate shipDate) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Device withInstallDate(LocalDate date) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                Optional.of(date), owner, onlineSince);
    }

    public Device withOwner(AccountId account) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                installDate, Optional.of(account), onlineSince);
    }

    public Device withOnlineSince(Instant since) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                installDate, owner, Optional.of(since));
    }

    public boolean isOwnedBy(AccountId account) {
        return owner.filter(account::equals).isPresent();
    }
}
