package org.warrantykit;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a device's failure on one day is covered, and what for: the answer a service desk or an
 * installer needs before a repair. Made by {@link WarrantyService#claimCheck}.
 *
 * @param serial     the device
 * @param failureDay the day the device failed
 * @param covered    whether a coverage line was in force that day
 * @param coverage   the line in force that day; empty when not covered
 * @param covers     what that line pays for; empty when not covered; unmodifiable
 * @param reason     a sentence for the desk: which line covers the failure and what it leaves out, or why
 *                   nothing covers it
 */
public record ClaimCheck(SerialNumber serial, LocalDate failureDay, boolean covered, Optional<Coverage> coverage,
                         Set<Covered> covers, String reason) {
    /**
     * Checks the answer.
     *
     * @param serial     the device
     * @param failureDay the day it failed
     * @param covered    whether covered
     * @param coverage   the line in force; present exactly when covered, and then covering {@code failureDay}
     * @param covers     the line's scope when covered, empty otherwise
     * @param reason     the desk's sentence, not blank
     * @throws InvalidValueException if a value is null, the reason blank, or the parts disagree
     */
    public ClaimCheck {
        InvalidValueException.require("serial", serial);
        InvalidValueException.require("failureDay", failureDay);
        InvalidValueException.require("coverage", coverage);
        InvalidValueException.require("covers", covers);
        InvalidValueException.require("reason", reason);
        if (reason.isBlank()) {
            throw new InvalidValueException("reason", "a claim check says why");
        }
        if (covered != coverage.isPresent()) {
            throw new InvalidValueException("coverage", "a covered claim names its line and an uncovered one none, was "
                    + coverage);
        }
        if (coverage.isPresent() && (!coverage.get().covers(failureDay) || !coverage.get().covers().equals(covers))) {
            throw new InvalidValueException("coverage", "line " + coverage.get() + " does not cover " + failureDay
                    + " with " + covers);
        }
        if (!covered && !covers.isEmpty()) {
            throw new InvalidValueException("covers", "an uncovered claim covers nothing, was " + covers);
        }
        covers = covered ? Covered.scope(covers) : Set.of();
    }

    /**
     * The check of {@code failureDay} against a device's lines (contiguous); a unit that was replaced
     * is not covered from the swap on: its warranty continues on the replacement.
     */
    static ClaimCheck of(SerialNumber serial, LocalDate failureDay, WarrantyView view, Optional<LocalDate> replacedOn) {
        List<Coverage> lines = view.coverages();
        if (replacedOn.isPresent() && !failureDay.isBefore(replacedOn.get())) {
            String replacement = view.replacedBy().orElseThrow();
            return new ClaimCheck(serial, failureDay, false, Optional.empty(), Set.of(), "Not covered on this unit: it "
                    + "was replaced by " + replacement + " on " + replacedOn.get() + "; claims from that day go to "
                    + replacement + ".");
        }
        for (Coverage line : lines) {
            if (line.covers(failureDay)) {
                return new ClaimCheck(serial, failureDay, true, Optional.of(line), line.covers(), coveredBy(line, failureDay));
            }
        }
        LocalDate start = lines.get(0).start();
        LocalDate end = lines.get(lines.size() - 1).end();
        String reason = failureDay.isBefore(start)
                ? "Not covered: the warranty had not started on " + failureDay + " (it starts " + start + ")."
                        + view.replaces().map(faulty -> " This unit replaced " + faulty + " on " + start
                                + "; claims before that day go to " + faulty + ".").orElse("")
                : "Not covered: the warranty ended on " + end + ", before the failure on " + failureDay + ".";
        return new ClaimCheck(serial, failureDay, false, Optional.empty(), Set.of(), reason);
    }

    private static String coveredBy(Coverage line, LocalDate failureDay) {
        EnumSet<Covered> missing = EnumSet.complementOf(EnumSet.copyOf(line.covers()));
        String term = switch (line.kind()) {
            case STANDARD -> "the standard term";
            case UPGRADE -> "the upgrade term";
            case EXTENSION -> "an extension";
            case PROMOTION -> "a promotion";
        };
        String left = missing.isEmpty() ? "" : "; " + String.join(" and ", missing.stream()
                .map(Covered::word).toList())
                + (missing.size() == 1 ? " is" : " are") + " not covered";
        return "Covered on " + failureDay + " by " + term + " (" + line.source() + ", " + line.start() + " to "
                + line.end() + "): " + Covered.describe(line.covers()) + left + ".";
    }
}
