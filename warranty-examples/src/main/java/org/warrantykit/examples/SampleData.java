package org.warrantykit.examples;

import org.warrantykit.memory.InMemoryDeviceRegistry;

/**
 * The embedded supply data: about 50 devices of every model in the default policy table (plus two
 * models it does not list) in DE, GB, NL, FR, IT, ES and AU, owned by {@code alice}, {@code bob},
 * {@code chloe}, {@code installer-7} or by nobody yet. Read it to pick serial numbers to try.
 */
public final class SampleData {
    /** Classpath location of the CSV, in the {@link InMemoryDeviceRegistry#HEADER} format. */
    public static final String DEVICES_CSV = "/org/warrantykit/examples/devices.csv";

    private SampleData() {
    }

    /** A fresh registry over the embedded CSV. */
    public static InMemoryDeviceRegistry devices() {
        return InMemoryDeviceRegistry.fromClasspath(DEVICES_CSV);
    }
}
