package org.warrantykit.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.Replacement;
import org.warrantykit.spi.ReplacementStore;

/** Device swaps in two maps under one lock (a swap's checks span both); thread-safe, lost on restart. */
public final class InMemoryReplacementStore implements ReplacementStore {
    private final Map<SerialNumber, Replacement> byFaulty = new HashMap<>();
    private final Map<SerialNumber, Replacement> byReplacement = new HashMap<>();

    @Override
    public synchronized Optional<Replacement> replacementOf(SerialNumber faulty) {
        return Optional.ofNullable(byFaulty.get(faulty));
    }

    @Override
    public synchronized Optional<Replacement> replacing(SerialNumber replacement) {
        return Optional.ofNullable(byReplacement.get(replacement));
    }

    @Override
    public synchronized boolean record(Replacement replacement) {
        Objects.requireNonNull(replacement, "replacement");
        if (byFaulty.containsKey(replacement.faulty()) || byReplacement.containsKey(replacement.replacement())
                || byFaulty.containsKey(replacement.replacement())) {
            return false;
        }
        byFaulty.put(replacement.faulty(), replacement);
        byReplacement.put(replacement.replacement(), replacement);
        return true;
    }

    @Override
    public synchronized boolean withdraw(Replacement replacement) {
        Objects.requireNonNull(replacement, "replacement");
        if (!replacement.equals(byFaulty.get(replacement.faulty()))) {
            return false;
        }
        byFaulty.remove(replacement.faulty());
        byReplacement.remove(replacement.replacement());
        return true;
    }
}
