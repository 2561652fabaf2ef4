package org.warrantykit.rules.facts;

/** Decision: the code entered for the device is refused, and why (shown to the owner with the rule's name). */
public record CodeRefusal(String serial, String reason) implements DeviceScoped {
    public CodeRefusal {
        Require.notBlank("CodeRefusal", "serial", serial);
        Require.notBlank("CodeRefusal", "reason", reason);
    }
}
