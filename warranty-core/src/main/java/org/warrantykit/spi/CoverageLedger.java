package org.warrantykit.spi;

import java.util.List;
import org.warrantykit.SerialNumber;

/**
 * Append-only store of each device's grants. The warranty shown is derived from it; nothing is
 * ever edited in place. A device with no entries has only its computed standard warranty.
 */
public interface CoverageLedger {

    /** The device's entries in the order they were appended (empty when none). */
    List<LedgerEntry> entries(SerialNumber serial);

    /**
     * Appends {@code entries} atomically if the device still has exactly {@code expectedCount}
     * entries; returns false and writes nothing otherwise (someone else appended first).
     */
    boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> entries);
}
