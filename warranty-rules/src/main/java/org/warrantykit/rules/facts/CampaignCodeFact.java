package org.warrantykit.rules.facts;

/**
 * Input: the promotion code of campaign {@code code} (upper-case, e.g. "SUMMER25") is entered for
 * the device, within the campaign's validity window and limit.
 *
 * @param months       PROMOTION months the campaign adds (0 when it only grants the upgrade)
 * @param upgradeYears years of a missed free upgrade the campaign grants to a device without one (0: none)
 */
public record CampaignCodeFact(String serial, String code, int months, int upgradeYears) implements DeviceScoped {
}
