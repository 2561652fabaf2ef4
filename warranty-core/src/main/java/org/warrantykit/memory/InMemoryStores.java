package org.warrantykit.memory;

import org.warrantykit.InvalidValueException;
import org.warrantykit.WarrantyService;

/**
 * The one place that wires in-memory stores into a service, the counterpart of
 * {@code JdbcWarrantyStores.configure}: for tests, demos and single-process tools. Everything is lost
 * when the service goes, the extension codes included, so the code vault hashes under a random key
 * unless a pepper is given.
 */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    /**
     * Sets a fresh in-memory ledger, upgrade-request store, code vault, code-attempt log, order store,
     * certificate store, ownership store and replacement store on {@code builder} and returns it; rules and devices are
     * still the caller's. Stores set afterwards replace these.
     *
     * @param builder the service builder to configure
     * @return {@code builder}, for chaining
     * @throws InvalidValueException if {@code builder} is null
     */
    public static WarrantyService.Builder configure(WarrantyService.Builder builder) {
        InvalidValueException.require("builder", builder);
        return builder.ledger(new InMemoryCoverageLedger())
                .upgradeRequests(new InMemoryUpgradeRequestStore())
                .codeVault(new InMemoryCodeVault())
                .codeAttemptLog(new InMemoryCodeAttemptLog())
                .orders(new InMemoryOrderStore())
                .certificateStore(new InMemoryCertificateStore())
                .ownership(new InMemoryOwnershipStore())
                .replacements(new InMemoryReplacementStore());
    }
}
