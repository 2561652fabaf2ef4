package org.warrantykit.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.mvel.ConstraintEvaluationException;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.warrantykit.Device;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.InvalidFactException;

/**
 * The policy as Drools DRL, compiled once when loaded and shared by all decisions (thread-safe).
 * A folder that does not compile, or whose decisions on a built-in sample of devices are invalid,
 * is refused with a {@link RuleSetException} naming file, line and message.
 */
public final class DroolsWarrantyRules implements WarrantyRules {
    /** Classpath folder of the shipped default policy. */
    public static final String DEFAULT_FOLDER = "org/warrantykit/rules/default";

    /**
     * Devices per engine session in {@link #decideAll}: a large session's working memory no longer
     * fits the CPU caches, so the cost per device grows with the session; a session of one device
     * pays the pool's reset alone. The measurements are in docs/performance.md.
     */
    static final int DEVICES_PER_SESSION = 64;

    private final KieBase kieBase;
    /**
     * Sessions for {@link #decideAll}, reused: creating a session costs about as much as deciding
     * a few dozen devices. A pooled session's {@code dispose()} resets it (facts, agenda, truth
     * maintenance) and returns it; the pool grows to the number of concurrent callers.
     */
    private final KieSessionsPool sessions;
    private final String version;
    private final Map<String, RuleSource> sourcesByPath;
    /** Loaded from the folder's {@code ruleset.compiled} rather than compiled from its DRL. */
    private final boolean precompiled;

    private DroolsWarrantyRules(KieBase kieBase, String version, Map<String, RuleSource> sourcesByPath,
                                boolean precompiled) {
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.sessions = kieBase.newKieSessionsPool(1);
        this.version = version;
        this.sourcesByPath = sourcesByPath;
    }

    /**
     * The shipped default policy ({@link #DEFAULT_FOLDER}).
     *
     * @return the shipped rule set, sample-checked
     */
    public static DroolsWarrantyRules defaults() {
        return fromClasspath(DEFAULT_FOLDER);
    }

    /**
     * Every {@code *.drl} in the folder (not its sub-folders), plus its optional {@code ruleset.properties}.
     *
     * @param dir the rule folder
     * @return the compiled and sample-checked rule set
     * @throws RuleSetException if {@code dir} is no readable folder of DRL, does not compile or fails the sample check
     */
    public static DroolsWarrantyRules fromDirectory(Path dir) {
        return compile(RuleSetLoader.fromDirectory(dir));
    }

    /**
     * As {@link #fromDirectory} for a folder on the classpath, e.g. {@code "com/acme/warranty-rules"}.
     * When the folder also holds a {@code ruleset.compiled} written by {@link RuleSetPrecompiler} for
     * exactly these sources and this Drools version, the compiled packages are loaded from it instead
     * of compiling the DRL again (the shipped default policy is precompiled at build time); the
     * sample check runs either way.
     *
     * @param folder the folder's classpath path, looked up through the context class loader
     * @return the sample-checked rule set
     * @throws RuleSetException if there is no such folder, it holds no DRL, does not compile or fails the sample check
     */
    public static DroolsWarrantyRules fromClasspath(String folder) {
        return compile(RuleSetLoader.fromClasspath(folder, classLoader()));
    }

    /** The loader of rule folders and their fact classes: the context class loader, else this library's. */
    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : DroolsWarrantyRules.class.getClassLoader();
    }

    private static DroolsWarrantyRules compile(RuleSetLoader.Folder folder) {
        String version = versionOf(folder);
        Optional<KieBase> precompiled = folder.compiled()
                .flatMap(compiled -> PrecompiledRuleSet.read(compiled, version, classLoader()));
        return checked(precompiled.orElseGet(() -> newKieBase(compilePackages(folder))), version, folder,
                precompiled.isPresent());
    }

    /**
     * The configuration of every KieBase of a rule set. A rule set never changes once built (an
     * edited folder becomes a new rule set), so its KieBase is immutable: sessions then keep their
     * facts in one identity map instead of per-class stores that every reset session builds again
     * for each fact class, and drop facts no rule can match (measured in docs/performance.md).
     */
    static KieBaseConfiguration kieBaseConfiguration() {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    /** The KieBase of freshly compiled packages. */
    static KieBase newKieBase(KnowledgeBuilder builder) {
        return ((KnowledgeBuilderImpl) builder).newKnowledgeBase(kieBaseConfiguration());
    }

    /** Whether the engine would let this rule set's KieBase change after it was built (it must not). */
    boolean kieBaseMutable() {
        return ((InternalKnowledgeBase) kieBase).getKieBaseConfiguration()
                .isMutabilityEnabled();
    }

    /** Compiles the folder's DRL files; a folder that does not compile is a {@link RuleSetException}. */
    static KnowledgeBuilder compilePackages(RuleSetLoader.Folder folder) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        // One batch instead of one add() per file: the files' rules are compiled together, in parallel.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSource source : folder.sources()) {
            batch.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.path()), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            List<RuleProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String file = error.getResource() != null && error.getResource().getSourcePath() != null
                        ? error.getResource().getSourcePath() : "?";
                int line = 0;
                for (int candidate : error.getLines()) {
                    if (candidate > 0) {
                        line = candidate;
                        break;
                    }
                }
                problems.add(new RuleProblem(file, line, error.getMessage().strip()));
            }
            // Drools adds this follow-up to every parse error; it tells the author nothing more.
            List<RuleProblem> useful = problems.stream()
                    .filter(p -> !p.message().equals("Parser returned a null Package")).toList();
            throw new RuleSetException("The rule set does not compile", useful.isEmpty() ? problems : useful);
        }
        return builder;
    }

    /** The rule set over a compiled KieBase, once it has passed the sample check. */
    static DroolsWarrantyRules checked(KieBase kieBase, String version, RuleSetLoader.Folder folder,
                                       boolean precompiled) {
        Map<String, RuleSource> byPath = new LinkedHashMap<>();
        for (RuleSource source : folder.sources()) {
            byPath.put(source.path(), source);
        }
        DroolsWarrantyRules rules = new DroolsWarrantyRules(kieBase, version, Map.copyOf(byPath), precompiled);
        SampleCheck.run(rules, folder.sources());
        return rules;
    }

    static String versionOf(RuleSetLoader.Folder folder) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : folder.sources()) {
                digest.update(source.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.text().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            return folder.name().isEmpty() ? hash : folder.name() + "@" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    boolean precompiled() {
        return precompiled;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public PolicyDecision decide(PolicyQuery query) {
        return decideAll(List.of(query)).get(0);
    }

    @Override
    public List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        if (queries.size() > 1 && repeatedSerial(queries, PolicyQuery::device).isPresent()) {
            return decideInRounds(queries);
        }
        return inSessions(queries, query -> List.of(Facts.of(query)), DecisionCollector::decisionFor, "deciding");
    }

    /**
     * Decides queries of distinct devices in sessions of up to {@link #DEVICES_PER_SESSION}
     * devices: each query's facts are inserted, the rules fired once per session, and each query's
     * decision read from what the session's rules produced for its device.
     */
    private <Q, D> List<D> inSessions(List<Q> queries, Function<Q, List<? extends DeviceScoped>> factsOf,
                                      BiFunction<DecisionCollector, Q, D> decisionOf, String doing) {
        List<D> decisions = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += DEVICES_PER_SESSION) {
            List<Q> chunk = queries.subList(from, Math.min(queries.size(), from + DEVICES_PER_SESSION));
            List<DeviceScoped> facts = new ArrayList<>(chunk.size());
            for (Q query : chunk) {
                facts.addAll(factsOf.apply(query));
            }
            DecisionCollector collector = run(facts, doing);
            for (Q query : chunk) {
                decisions.add(decisionOf.apply(collector, query));
            }
        }
        return decisions;
    }

    /**
     * Inserts the facts into a pooled session, fires the rules and returns what they decided; a
     * consequence that throws becomes a {@link RuleSetException} at the rule's file and line.
     */
    private DecisionCollector run(List<? extends DeviceScoped> facts, String doing) {
        KieSession session = sessions.newKieSession();
        DecisionCollector collector = new DecisionCollector(this, facts.size(), soleSerial(facts));
        try {
            session.addEventListener(collector.agendaListener);
            session.addEventListener(collector.insertListener);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } catch (ConsequenceException e) {
            Rule rule = e.getMatch().getRule();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InvalidFactException invalid) {
                throw new RuleSetException("Rule output failed validation", List.of(problemAt(rule,
                        invalid.getMessage() + " for device " + DecisionCollector.serialOf(e.getMatch().getObjects()))), e);
            }
            throw new RuleSetException("A rule failed while " + doing, List.of(
                    problemAt(rule, "rule \"" + rule.getName() + "\" failed: " + cause.getMessage())), e);
        } catch (ConstraintEvaluationException e) {
            // Drools names the rule and the condition in its message; the stack stays in the cause.
            throw new RuleSetException("A rule's condition could not be evaluated while " + doing, List.of(
                    new RuleProblem("(rule set " + version() + ")", 0, shortened(e.getMessage()))), e);
        } finally {
            // the pooled session is reused: it must not keep this call's listeners
            session.removeEventListener(collector.agendaListener);
            session.removeEventListener(collector.insertListener);
            session.dispose();
        }
        return collector;
    }

    /** A message cut to a length a log line and a person can take. */
    private static String shortened(String message) {
        String text = message == null ? "(no message)" : message.strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The serial all facts share, or null when they belong to several devices. */
    private static String soleSerial(List<? extends DeviceScoped> facts) {
        String serial = facts.get(0).serial();
        for (DeviceScoped fact : facts) {
            if (!fact.serial().equals(serial)) {
                return null;
            }
        }
        return serial;
    }

    /** The first device serial that a second query names too, if any. */
    private static <Q> Optional<SerialNumber> repeatedSerial(List<Q> queries, Function<Q, Device> device) {
        Set<SerialNumber> seen = new HashSet<>();
        for (Q query : queries) {
            SerialNumber serial = device.apply(query).serial();
            if (!seen.add(serial)) {
                return Optional.of(serial);
            }
        }
        return Optional.empty();
    }

    /**
     * Facts are joined on the serial, so one session must not hold two queries of one device:
     * such a batch is split into rounds in which every serial appears once.
     */
    private List<PolicyDecision> decideInRounds(List<PolicyQuery> queries) {
        List<List<Integer>> rounds = new ArrayList<>();
        List<Set<SerialNumber>> serialsByRound = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            SerialNumber serial = queries.get(i).device().serial();
            int round = 0;
            while (round < rounds.size() && serialsByRound.get(round).contains(serial)) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
                serialsByRound.add(new HashSet<>());
            }
            rounds.get(round).add(i);
            serialsByRound.get(round).add(serial);
        }
        PolicyDecision[] decisions = new PolicyDecision[queries.size()];
        for (List<Integer> round : rounds) {
            List<PolicyDecision> decided = decideAll(round.stream().map(queries::get).toList());
            for (int j = 0; j < round.size(); j++) {
                decisions[round.get(j)] = decided.get(j);
            }
        }
        return List.of(decisions);
    }

    /**
     * Runs the code rules ({@code codes.drl} in the default policy) for one code entered for one
     * device, in a session of its own (from the pool): only {@code CodeDevice} and the code's fact are inserted, so
     * no standard, upgrade or pricing rule fires. Refusals outweigh acceptances; a code no rule
     * accepts is refused.
     */
    @Override
    public CodeDecision judgeCode(CodeQuery query) {
        return judgeCodes(List.of(query)).get(0);
    }

    /**
     * {@link #judgeCode} for codes entered for distinct devices, several devices per session (the
     * sample check judges hundreds). Code facts are joined on the serial, so a device may appear
     * only once.
     */
    List<CodeDecision> judgeCodes(List<CodeQuery> queries) {
        Optional<SerialNumber> twice = repeatedSerial(queries, CodeQuery::device);
        if (twice.isPresent()) {
            throw new IllegalArgumentException("codes judged together must be for distinct devices; "
                    + twice.get() + " appears twice");
        }
        return inSessions(queries, CodeFacts::of, DecisionCollector::codeDecisionFor, "judging a code");
    }

    /** Where a rule is declared, for problems found while it ran. */
    RuleProblem problemAt(Rule rule, String message) {
        String file = rule instanceof RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null ? impl.getResource().getSourcePath() : rule.getPackageName();
        RuleSource source = sourcesByPath.get(file);
        int line = source == null ? 0 : source.lineOfRule(rule.getName());
        return new RuleProblem(file, line, message);
    }

    @Override
    public String toString() {
        return "DroolsWarrantyRules[" + version + "]";
    }
}
