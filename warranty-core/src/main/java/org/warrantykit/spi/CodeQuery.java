package org.warrantykit.spi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.warrantykit.Campaign;
import org.warrantykit.CodeKind;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;

/**
 * What the policy is asked when an owner enters a code: may this code be applied to this device
 * on this day? Only codes that exist, are unused and not expired get this far; the clear text of
 * an extension code never does.
 *
 * @param device       the device the code is entered for
 * @param on           the redemption day (service clock)
 * @param upgraded     whether the device holds an UPGRADE coverage
 * @param currentEnd   the device's last covered day now (ledger, or computed standard end)
 * @param kind         EXTENSION (a code of a batch) or CAMPAIGN (a promotion code)
 * @param name         the batch id for EXTENSION, the campaign code (upper-case) for CAMPAIGN
 * @param model        EXTENSION: the model the batch is bound to; CAMPAIGN: empty
 * @param months       months of EXTENSION or PROMOTION coverage the code adds (0 for a campaign that only
 *                     grants the upgrade)
 * @param upgradeYears CAMPAIGN: the years of a missed upgrade it grants (0 when none); EXTENSION: 0
 * @param zone         the zone of the service's clock, in which {@code on} is a day (see
 *                     {@link PolicyQuery#zone})
 */
public record CodeQuery(Device device, LocalDate on, boolean upgraded, LocalDate currentEnd, CodeKind kind,
                        String name, Optional<String> model, int months, int upgradeYears, ZoneId zone) {
    /**
     * Validates the query.
     *
     * @param device       the device
     * @param on           the redemption day
     * @param upgraded     whether the device is upgraded
     * @param currentEnd   the last covered day now
     * @param kind         EXTENSION or CAMPAIGN
     * @param name         batch id or campaign code
     * @param model        the batch's model; empty for a campaign
     * @param months       months the code adds
     * @param upgradeYears upgrade years a campaign grants
     * @param zone         the service clock's zone
     * @throws InvalidValueException if an object component is null (an absent model is
     *                               {@code Optional.empty()}, never null)
     *         or if {@code name} is blank, an extension has no model, no whole
     *                               years or upgrade years, a campaign has a model, or the code
     *                               grants nothing
     */
    public CodeQuery {
        InvalidValueException.require("device", device);
        InvalidValueException.require("zone", zone);
        InvalidValueException.require("on", on);
        InvalidValueException.require("currentEnd", currentEnd);
        InvalidValueException.require("kind", kind);
        InvalidValueException.requireOptional("model", model);
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "a code query names its batch or campaign");
        }
        if (kind == CodeKind.EXTENSION && (model.isEmpty() || months < 12 || months % 12 != 0 || upgradeYears != 0)) {
            throw new InvalidValueException("kind", "an extension code has a model, adds whole years and no upgrade");
        }
        if (kind == CodeKind.CAMPAIGN && model.isPresent()) {
            throw new InvalidValueException("model", "a campaign is not bound to a model");
        }
        if (months < 0 || upgradeYears < 0 || months + upgradeYears == 0) {
            throw new InvalidValueException("months", "a code grants something: months " + months
                    + ", upgrade years " + upgradeYears);
        }
    }

    /**
     * A query whose days are UTC days (as for a service on a UTC clock, the default).
     *
     * @param device       the device
     * @param on           the redemption day
     * @param upgraded     whether the device is upgraded
     * @param currentEnd   the last covered day now
     * @param kind         EXTENSION or CAMPAIGN
     * @param name         batch id or campaign code
     * @param model        the batch's model; empty for a campaign
     * @param months       months the code adds
     * @param upgradeYears upgrade years a campaign grants
     * @throws InvalidValueException as the canonical constructor does
     */
    public CodeQuery(Device device, LocalDate on, boolean upgraded, LocalDate currentEnd, CodeKind kind, String name,
                     Optional<String> model, int months, int upgradeYears) {
        this(device, on, upgraded, currentEnd, kind, name, model, months, upgradeYears, ZoneOffset.UTC);
    }

    /**
     * An extension code of {@code batch} entered for the device, on a UTC day.
     *
     * @param device     the device
     * @param on         the redemption day
     * @param upgraded   whether the device is upgraded
     * @param currentEnd the last covered day now
     * @param batch      the code's batch (id, model and years); a null batch is an InvalidValueException
     * @return an EXTENSION query for the batch
     * @throws InvalidValueException if {@code device}, {@code on} or {@code currentEnd} is null
     */
    public static CodeQuery extension(Device device, LocalDate on, boolean upgraded, LocalDate currentEnd,
                                      CodeBatch batch) {
        InvalidValueException.require("batch", batch);
        return new CodeQuery(device, on, upgraded, currentEnd, CodeKind.EXTENSION, batch.id(),
                Optional.of(batch.model()), batch.years() * 12, 0);
    }

    /**
     * The promotion code of {@code campaign} entered for the device, on a UTC day.
     *
     * @param device     the device
     * @param on         the redemption day
     * @param upgraded   whether the device is upgraded
     * @param currentEnd the last covered day now
     * @param campaign   the campaign (code, months, upgrade years); a null campaign is an InvalidValueException
     * @return a CAMPAIGN query for the campaign
     * @throws InvalidValueException if {@code device}, {@code on} or {@code currentEnd} is null
     */
    public static CodeQuery campaign(Device device, LocalDate on, boolean upgraded, LocalDate currentEnd,
                                     Campaign campaign) {
        InvalidValueException.require("campaign", campaign);
        return new CodeQuery(device, on, upgraded, currentEnd, CodeKind.CAMPAIGN, campaign.code(),
                Optional.empty(), campaign.months(), campaign.upgradeYears());
    }

    /**
     * The same query, its days in {@code zone} (the service's clock).
     *
     * @param zone the service clock's zone
     * @return a copy of this query with {@code zone} replaced
     * @throws InvalidValueException if {@code zone} is null
     */
    public CodeQuery inZone(ZoneId zone) {
        return new CodeQuery(device, on, upgraded, currentEnd, kind, name, model, months, upgradeYears, zone);
    }

    /**
     * The day, in {@link #zone}, the device first sent data; empty while it never has.
     *
     * @return the device's first online day in {@link #zone}; empty while it never came online
     */
    public Optional<LocalDate> onlineDay() {
        return device.onlineSince().map(at -> LocalDate.ofInstant(at, zone));
    }

    /**
     * Whether the warranty is running on the redemption day ({@code currentEnd >= on}).
     *
     * @return true if {@code currentEnd} is not before {@code on}
     */
    public boolean running() {
        return !currentEnd.isBefore(on);
    }
}
