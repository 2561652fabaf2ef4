package org.warrantykit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.LedgerEntry;

/** The coverage ledger in a map; thread-safe, lost on restart. */
public final class InMemoryCoverageLedger implements CoverageLedger {
    private final ConcurrentMap<SerialNumber, List<LedgerEntry>> entries = new ConcurrentHashMap<>();

    @Override
    public List<LedgerEntry> entries(SerialNumber serial) {
        return entries.getOrDefault(serial, List.of());
    }

    @Override
    public boolean append(SerialNumber serial, int expectedCount, List<LedgerEntry> added) {
        boolean[] appended = {false};
        entries.compute(serial, (key, current) -> {
            List<LedgerEntry> existing = current == null ? List.of() : current;
            if (existing.size() != expectedCount) {
                return current;
            }
            List<LedgerEntry> next = new ArrayList<>(existing);
            next.addAll(added);
            appended[0] = true;
            return List.copyOf(next);
        });
        return appended[0];
    }
}
