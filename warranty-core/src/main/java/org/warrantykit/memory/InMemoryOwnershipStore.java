package org.warrantykit.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.warrantykit.AccountId;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.OwnershipStore;

/** Owner changes in a map; thread-safe, lost on restart. */
public final class InMemoryOwnershipStore implements OwnershipStore {
    private final ConcurrentMap<SerialNumber, AccountId> owners = new ConcurrentHashMap<>();

    @Override
    public Optional<AccountId> owner(SerialNumber serial) {
        return Optional.ofNullable(owners.get(serial));
    }

    @Override
    public List<SerialNumber> transferredTo(AccountId account) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(account)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    @Override
    public boolean transfer(SerialNumber serial, Optional<AccountId> expected, AccountId from, AccountId to,
                            Instant at) {
        Objects.requireNonNull(to, "to");
        return expected.isPresent() ? owners.replace(serial, expected.get(), to) : owners.putIfAbsent(serial, to) == null;
    }
}
