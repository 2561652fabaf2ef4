package org.warrantykit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Money;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.WarrantyException;
import org.warrantykit.rules.facts.CodeAcceptance;
import org.warrantykit.rules.facts.CodeRefusal;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.NoOffer;
import org.warrantykit.rules.facts.OfferPrice;
import org.warrantykit.rules.facts.StandardStart;
import org.warrantykit.rules.facts.StandardYears;
import org.warrantykit.rules.facts.UpgradeGrant;
import org.warrantykit.rules.facts.UpgradeRefusal;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.UpgradeVerdict;

/**
 * Listens to one engine session: which rules fired for which device, and which rule inserted
 * each output fact. Turns a device's outputs into a {@link PolicyDecision}; a missing or
 * contradictory decision is a {@link RuleSetException} naming the rules responsible. (Each output
 * fact checks its own fields when a rule creates it.)
 */
final class DecisionCollector {
    /** Outputs per device in the default policy; sizing the maps up front spares rehashing. */
    private static final int OUTPUTS_PER_DEVICE = 12;

    private final DroolsWarrantyRules rules;
    private final Map<String, List<String>> firedBySerial;
    private final Map<Object, Rule> insertedBy;
    private final Map<String, List<Output>> outputsBySerial;
    final DefaultAgendaEventListener agendaListener = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String serial = serialOf(event.getMatch().getObjects());
            firedBySerial.computeIfAbsent(serial, s -> new ArrayList<>()).add(event.getMatch().getRule().getName());
        }
    };
    final DefaultRuleRuntimeEventListener insertListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                insertedBy.put(event.getObject(), event.getRule());
            }
        }
    };

    DecisionCollector(DroolsWarrantyRules rules, int devices) {
        this.rules = rules;
        this.firedBySerial = new HashMap<>(devices * 4 / 3 + 1);
        this.outputsBySerial = new HashMap<>(devices * 4 / 3 + 1);
        this.insertedBy = new java.util.IdentityHashMap<>(devices * OUTPUTS_PER_DEVICE);
    }

    /**
     * Takes the outputs that are still in working memory once the rules are done: a fact inserted
     * with {@code insertLogical} and later retracted by truth maintenance does not count.
     */
    void collect(java.util.Collection<?> workingMemory) {
        for (Object object : workingMemory) {
            Rule rule = insertedBy.get(object);
            if (rule != null && object instanceof DeviceScoped scoped) {
                outputsBySerial.computeIfAbsent(scoped.serial(), s -> new ArrayList<>()).add(new Output(scoped, rule));
            }
        }
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

    private List<Output> outputs(String serial) {
        return outputsBySerial.getOrDefault(serial, List.of());
    }

    PolicyDecision decisionFor(PolicyQuery query) {
        String serial = query.device().serial().value();
        List<Output> outputs = outputs(serial);
        DecisionTrace trace = new DecisionTrace(rules.version(), firedBySerial.getOrDefault(serial, List.of()));
        StandardStart start = single(outputs, StandardStart.class, query, "the standard start");
        StandardYears years = single(outputs, StandardYears.class, query, "the standard term in years");
        try {
            return new PolicyDecision(new StandardTerm(start.start(), years.years()), upgrade(outputs, query),
                    offers(outputs, query), noOfferReason(outputs), trace);
        } catch (WarrantyException e) {
            if (e instanceof RuleSetException) {
                throw e;
            }
            throw new RuleSetException("Rule outputs do not make a valid decision", List.of(
                    new RuleProblem("(rule set " + rules.version() + ")", 0, e.getMessage() + " for device " + serial)), e);
        }
    }

    /**
     * The code decision of a code session: every refusal that applies (reasons and rule names,
     * distinct and sorted) outweighs any acceptance; a code no rule accepts is refused.
     */
    CodeDecision codeDecisionFor(CodeQuery query) {
        String serial = query.device().serial().value();
        List<Output> outputs = outputs(serial);
        DecisionTrace trace = new DecisionTrace(rules.version(), firedBySerial.getOrDefault(serial, List.of()));
        List<Output> refusals = of(outputs, CodeRefusal.class);
        if (!refusals.isEmpty()) {
            return CodeDecision.refuse(
                    refusals.stream().map(o -> ((CodeRefusal) o.fact()).reason()).distinct().sorted()
                            .collect(Collectors.joining(" ")),
                    refusals.stream().map(o -> o.rule().getName()).distinct().sorted()
                            .collect(Collectors.joining("; ")), trace);
        }
        List<Output> acceptances = of(outputs, CodeAcceptance.class);
        if (acceptances.isEmpty()) {
            String what = query.kind() == org.warrantykit.CodeKind.EXTENSION ? "extension codes"
                    : "promotion " + query.name();
            return CodeDecision.refuse("No rule of rule set " + rules.version() + " accepts " + what + ".",
                    "no rule accepts " + what, trace);
        }
        return CodeDecision.allow(
                acceptances.stream().map(o -> ((CodeAcceptance) o.fact()).reason()).distinct().sorted()
                        .collect(Collectors.joining(" ")),
                acceptances.stream().map(o -> o.rule().getName()).distinct().sorted()
                        .collect(Collectors.joining("; ")), trace);
    }

    private <T extends DeviceScoped> T single(List<Output> outputs, Class<T> type, PolicyQuery query, String what) {
        List<Output> found = of(outputs, type);
        if (found.isEmpty()) {
            throw new RuleSetException("The rule set is incomplete", List.of(new RuleProblem(
                    "(rule set " + rules.version() + ")", 0, "no rule decided " + what + " for model "
                    + query.device().model() + " (" + query.device().category() + ", device "
                    + query.device().serial() + ")")));
        }
        Set<Object> distinct = found.stream().map(o -> (Object) o.fact()).collect(Collectors.toSet());
        if (distinct.size() > 1) {
            throw new RuleSetException("The rule set contradicts itself", found.stream()
                    .map(o -> rules.problemAt(o.rule(), "decides " + what + " as " + o.fact()
                            + "; other rules decide differently"))
                    .toList());
        }
        return type.cast(found.get(0).fact());
    }

    private UpgradeVerdict upgrade(List<Output> outputs, PolicyQuery query) {
        List<Output> refusals = of(outputs, UpgradeRefusal.class);
        if (!refusals.isEmpty()) {
            return UpgradeVerdict.refuse(refusals.stream().map(o -> ((UpgradeRefusal) o.fact()).reason())
                    .distinct().sorted().collect(Collectors.joining(" ")));
        }
        List<Output> grants = of(outputs, UpgradeGrant.class);
        if (grants.isEmpty()) {
            return UpgradeVerdict.refuse("No upgrade applies to model " + query.device().model() + ".");
        }
        UpgradeGrant grant = single(outputs, UpgradeGrant.class, query, "the upgrade");
        return UpgradeVerdict.grant(grant.years(), grant.reason());
    }

    private List<OfferTerm> offers(List<Output> outputs, PolicyQuery query) {
        if (!of(outputs, NoOffer.class).isEmpty()) {
            return List.of();
        }
        Map<Integer, Output> byMonths = new TreeMap<>();
        for (Output output : of(outputs, OfferPrice.class)) {
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
                terms.add(new OfferTerm(price.months(), Money.of(price.amount(), price.currency())));
            } catch (WarrantyException e) {
                throw new RuleSetException("Rule output failed validation", List.of(
                        rules.problemAt(output.rule(), e.getMessage() + " for device " + query.device().serial())), e);
            }
        }
        terms.sort(Comparator.comparingInt(OfferTerm::months));
        return terms;
    }

    private static String noOfferReason(List<Output> outputs) {
        List<Output> refusals = of(outputs, NoOffer.class);
        if (!refusals.isEmpty()) {
            return refusals.stream().map(o -> ((NoOffer) o.fact()).reason()).distinct().sorted()
                    .collect(Collectors.joining(" "));
        }
        return of(outputs, OfferPrice.class).isEmpty() ? "No extension is priced for this device." : "";
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
