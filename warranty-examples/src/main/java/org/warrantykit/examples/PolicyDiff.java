package org.warrantykit.examples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyException;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.TransferVerdict;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * What a policy change does to a device portfolio: both rule sets decide every device on the same
 * day, and every device whose standard start, standard end, upgrade (eligibility or years) or
 * offers (terms or prices) differ is listed, old and new. Offers are those a device would be shown
 * right after its free upgrade on that day, where the upgrade is granted (the default policy sells
 * only then); otherwise those of the device as it is, which a policy may sell to without an upgrade.
 *
 * <p>Decisions are made in batches of {@value #BATCH} devices ({@link WarrantyRules#decideAll}).
 * A rule set that loaded (it passed its sample check) may still fail for a device of the portfolio,
 * e.g. two rules that decide different terms for devices made in years the sample does not hold: then
 * {@link #compare} throws {@link Undecided}, naming the side and the first such device.
 */
public final class PolicyDiff {
    /** Devices per {@code decideAll} call. */
    public static final int BATCH = 500;

    /** Which of the two rule sets: the one in use or the changed one. */
    public enum Side {
        OLD("old"),
        NEW("new");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One rule set failed to decide a device of the portfolio, so there is nothing to compare.
     * Names the side, the first failing device by serial number (empty when devices fail only when
     * decided together, which rules that join facts of different devices can do) and how it was
     * asked; the rule set's problems, at their {@code file:line}, are those of {@link #getCause()}.
     */
    public static final class Undecided extends WarrantyException {
        private final Side side;
        private final transient Device device;
        private final String asked;

        Undecided(Side side, String version, Device device, String asked, RuleSetException cause) {
            super("the " + side.label() + " rule set " + version + " cannot decide "
                    + (device == null ? "a batch of devices" : "device " + device.serial().value()) + " (" + asked
                    + "): " + cause.getMessage().lines().findFirst().orElse("failed").replaceAll(":$", ""), cause);
            this.side = Objects.requireNonNull(side, "side");
            this.device = device;
            this.asked = Objects.requireNonNull(asked, "asked");
        }

        public Side side() {
            return side;
        }

        /** The first device, by serial number, that fails when decided alone. */
        public Optional<Device> device() {
            return Optional.ofNullable(device);
        }

        /** How the device was asked about: with nothing granted yet, or as right after its upgrade. */
        public String asked() {
            return asked;
        }

        /** The rule set's own refusal, with each problem at its {@code file:line}. */
        @Override
        public synchronized RuleSetException getCause() {
            return (RuleSetException) super.getCause();
        }
    }

    /** What changed for a device. */
    public enum Kind {
        STANDARD_START("standard start"),
        STANDARD_END("standard end"),
        UPGRADE("upgrade"),
        OFFERS("offers"),
        TRANSFER("transfer"),
        /** What the standard term, the upgrade or a bought extension covers (parts, labour, transport). */
        SCOPE("scope");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One change of one device: what it was under the old rules and what it is under the new. */
    public record Change(Device device, Kind kind, String before, String after) {
        public Change {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(kind, "kind");
        }

        public SerialNumber serial() {
            return device.serial();
        }
    }

    /** The comparison of two rule sets over a portfolio. */
    public record Result(String oldVersion, String newVersion, int devices, LocalDate on, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }

        /** How many devices changed in each way (every kind present, zero when none). */
        public Map<Kind, Integer> counts() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                counts.put(kind, 0);
            }
            for (Change change : changes) {
                counts.merge(change.kind(), 1, Integer::sum);
            }
            return counts;
        }

        /** How many devices changed in any way. */
        public int devicesChanged() {
            return (int) changes.stream().map(Change::serial).distinct().count();
        }
    }

    /** What one rule set decides for one device. */
    private record Outcome(StandardTerm standard, UpgradeVerdict upgrade, List<OfferTerm> offers,
            TransferVerdict transfer) {
    }

    private PolicyDiff() {
    }

    /** Decides every device with both rule sets on {@code on} and lists what differs, by serial number. */
    public static Result compare(WarrantyRules oldRules, WarrantyRules newRules, List<Device> devices, LocalDate on) {
        List<Device> sorted = devices.stream().sorted(Comparator.comparing(Device::serial)).toList();
        List<Outcome> before = outcomes(Side.OLD, oldRules, sorted, on);
        List<Outcome> after = outcomes(Side.NEW, newRules, sorted, on);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Device device = sorted.get(i);
            Outcome o = before.get(i);
            Outcome n = after.get(i);
            if (!o.standard().start().equals(n.standard().start())) {
                changes.add(new Change(device, Kind.STANDARD_START, o.standard().start().toString(),
                        n.standard().start().toString()));
            }
            if (!o.standard().end().equals(n.standard().end())) {
                changes.add(new Change(device, Kind.STANDARD_END, o.standard().end().toString(),
                        n.standard().end().toString()));
            }
            if (o.upgrade().eligible() != n.upgrade().eligible() || o.upgrade().years() != n.upgrade().years()) {
                changes.add(new Change(device, Kind.UPGRADE, upgrade(o.upgrade()), upgrade(n.upgrade())));
            }
            if (!offers(o.offers()).equals(offers(n.offers()))) {
                changes.add(new Change(device, Kind.OFFERS, offers(o.offers()), offers(n.offers())));
            }
            if (scopeChanged(o, n)) {
                changes.add(new Change(device, Kind.SCOPE, scope(o), scope(n)));
            }
            if (o.transfer().allowed() != n.transfer().allowed()) {
                changes.add(new Change(device, Kind.TRANSFER, transfer(o.transfer()), transfer(n.transfer())));
            }
        }
        return new Result(oldRules.version(), newRules.version(), sorted.size(), on, changes);
    }

    /**
     * Decides every device on {@code on} as {@link #compare} does (with nothing granted yet, and
     * right after the free upgrade where it is granted), in batches of {@value #BATCH}: a rule
     * folder judged on an operator's own supply data.
     *
     * @return how many devices were decided
     * @throws Undecided naming the first device, by serial number, that the rule set cannot decide
     */
    public static int decideEvery(WarrantyRules rules, List<Device> devices, LocalDate on) {
        List<Device> sorted = devices.stream().sorted(Comparator.comparing(Device::serial)).toList();
        outcomes(Side.NEW, rules, sorted, on);
        return sorted.size();
    }

    private static List<Outcome> outcomes(Side side, WarrantyRules rules, List<Device> devices, LocalDate on) {
        List<PolicyQuery> fresh = devices.stream().map(d -> PolicyQuery.fresh(d, on)).toList();
        List<PolicyDecision> decisions = decideInBatches(side, rules, fresh);
        // the state right after the free upgrade on that day: what the ledger would then hold
        List<Integer> upgradable = new ArrayList<>();
        List<PolicyQuery> upgraded = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            PolicyDecision decision = decisions.get(i);
            if (decision.upgrade().eligible()) {
                upgradable.add(i);
                LocalDate end = decision.standard().end().plusMonths(12L * decision.upgrade().years());
                upgraded.add(new PolicyQuery(devices.get(i), on, true, Optional.of(end)));
            }
        }
        List<PolicyDecision> afterUpgrade = decideInBatches(side, rules, upgraded);
        List<Outcome> outcomes = new ArrayList<>(devices.size());
        for (PolicyDecision decision : decisions) {
            outcomes.add(new Outcome(decision.standard(), decision.upgrade(), decision.offers(), decision.transfer()));
        }
        for (int k = 0; k < upgradable.size(); k++) {
            int i = upgradable.get(k);
            Outcome o = outcomes.get(i);
            outcomes.set(i, new Outcome(o.standard(), o.upgrade(), afterUpgrade.get(k).offers(), o.transfer()));
        }
        return outcomes;
    }

    private static List<PolicyDecision> decideInBatches(Side side, WarrantyRules rules, List<PolicyQuery> queries) {
        List<PolicyDecision> decisions = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += BATCH) {
            List<PolicyQuery> batch = queries.subList(from, Math.min(queries.size(), from + BATCH));
            List<PolicyDecision> decided;
            try {
                decided = rules.decideAll(batch);
            } catch (RuleSetException e) {
                throw undecided(side, rules, batch, e);
            }
            if (decided.size() != batch.size()) {
                throw new IllegalStateException(rules.version() + " decided " + decided.size() + " of "
                        + batch.size() + " devices");
            }
            decisions.addAll(decided);
        }
        return decisions;
    }

    /**
     * The batch failed, and the engine's message need not name a device (a contradiction names
     * only the rules): decide the batch's devices one by one, in serial order, to find the first
     * that fails. Only on this failure path, so a passing diff pays nothing for it.
     */
    private static Undecided undecided(Side side, WarrantyRules rules, List<PolicyQuery> batch, RuleSetException failure) {
        for (PolicyQuery query : batch) {
            try {
                rules.decide(query);
            } catch (RuleSetException alone) {
                return new Undecided(side, rules.version(), query.device(), asked(query), alone);
            }
        }
        return new Undecided(side, rules.version(), null, asked(batch.get(0)) + "; devices "
                + batch.get(0).device().serial().value() + " to " + batch.get(batch.size() - 1).device().serial().value()
                + " fail together, none alone", failure);
    }

    private static String asked(PolicyQuery query) {
        return query.upgraded() ? "asked as right after its free upgrade, covered up to "
                + query.currentEnd().map(LocalDate::toString).orElse("?") : "asked with nothing granted yet";
    }

    /**
     * Whether a line both rule sets grant covers something else: the standard term, the upgrade when
     * both grant it, the extensions when both sell them (a line only one side grants is an upgrade or
     * offers change, not a scope change).
     */
    private static boolean scopeChanged(Outcome o, Outcome n) {
        if (!o.standard().covers().equals(n.standard().covers())) {
            return true;
        }
        if (o.upgrade().eligible() && n.upgrade().eligible() && !o.upgrade().covers().equals(n.upgrade().covers())) {
            return true;
        }
        return !o.offers().isEmpty() && !n.offers().isEmpty() && !o.offers().stream().map(OfferTerm::covers)
                .collect(Collectors.toSet()).equals(n.offers().stream().map(OfferTerm::covers).collect(Collectors.toSet()));
    }

    /**
     * What each line the device can get covers: {@code standard parts and labour; upgrade parts only;
     * extensions parts and labour} (the parts absent from the decision left out).
     */
    private static String scope(Outcome outcome) {
        List<String> parts = new ArrayList<>(3);
        parts.add("standard " + Covered.describe(outcome.standard().covers()));
        if (outcome.upgrade().eligible()) {
            parts.add("upgrade " + Covered.describe(outcome.upgrade().covers()));
        }
        outcome.offers().stream().map(OfferTerm::covers).distinct()
                .forEach(covers -> parts.add("extensions " + Covered.describe(covers)));
        return String.join("; ", parts);
    }

    static String upgrade(UpgradeVerdict verdict) {
        return verdict.eligible() ? "eligible +" + verdict.years() + " y" : "refused";
    }

    /** {@code allowed} or {@code refused}; the reason is the rule author's and shown by {@code explain}. */
    static String transfer(TransferVerdict verdict) {
        return verdict.allowed() ? "allowed" : "refused";
    }

    /** Every term with its price, by ascending term: {@code +60 months EUR 270.00, +120 months EUR 540.00}. */
    static String offers(List<OfferTerm> offers) {
        return offers.isEmpty() ? "none" : offers.stream()
                .map(o -> "+" + o.months() + " months " + o.price()).collect(Collectors.joining(", "));
    }
}
