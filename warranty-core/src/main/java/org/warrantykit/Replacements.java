package org.warrantykit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.DeviceWarranties.Snapshot;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.Replacement;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementStore;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.WarrantyRules;

/**
 * Device swaps (RMA): "the replacement goods assume the remaining warranty period of the original".
 * The replacement's ledger receives the faulty unit's lines from the day of the swap on, kinds,
 * sources and scopes unchanged; the faulty unit's view ends the day before.
 */
final class Replacements {
    private static final Logger LOG = LoggerFactory.getLogger(Replacements.class);

    private final DeviceWarranties warranties;
    private final ReplacementStore replacements;
    private final Transactions transactions;

    Replacements(DeviceWarranties warranties, ReplacementStore replacements, Transactions transactions) {
        this.warranties = warranties;
        this.replacements = replacements;
        this.transactions = transactions;
    }

    WarrantyView replace(String faultySerial, String replacementSerial, LocalDate on) {
        SerialNumber faulty = SerialNumber.parse(faultySerial);
        SerialNumber replacement = SerialNumber.parse(replacementSerial);
        SupportedDates.require("on", on);
        LocalDate today = warranties.today();
        if (on.isAfter(today)) {
            throw new InvalidValueException("on", "a swap is recorded once it happened; " + on + " is after today, "
                    + today);
        }
        if (faulty.equals(replacement)) {
            throw new ReplacementRefusedException(faulty, replacement, "a device cannot replace itself.");
        }
        return transactions.inTransaction(() -> warranties.retrying(faulty, "replacing it",
                () -> attempt(faulty, replacement, on, today)));
    }

    private Optional<WarrantyView> attempt(SerialNumber faulty, SerialNumber replacement, LocalDate on, LocalDate today) {
        Device faultyDevice = warranties.device(faulty);
        Device replacementDevice = warranties.device(replacement);
        WarrantyRules policy = warranties.rules();
        // One read of the faulty unit: its view and the swap that may have ended it agree, even while
        // another caller replaces it.
        Snapshot before = warranties.snapshot(faultyDevice, policy, today);
        Optional<Replacement> earlier = before.swaps().replacedBy();
        if (earlier.isPresent()) {
            throw refused(faulty, replacement, "it was already replaced by " + earlier.get().replacement().value()
                    + " on " + earlier.get().on() + ".");
        }
        Optional<Replacement> replacementWasReplaced = replacements.replacementOf(replacement);
        if (replacementWasReplaced.isPresent()) {
            throw refused(faulty, replacement, replacement.value() + " was itself replaced by "
                    + replacementWasReplaced.get().replacement().value() + " on " + replacementWasReplaced.get().on()
                    + "; only a unit in service can take over a warranty.");
        }
        Optional<Replacement> used = replacements.replacing(replacement);
        if (used.isPresent()) {
            throw refused(faulty, replacement, replacement.value() + " already replaced " + used.get().faulty().value()
                    + " on " + used.get().on() + " and carries that warranty.");
        }
        if (!faultyDevice.category().equals(replacementDevice.category())) {
            throw refused(faulty, replacement, replacement.value() + " is of category " + replacementDevice.category().name()
                    + ", the faulty unit of " + faultyDevice.category().name() + "; only a unit of the same category can "
                    + "take over its warranty.");
        }
        if (!warranties.entries(replacementDevice).isEmpty()) {
            throw refused(faulty, replacement, replacement.value() + " has warranty grants of its own; only a unit "
                    + "with nothing granted can take over another's warranty.");
        }
        List<Coverage> lines = before.view().coverages();
        Optional<Coverage> inForce = lines.stream().filter(c -> c.covers(on)).findFirst();
        if (inForce.isEmpty()) {
            throw refused(faulty, replacement, "the faulty unit is not covered on " + on + " (its warranty runs from "
                    + before.view().start() + " to " + before.view().end() + ").");
        }
        if (on.equals(before.view().start())) {
            throw refused(faulty, replacement, "its warranty starts on " + on + ", so nothing of it would remain; "
                    + "a unit swapped on its first day is recorded as the installed unit in the supply data instead.");
        }
        ReplacementVerdict verdict = policy.judgeReplacement(new ReplacementQuery(faultyDevice, replacementDevice, on,
                inForce.get(), warranties.clock().getZone()));
        if (!verdict.allowed()) {
            LOG.info("replacement of device {} by {} on {} refused by the policy: {}", faulty, replacement, on,
                    verdict.reason());
            throw refused(faulty, replacement, verdict.reason());
        }

        Instant now = warranties.clock().instant();
        // A faulty unit with nothing granted has only its computed standard term: freeze it, as a first
        // grant does, so its view (ending the day before the swap) never moves with a rule change.
        List<LedgerEntry> frozen = before.entries().isEmpty()
                ? List.of(new LedgerEntry(lines.get(0), before.decision().trace(), now)) : List.of();
        // the lines that cover the swap day or later, the first one cut to start on it, each with its decision
        List<LedgerEntry> inherited = new ArrayList<>();
        for (LedgerEntry entry : before.entries().isEmpty() ? frozen : before.entries()) {
            Coverage line = entry.coverage();
            if (!line.end().isBefore(on)) {
                Coverage kept = line.start().isBefore(on)
                        ? new Coverage(line.kind(), on, line.end(), line.source(), line.covers()) : line;
                inherited.add(new LedgerEntry(kept, entry.trace(), now));
            }
        }
        Replacement swap = new Replacement(faulty, replacement, on, now);
        // Decided before anything is written: a policy failing on the replacement leaves nothing behind.
        Snapshot emptyReplacement = new Snapshot(replacementDevice, List.of(), before.decision(),
                new DeviceWarranties.Swaps(Optional.of(swap), Optional.empty()), before.view());
        WarrantyView after = warranties.afterAppending(emptyReplacement, inherited, policy, today).view();

        if (!replacements.record(swap)) {
            return Optional.empty(); // someone else swapped one of the two first: re-read, which refuses
        }
        if (!frozen.isEmpty() && !warranties.ledger().append(faulty, 0, frozen)) {
            replacements.withdraw(swap);
            return Optional.empty();
        }
        if (!warranties.ledger().append(replacement, 0, inherited)) {
            replacements.withdraw(swap);
            return Optional.empty();
        }
        LOG.info("device {} replaced by {} on {}: {} coverage lines carried over", faulty, replacement, on,
                inherited.size());
        return Optional.of(after);
    }

    private static ReplacementRefusedException refused(SerialNumber faulty, SerialNumber replacement, String reason) {
        return new ReplacementRefusedException(faulty, replacement, reason);
    }
}
