package org.warrantykit.spi;

import java.util.List;
import org.warrantykit.SerialNumber;

/**
 * Append-only store of each device's grants. The warranty shown is derived from it; nothing is
 * ever edited in place. A device with no entries has only its computed standard warranty.
 */
public interface CoverageLedger {

    /**
     * The device's entries in the order they were appended.
     *
     * @param serial the device
     * @return its entries, oldest first; empty when nothing was ever granted to it
     */
    List<LedgerEntry> entries(SerialNumber serial);

    /**
     * Appends {@code entries} atomically if the device still has exactly {@code expectedCount}
     * entries; returns false and writes nothing otherwise (someone else appended first).
     *
     * @param serial        the device
     * @param expectedCount how many entries the caller read for the device
     * @param entries       the entries to append, in order
     * @return true if they were appended; false if the device's entry count changed meanwhile
     */
    boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> entries);
}
