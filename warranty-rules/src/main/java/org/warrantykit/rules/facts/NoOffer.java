package org.warrantykit.rules.facts;

/** Decision: no extension is offered, and why. Outweighs any price. */
public record NoOffer(String serial, String reason) implements DeviceScoped {
    public NoOffer {
        Require.notBlank("NoOffer", "serial", serial);
        Require.notBlank("NoOffer", "reason", reason);
    }
}
