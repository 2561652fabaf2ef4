package org.warrantykit.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.UpgradeRequest;
import org.warrantykit.spi.UpgradeRequestStore;

/** Pending upgrades and online observations in maps; thread-safe, lost on restart. */
public final class InMemoryUpgradeRequestStore implements UpgradeRequestStore {
    private final ConcurrentMap<SerialNumber, UpgradeRequest> pending = new ConcurrentHashMap<>();
    private final ConcurrentMap<SerialNumber, Instant> online = new ConcurrentHashMap<>();

    @Override
    public Optional<UpgradeRequest> pending(SerialNumber serial) {
        return Optional.ofNullable(pending.get(serial));
    }

    @Override
    public boolean addIfAbsent(UpgradeRequest request) {
        return pending.putIfAbsent(request.serial(), request) == null;
    }

    @Override
    public boolean remove(SerialNumber serial) {
        return pending.remove(serial) != null;
    }

    @Override
    public void recordOnline(SerialNumber serial, Instant at) {
        online.merge(serial, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    @Override
    public Optional<Instant> onlineSince(SerialNumber serial) {
        return Optional.ofNullable(online.get(serial));
    }
}
