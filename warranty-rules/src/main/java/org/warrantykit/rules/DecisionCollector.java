package org.warrantykit.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.rule.Match;
import org.warrantykit.CodeKind;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.WarrantyException;
import org.warrantykit.rules.facts.CodeAcceptance;
import org.warrantykit.rules.facts.CodeRefusal;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.GrantScope;
import org.warrantykit.rules.facts.NoOffer;
import org.warrantykit.rules.facts.OfferPrice;
import org.warrantykit.rules.facts.ReplacementPermit;
import org.warrantykit.rules.facts.ReplacementRefusal;
import org.warrantykit.rules.facts.StandardStart;
import org.warrantykit.rules.facts.StandardYears;
import org.warrantykit.rules.facts.TransferPermit;
import org.warrantykit.rules.facts.TransferRefusal;
import org.warrantykit.rules.facts.UpgradeGrant;
import org.warrantykit.rules.facts.UpgradeRefusal;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.TransferVerdict;
import org.warrantykit.spi.UpgradeVerdict;

/**
 * Listens to one engine session: which rules fired for which device, and which rule inserted
 * each output fact. Turns a device's outputs into a {@link PolicyDecision}; a missing or
 * contradictory decision is a {@link RuleSetException} naming the rules responsible. (Each output
 * fact checks its own fields when a rule creates it.)
 */
final class DecisionCollector {
    /** Outputs per device in the default policy; sizing the lists up front spares copying. */
    private static final int OUTPUTS_PER_DEVICE = 12;

    private final DroolsWarrantyRules rules;
    private final Map<String, DeviceRecord> bySerial;
    /** The session's only device, or null when it holds several. */
    private final String soleSerial;
    /** The most firings, and the most inserted facts, per device ({@link RuleLimits#firingsPerDevice}). */
    private final int firingsPerDevice;
    /** {@link System#nanoTime()} after which the session is halted ({@link RuleLimits#decisionTimeout}). */
    private final long deadline;
    /** The devices of the session; facts rules insert that belong to none count against all of them. */
    private final int devices;
    /** The device of the first output the firing rule inserted, deleted or replaced; null before it touched one. */
    private DeviceRecord firing;
    /**
     * The match whose consequence runs or ran last: the rule to name when the session fails without a
     * match. Plain, not volatile (it is written on every firing); a load that runs out of time reads
     * it from another thread for its message only.
     */
    private Match running;
    /** Firings in the whole session, to look at the clock every few of them only. */
    private int sessionFirings;
    /** Inserted facts that are not a device's output (no serial). */
    private int otherInserts;
    /** Why the session was halted, once it was; null while it keeps within its bounds. */
    private RuleSetException halted;
    final DefaultAgendaEventListener agendaListener = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            running = event.getMatch();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            // A rule fired for the device whose outputs it touched; only a rule that touched none needs
            // its match searched, the slow part (a session of one device needs neither).
            DeviceRecord record = firing != null ? firing
                    : recordOf(soleSerial != null ? soleSerial : serialOf(event.getMatch().getObjects()));
            firing = null;
            Rule rule = event.getMatch().getRule();
            record.fired.add(rule.getName());
            if (record.fired.size() > firingsPerDevice && halted == null) {
                halted = exceeded(rule, record, "fired more than " + firingsPerDevice + " times");
                event.getKieRuntime().halt();
            } else if ((++sessionFirings & 15) == 0 && System.nanoTime() - deadline > 0 && halted == null) {
                halted = new RuleSetException("A decision ran out of time", List.of(rules.problemAt(rule,
                        "the rules were still firing after " + RuleLimits.shown(rules.limits().decisionTimeout())
                        + " (rule \"" + rule.getName() + "\" fired last, for device " + record.serial
                        + "); make each rule's work small, or raise RuleLimits.decisionTimeout")));
                event.getKieRuntime().halt();
            }
        }
    };
    /**
     * Keeps each device's outputs as rules insert them, and drops those a rule deletes or replaces
     * ({@code drools.update(handle, newFact)}): what is left when the rules are done is the decision.
     * (Cheaper than walking the session's working memory afterwards.) Counts what each device's rules
     * insert, and stops a rule that inserts more than its bound right in its consequence.
     */
    final DefaultRuleRuntimeEventListener insertListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            DeviceRecord record = touched(event.getObject(), event.getRule());
            if (record != null) {
                record.outputs.add(new Output((DeviceScoped) event.getObject(), event.getRule()));
                if (++record.inserted > firingsPerDevice) {
                    throw new BoundExceeded(exceeded(event.getRule(), record,
                            "inserted more than " + firingsPerDevice + " facts"));
                }
            } else if (event.getRule() != null && ++otherInserts > (long) firingsPerDevice * devices) {
                throw new BoundExceeded(exceeded(event.getRule(), null,
                        "inserted more than " + (long) firingsPerDevice * devices + " facts"));
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            DeviceRecord record = touched(event.getOldObject(), event.getRule());
            if (record != null) {
                record.remove(event.getOldObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            DeviceRecord record = touched(event.getObject(), event.getRule());
            if (event.getOldObject() != event.getObject()) {
                if (event.getOldObject() instanceof DeviceScoped old) {
                    recordOf(old.serial()).remove(old);
                }
                if (record != null) {
                    record.outputs.add(new Output((DeviceScoped) event.getObject(), event.getRule()));
                }
            }
        }
    };

    /**
     * @param firingsPerDevice {@link RuleLimits#firingsPerDevice}
     * @param deadline         the {@link System#nanoTime()} after which the rules are halted
     */
    DecisionCollector(DroolsWarrantyRules rules, int devices, String soleSerial, int firingsPerDevice, long deadline) {
        this.rules = rules;
        this.soleSerial = soleSerial;
        this.devices = devices;
        this.firingsPerDevice = firingsPerDevice;
        this.deadline = deadline;
        this.bySerial = new HashMap<>(devices * 4 / 3 + 1);
    }

    /** Thrown from the insert listener inside a rule's consequence; the engine wraps it with the match. */
    static final class BoundExceeded extends RuntimeException {
        final transient RuleSetException refusal;

        BoundExceeded(RuleSetException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private RuleSetException exceeded(Rule rule, DeviceRecord record, String what) {
        String device = record == null ? "" : " for device " + record.serial;
        long times = record == null ? 0 : record.fired.stream().filter(rule.getName()::equals).count();
        boolean firings = what.startsWith("fired");
        return new RuleSetException("A rule exceeded the rule set's bounds", List.of(rules.problemAt(rule,
                "the rules " + what + device + "; rule \"" + rule.getName() + "\""
                + (firings && times > 0 ? " fired " + times + " of those times" : firings ? " fired last"
                        : " inserted the last of them")
                + ". A rule that modifies or inserts what its own condition matches fires again and again:"
                + " give it a condition its result no longer meets (or raise RuleLimits.firingsPerDevice)")));
    }

    /** The most firings the session may run: every device its bound, plus one to notice the excess. */
    int firingBudget() {
        return (int) Math.min(Integer.MAX_VALUE, (long) firingsPerDevice * devices + 1);
    }

    /** Why the rules were halted, if they were: a device's firings or the session's time ran out. */
    RuleSetException halted(int fired) {
        if (halted == null && fired >= firingBudget()) {
            // the engine did not halt at the device's bound: the budget of the whole session stopped it
            Match last = running;
            halted = last == null ? new RuleSetException("A rule exceeded the rule set's bounds", List.of(
                    new RuleProblem("(rule set " + rules.version() + ")", 0, "the rules fired " + fired + " times")))
                    : exceeded(last.getRule(), null, "fired " + fired + " times");
        }
        return halted;
    }

    /** The match whose consequence runs or ran last, or null before the first firing. */
    Match running() {
        return running;
    }

    /** What a rule fired for one device left behind: its outputs, and the names of the rules fired, in order. */
    private static final class DeviceRecord {
        final String serial;
        final List<Output> outputs = new ArrayList<>(OUTPUTS_PER_DEVICE);
        final List<String> fired = new ArrayList<>(OUTPUTS_PER_DEVICE);
        /** Facts the rules inserted for the device, whether or not deleted since. */
        int inserted;

        DeviceRecord(String serial) {
            this.serial = serial;
        }

        void remove(Object fact) {
            outputs.removeIf(output -> output.fact() == fact);
        }
    }

    private DeviceRecord recordOf(String serial) {
        return bySerial.computeIfAbsent(serial, DeviceRecord::new);
    }

    /**
     * The record of the device an output belongs to, noted as the firing rule's device when it is the
     * first the rule touched; null for facts that are not a rule's output (the inserted input facts).
     */
    private DeviceRecord touched(Object object, Rule by) {
        if (by == null || !(object instanceof DeviceScoped scoped)) {
            return null;
        }
        DeviceRecord record = recordOf(scoped.serial());
        if (firing == null) {
            firing = record;
        }
        return record;
    }

    private record Output(DeviceScoped fact, Rule rule) {
    }

    static String serialOf(List<Object> objects) {
        for (Object object : objects) {
            if (object instanceof DeviceScoped scoped) {
                return scoped.serial();
            }
        }
        return "";
    }


    PolicyDecision decisionFor(PolicyQuery query) {
        String serial = query.device().serial().value();
        DeviceRecord record = recordOf(serial);
        ByKind outputs = new ByKind(record.outputs);
        DecisionTrace trace = new DecisionTrace(rules.version(), record.fired);
        StandardStart start = single(outputs.starts, StandardStart.class, query, "the standard start");
        StandardYears years = single(outputs.years, StandardYears.class, query, "the standard term in years");
        try {
            Map<CoverageKind, Set<Covered>> scopes = scopes(outputs.scopes);
            return new PolicyDecision(new StandardTerm(start.start(), years.years(),
                    scope(scopes, CoverageKind.STANDARD, query, "the standard warranty")), upgrade(outputs, query, scopes),
                    offers(outputs, query, scopes), noOfferReason(outputs), transfer(outputs, query), trace);
        } catch (WarrantyException e) {
            if (e instanceof RuleSetException) {
                throw e;
            }
            throw new RuleSetException("Rule outputs do not make a valid decision", List.of(
                    new RuleProblem("(rule set " + rules.version() + ")", 0, e.getMessage() + " for device " + serial)), e);
        }
    }

    /** A device's outputs sorted by kind in one pass (this runs for every decision). */
    private static final class ByKind {
        final List<Output> starts = new ArrayList<>(1);
        final List<Output> years = new ArrayList<>(1);
        final List<Output> grants = new ArrayList<>(1);
        final List<Output> upgradeRefusals = new ArrayList<>(1);
        final List<Output> noOffers = new ArrayList<>(2);
        final List<Output> prices = new ArrayList<>(3);
        final List<Output> transferPermits = new ArrayList<>(1);
        final List<Output> transferRefusals = new ArrayList<>(1);
        final List<Output> scopes = new ArrayList<>(8);

        ByKind(List<Output> outputs) {
            for (Output output : outputs) {
                DeviceScoped fact = output.fact();
                if (fact instanceof StandardStart) {
                    starts.add(output);
                } else if (fact instanceof StandardYears) {
                    years.add(output);
                } else if (fact instanceof UpgradeGrant) {
                    grants.add(output);
                } else if (fact instanceof UpgradeRefusal) {
                    upgradeRefusals.add(output);
                } else if (fact instanceof NoOffer) {
                    noOffers.add(output);
                } else if (fact instanceof OfferPrice) {
                    prices.add(output);
                } else if (fact instanceof TransferPermit) {
                    transferPermits.add(output);
                } else if (fact instanceof TransferRefusal) {
                    transferRefusals.add(output);
                } else if (fact instanceof GrantScope) {
                    scopes.add(output);
                }
            }
        }
    }

    /**
     * The code decision of a code session: every refusal that applies (reasons and rule names,
     * distinct and sorted) outweighs any acceptance; a code no rule accepts is refused.
     */
    CodeDecision codeDecisionFor(CodeQuery query) {
        String serial = query.device().serial().value();
        DeviceRecord record = recordOf(serial);
        List<Output> outputs = record.outputs;
        DecisionTrace trace = new DecisionTrace(rules.version(), record.fired);
        List<Output> refusals = of(outputs, CodeRefusal.class);
        if (!refusals.isEmpty()) {
            return CodeDecision.refuse(joined(refusals, o -> ((CodeRefusal) o.fact()).reason(), " "),
                    joined(refusals, o -> o.rule().getName(), "; "), trace);
        }
        List<Output> acceptances = of(outputs, CodeAcceptance.class);
        if (acceptances.isEmpty()) {
            String what = query.kind() == CodeKind.EXTENSION ? "extension codes"
                    : "promotion " + query.name();
            return CodeDecision.refuse("No rule of rule set " + rules.version() + " accepts " + what + ".",
                    "no rule accepts " + what, trace);
        }
        return CodeDecision.allow(joined(acceptances, o -> ((CodeAcceptance) o.fact()).reason(), " "),
                joined(acceptances, o -> o.rule().getName(), "; "), trace, scopes(of(outputs, GrantScope.class)));
    }

    /**
     * The verdict of a replacement session for one swap: every refusal that applies (reasons distinct,
     * sorted, joined) outweighs any permit; a swap no rule decides is an incomplete rule set, and a
     * verdict filed under the replacement unit's serial instead of the swap's (the faulty unit's) is
     * refused at its rule. The trace lists the rules fired for the swap and the faulty unit, then
     * those fired for the replacement unit.
     */
    ReplacementVerdict replacementVerdictFor(ReplacementQuery query) {
        DeviceRecord swap = recordOf(query.faulty().serial().value());
        DeviceRecord unit = recordOf(query.replacement().serial().value());
        for (Output misfiled : unit.outputs) {
            if (misfiled.fact() instanceof ReplacementPermit || misfiled.fact() instanceof ReplacementRefusal) {
                throw new RuleSetException("Rule output failed validation", List.of(rules.problemAt(misfiled.rule(),
                        "inserts " + misfiled.fact() + " under the replacement unit's serial; a replacement verdict "
                        + "carries the swap's serial, the faulty unit's (ReplacementFact.serial), here "
                        + swap.serial)));
            }
        }
        List<String> fired = new ArrayList<>(swap.fired.size() + unit.fired.size());
        fired.addAll(swap.fired);
        fired.addAll(unit.fired);
        DecisionTrace trace = new DecisionTrace(rules.version(), fired);
        List<Output> refusals = of(swap.outputs, ReplacementRefusal.class);
        if (!refusals.isEmpty()) {
            return ReplacementVerdict.refuse(joined(refusals, o -> ((ReplacementRefusal) o.fact()).reason(), " "), trace);
        }
        List<Output> permits = of(swap.outputs, ReplacementPermit.class);
        if (permits.isEmpty()) {
            throw new RuleSetException("The rule set is incomplete", List.of(new RuleProblem(
                    "(rule set " + rules.version() + ")", 0, "no rule decided whether a replacement takes over the "
                    + "warranty (a ReplacementPermit or ReplacementRefusal) for device " + swap.serial + " ("
                    + describe(query.faulty()) + ") replaced by " + unit.serial + " ("
                    + describe(query.replacement()) + ")")));
        }
        return ReplacementVerdict.allow(joined(permits, o -> ((ReplacementPermit) o.fact()).reason(), " "), trace);
    }

    private static String describe(org.warrantykit.Device device) {
        return device.model() + " " + device.category() + ", region " + device.region();
    }

    /** Every item the rules gave each kind of line; the items of a kind are its scope. */
    private static Map<CoverageKind, Set<Covered>> scopes(List<Output> scopes) {
        Map<CoverageKind, Set<Covered>> byKind = new EnumMap<>(CoverageKind.class);
        for (Output output : scopes) {
            GrantScope scope = (GrantScope) output.fact();
            byKind.computeIfAbsent(scope.kind(), k -> EnumSet.noneOf(Covered.class)).add(scope.item());
        }
        return byKind;
    }

    /** The scope of a kind of line the decision grants; none decided is an incomplete rule set. */
    private Set<Covered> scope(Map<CoverageKind, Set<Covered>> scopes, CoverageKind kind, PolicyQuery query,
                               String what) {
        Set<Covered> scope = scopes.get(kind);
        if (scope == null) {
            throw new RuleSetException("The rule set is incomplete", List.of(new RuleProblem(
                    "(rule set " + rules.version() + ")", 0, "no rule decided what " + what + " covers (a GrantScope of "
                    + kind + ") for model " + query.device().model() + " (" + query.device().category()
                    + ", region " + query.device().region() + ", device " + query.device().serial() + ")")));
        }
        return scope;
    }

    /** The one output all of {@code found}'s rules agree on; none is an incomplete, two a contradicting rule set. */
    private <T extends DeviceScoped> T single(List<Output> found, Class<T> type, PolicyQuery query, String what) {
        if (found.isEmpty()) {
            throw new RuleSetException("The rule set is incomplete", List.of(new RuleProblem(
                    "(rule set " + rules.version() + ")", 0, "no rule decided " + what + " for model "
                    + query.device().model() + " (" + query.device().category() + ", device "
                    + query.device().serial() + ")")));
        }
        DeviceScoped first = found.get(0).fact();
        for (Output other : found) {
            if (!other.fact().equals(first)) {
                throw new RuleSetException("The rule set contradicts itself", found.stream()
                        .map(o -> rules.problemAt(o.rule(), "decides " + what + " as " + o.fact()
                                + "; other rules decide differently"))
                        .toList());
            }
        }
        return type.cast(first);
    }

    private UpgradeVerdict upgrade(ByKind outputs, PolicyQuery query, Map<CoverageKind, Set<Covered>> scopes) {
        if (!outputs.upgradeRefusals.isEmpty()) {
            return UpgradeVerdict.refuse(joined(outputs.upgradeRefusals, o -> ((UpgradeRefusal) o.fact()).reason(), " "));
        }
        if (outputs.grants.isEmpty()) {
            return UpgradeVerdict.refuse("No upgrade applies to model " + query.device().model() + ".");
        }
        UpgradeGrant grant = single(outputs.grants, UpgradeGrant.class, query, "the upgrade");
        return UpgradeVerdict.grant(grant.years(), grant.reason(),
                scope(scopes, CoverageKind.UPGRADE, query, "the online upgrade"));
    }

    /** Every refusal that applies outweighs any permit; a transfer no rule permits is refused. */
    private TransferVerdict transfer(ByKind outputs, PolicyQuery query) {
        if (!outputs.transferRefusals.isEmpty()) {
            return TransferVerdict.refuse(joined(outputs.transferRefusals, o -> ((TransferRefusal) o.fact()).reason(), " "));
        }
        if (outputs.transferPermits.isEmpty()) {
            return TransferVerdict.refuse("No rule of rule set " + rules.version() + " lets the warranty of model "
                    + query.device().model() + " pass to a new owner.");
        }
        return TransferVerdict.allow(joined(outputs.transferPermits, o -> ((TransferPermit) o.fact()).reason(), " "));
    }

    private List<OfferTerm> offers(ByKind outputs, PolicyQuery query, Map<CoverageKind, Set<Covered>> scopes) {
        if (!outputs.noOffers.isEmpty() || outputs.prices.isEmpty()) {
            return List.of();
        }
        Set<Covered> covers = scope(scopes, CoverageKind.EXTENSION, query, "a bought extension");
        Map<Integer, Output> byMonths = new TreeMap<>();
        for (Output output : outputs.prices) {
            OfferPrice price = (OfferPrice) output.fact();
            Output earlier = byMonths.putIfAbsent(price.months(), output);
            if (earlier != null && !earlier.fact().equals(price)) {
                throw new RuleSetException("The rule set contradicts itself", List.of(
                        rules.problemAt(earlier.rule(), "prices the " + price.months() + "-month extension as "
                                + earlier.fact()),
                        rules.problemAt(output.rule(), "prices the same extension as " + price)));
            }
        }
        List<OfferTerm> terms = new ArrayList<>(byMonths.size());
        for (Output output : byMonths.values()) {
            OfferPrice price = (OfferPrice) output.fact();
            try {
                terms.add(new OfferTerm(price.months(), Money.of(price.amount(), price.currency()), covers));
            } catch (WarrantyException e) {
                throw new RuleSetException("Rule output failed validation", List.of(
                        rules.problemAt(output.rule(), e.getMessage() + " for device " + query.device().serial())), e);
            }
        }
        return terms;
    }

    private static String noOfferReason(ByKind outputs) {
        if (!outputs.noOffers.isEmpty()) {
            return joined(outputs.noOffers, o -> ((NoOffer) o.fact()).reason(), " ");
        }
        return outputs.prices.isEmpty() ? "No extension is priced for this device." : "";
    }

    /** A text of each output (a reason, a rule name), distinct, sorted and joined; one output is the common case. */
    private static String joined(List<Output> outputs, Function<Output, String> text, String separator) {
        if (outputs.size() == 1) {
            return text.apply(outputs.get(0));
        }
        SortedSet<String> distinct = new TreeSet<>();
        for (Output output : outputs) {
            distinct.add(text.apply(output));
        }
        return String.join(separator, distinct);
    }

    private static List<Output> of(List<Output> outputs, Class<?> type) {
        List<Output> found = new ArrayList<>();
        for (Output output : outputs) {
            if (type.isInstance(output.fact())) {
                found.add(output);
            }
        }
        return found;
    }

}
