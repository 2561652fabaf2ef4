package org.warrantykit;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.OwnershipStore;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.TransferVerdict;

/**
 * The warranty follows the device where the policy allows it: a house sale moves the device, coverage
 * intact, to the new owner.
 */
final class Transfers {
    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final DeviceWarranties warranties;
    private final OwnershipStore ownership;
    private final Transactions transactions;

    Transfers(DeviceWarranties warranties, OwnershipStore ownership, Transactions transactions) {
        this.warranties = warranties;
        this.ownership = ownership;
        this.transactions = transactions;
    }

    WarrantyView transfer(String serial, AccountId from, AccountId to) {
        InvalidValueException.require("from", from);
        InvalidValueException.require("to", to);
        SerialNumber sn = warranties.ownedDevice(from, serial).serial();
        return transactions.inTransaction(() -> warranties.retrying(sn, "transferring it", () -> {
            Device device = warranties.ownedDevice(from, sn.value()); // throws once someone else moved it
            if (from.equals(to)) {
                return Optional.of(warranties.snapshot(device, warranties.rules(), warranties.today()).view());
            }
            // Decided before anything moves: a policy that fails or refuses leaves the owner as it was.
            TransferVerdict verdict = warranties.snapshot(device, warranties.rules(), warranties.today()).decision()
                    .transfer();
            if (!verdict.allowed()) {
                LOG.info("transfer of device {} from {} to {} refused by the policy: {}", sn, from, to, verdict.reason());
                throw new TransferRefusedException(sn, verdict.reason());
            }
            WarrantyView after = warranties.snapshot(device.withOwner(to), warranties.rules(), warranties.today()).view();
            // Read after the ownership check: another transfer may have committed in between. Moving on
            // from a stored owner other than `from` would hand someone else's device to `to`; re-read
            // instead, which then refuses the call as the device is no longer `from`'s.
            Optional<AccountId> expected = ownership.owner(sn);
            if (expected.isPresent() && !expected.get().equals(from)) {
                return Optional.empty();
            }
            if (!ownership.transfer(sn, expected, from, to, warranties.clock().instant())) {
                return Optional.empty();
            }
            LOG.info("device {} transferred from {} to {}", sn, from, to);
            return Optional.of(after);
        }));
    }
}
