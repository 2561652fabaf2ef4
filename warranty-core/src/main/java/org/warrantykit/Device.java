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
 * @param serial         the serial number on its label
 * @param model          the model name, stored stripped and upper-case
 * @param category       its product category
 * @param region         ISO 3166-1 alpha-2 country code of the installation (upper-case)
 * @param productionDate the day it was produced
 * @param shipDate       the day it was shipped, not before {@code productionDate}
 * @param installDate    the day it was installed; empty when unknown
 * @param owner          the account it is registered to; empty when it is registered to none
 * @param onlineSince    when it first sent data; empty when it has never been online
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

    /**
     * Checks the supply data and normalizes model and region (stripped, upper-case).
     *
     * @param serial         the serial number
     * @param model          the model name, not blank
     * @param category       its product category
     * @param region         an ISO 3166-1 alpha-2 country code, any case
     * @param productionDate the day it was produced
     * @param shipDate       the day it was shipped, not before {@code productionDate}
     * @param installDate    the day it was installed, or {@code Optional.empty()}
     * @param owner          the account it is registered to, or {@code Optional.empty()}
     * @param onlineSince    when it first sent data, or {@code Optional.empty()}
     * @throws InvalidValueException if a value is null (an absent optional part is {@code Optional.empty()},
     *                               never null) or breaks one of these rules
     */
    public Device {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("category", category);
        SupportedDates.require("productionDate", productionDate);
        SupportedDates.require("shipDate", shipDate);
        InvalidValueException.requireOptional("installDate", installDate).ifPresent(d -> SupportedDates.require("installDate", d));
        InvalidValueException.requireOptional("owner", owner);
        InvalidValueException.requireOptional("onlineSince", onlineSince).ifPresent(t -> SupportedDates.require("onlineSince", t));
        model = ModelName.normalize("model", model, "device " + serial);
        if (region == null || !COUNTRIES.contains(region.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidValueException("region", Quoted.of(region) + " of device " + serial
                    + " is not an ISO 3166 country code (e.g. DE, GB, NL)");
        }
        region = region.strip().toUpperCase(Locale.ROOT);
        if (shipDate.isBefore(productionDate)) {
            throw new InvalidValueException("shipDate", "device " + serial + " ships on " + shipDate
                    + ", before it was produced on " + productionDate);
        }
    }

    /**
     * Starts a device with the required supply data; optional parts default to absent.
     *
     * @param serial         the serial number
     * @param model          the model name, not blank
     * @param category       its product category
     * @param region         an ISO 3166-1 alpha-2 country code, any case
     * @param productionDate the day it was produced
     * @param shipDate       the day it was shipped, not before {@code productionDate}
     * @return the device, not installed, owned by no one and never online
     * @throws InvalidValueException as the canonical constructor
     */
    public static Device of(SerialNumber serial, String model, Category category, String region,
                            LocalDate productionDate, LocalDate shipDate) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param date the installation day; not null (a null is an InvalidValueException)
     * @return a copy installed on {@code date}
     */
    public Device withInstallDate(LocalDate date) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                Optional.of(InvalidValueException.require("date", date)), owner, onlineSince);
    }

    /**
     * @param account the new owner; not null (a null is an InvalidValueException)
     * @return a copy registered to {@code account}
     */
    public Device withOwner(AccountId account) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                installDate, Optional.of(InvalidValueException.require("account", account)), onlineSince);
    }

    /**
     * @param since when it first sent data; not null (a null is an InvalidValueException)
     * @return a copy online since {@code since}
     */
    public Device withOnlineSince(Instant since) {
        return new Device(serial, model, category, region, productionDate, shipDate,
                installDate, owner, Optional.of(InvalidValueException.require("since", since)));
    }

    /**
     * @param account an account; not null (a null is an InvalidValueException)
     * @return whether the device is registered to {@code account}; false when it has no owner
     */
    public boolean isOwnedBy(AccountId account) {
        return owner.filter(InvalidValueException.require("account", account)::equals).isPresent();
    }
}
