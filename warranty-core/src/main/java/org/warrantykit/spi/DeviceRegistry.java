package org.warrantykit.spi;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.warrantykit.AccountId;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;

/** The supply/ERP data: which devices exist, their dates, and who owns them. Read-only for the library. */
public interface DeviceRegistry {

    /**
     * The device with this serial number.
     *
     * @param serial a parsed serial number, never null
     * @return the device; empty when the supply data has no such device
     */
    Optional<Device> find(SerialNumber serial);

    /**
     * Devices owned by the account, ordered by serial number.
     *
     * @param account the owner
     * @return its devices according to the supply data; empty when it owns none
     */
    List<Device> ownedBy(AccountId account);

    /**
     * Every device, for bulk work; the caller closes the stream.
     *
     * @return a stream of all devices, to be closed by the caller
     */
    Stream<Device> all();
}
