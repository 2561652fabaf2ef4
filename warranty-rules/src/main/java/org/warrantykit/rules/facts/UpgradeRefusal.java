package org.warrantykit.rules.facts;

/** Decision: no upgrade, and why (shown to the owner). A refusal outweighs any grant. */
public record UpgradeRefusal(String serial, String reason) implements DeviceScoped {
    public UpgradeRefusal {
        Require.notBlank("UpgradeRefusal", "serial", serial);
        Require.notBlank("UpgradeRefusal", "reason", reason);
    }
}
