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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.drools.mvel.ConstraintEvaluationException;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyException;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.rules.facts.DeviceScoped;
import org.warrantykit.rules.facts.InvalidFactException;

/**
 * The policy as Drools DRL, compiled once when loaded and shared by all decisions (thread-safe).
 * A folder that does not compile, or whose decisions on a built-in sample of devices are invalid,
 * is refused with a {@link RuleSetException} naming file, line and message. Every engine session,
 * at load and in live decisions, runs within the rule set's {@link RuleLimits}. A rule folder is
 * code and must come from a trusted author: what no bound can stop ({@code System.exit}, threads,
 * reflection, I/O) is refused before compiling, as a guard against mistakes, not as a sandbox.
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

    private static final Logger LOG = LoggerFactory.getLogger(DroolsWarrantyRules.class);

    private final KieBase kieBase;
    /**
     * Idle sessions for {@link #decideAll}, reused: creating a session costs about as much as deciding
     * a few dozen devices. A session is reset (facts, agenda, truth maintenance) before it goes back,
     * as Drools' own session pool does; one whose rules failed or were halted is disposed instead,
     * since the engine may have stopped half-way. The queue grows to the number of concurrent callers.
     */
    private final Queue<KieSession> idleSessions = new ConcurrentLinkedQueue<>();
    private final String version;
    private final Map<String, RuleSource> sourcesByPath;
    /** Loaded from the folder's {@code ruleset.compiled} rather than compiled from its DRL. */
    private final boolean precompiled;
    private final RuleLimits limits;
    /** Set while the sample check runs, so that a load running out of time can name the rule it was in. */
    private volatile LoadProgress progress;

    private DroolsWarrantyRules(KieBase kieBase, String version, Map<String, RuleSource> sourcesByPath,
                                boolean precompiled, RuleLimits limits) {
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.version = version;
        this.sourcesByPath = sourcesByPath;
        this.limits = limits;
    }

    /**
     * The shipped default policy ({@link #DEFAULT_FOLDER}), within {@link RuleLimits#defaults()}.
     *
     * @return the shipped rule set, sample-checked
     */
    public static DroolsWarrantyRules defaults() {
        return fromClasspath(DEFAULT_FOLDER);
    }

    /**
     * Every {@code *.drl} in the folder (not its sub-folders), plus its optional {@code ruleset.properties},
     * within {@link RuleLimits#defaults()}. A rule folder is code: load only folders from a trusted author.
     *
     * @param dir the rule folder
     * @return the compiled and sample-checked rule set
     * @throws RuleSetException if {@code dir} is no readable folder of UTF-8 DRL, uses what rules may not
     *                          ({@code System}, threads, reflection, I/O, ...), does not compile, fails the
     *                          sample check or exceeds the limits while loading
     */
    public static DroolsWarrantyRules fromDirectory(Path dir) {
        return fromDirectory(dir, RuleLimits.defaults());
    }

    /**
     * As {@link #fromDirectory(Path)}, within the given limits, which then bound every decision of the
     * rule set too.
     *
     * @param dir    the rule folder
     * @param limits the bounds of the load and of every engine session
     * @return the compiled and sample-checked rule set
     * @throws RuleSetException as {@link #fromDirectory(Path)}
     * @throws InvalidValueException if {@code limits} is null
     */
    public static DroolsWarrantyRules fromDirectory(Path dir, RuleLimits limits) {
        InvalidValueException.require("limits", limits);
        return load(RuleSetLoader.fromDirectory(dir), limits);
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
        return fromClasspath(folder, RuleLimits.defaults());
    }

    /**
     * As {@link #fromClasspath(String)}, within the given limits, which then bound every decision of
     * the rule set too.
     *
     * @param folder the folder's classpath path, looked up through the context class loader
     * @param limits the bounds of the load and of every engine session
     * @return the sample-checked rule set
     * @throws RuleSetException as {@link #fromClasspath(String)}
     * @throws InvalidValueException if {@code limits} is null
     */
    public static DroolsWarrantyRules fromClasspath(String folder, RuleLimits limits) {
        InvalidValueException.require("limits", limits);
        return load(RuleSetLoader.fromClasspath(folder, classLoader()), limits);
    }

    /** @return the bounds of this rule set's engine sessions */
    public RuleLimits limits() {
        return limits;
    }

    /** The loader of rule folders and their fact classes: the context class loader, else this library's. */
    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : DroolsWarrantyRules.class.getClassLoader();
    }

    /** What a load is doing, for the message of one that runs out of time. */
    static final class LoadProgress {
        volatile String phase = "compiling the DRL";
        /** The session the sample check runs, once it runs. */
        volatile DecisionCollector session;
        volatile DroolsWarrantyRules rules;

        /** What ran too long: the rule the sample check was in, or the phase. */
        RuleProblem problem(String version, RuleLimits limits) {
            String after = " did not finish within " + RuleLimits.shown(limits.loadTimeout());
            DecisionCollector checking = session;
            Match running = checking == null ? null : checking.running();
            if (running != null && rules != null) {
                return rules.problemAt(running.getRule(), "the sample check" + after + "; rule \""
                        + running.getRule().getName() + "\" was running, for device "
                        + DecisionCollector.serialOf(running.getObjects()) + ". A consequence must not wait or "
                        + "loop without end; if the folder is just large, raise RuleLimits.loadTimeout");
            }
            return new RuleProblem("(rule set " + version + ")", 0, phase + after
                    + "; if the folder is just large, raise RuleLimits.loadTimeout");
        }
    }

    /**
     * Compiles and checks the folder on a thread of its own, so that a load that runs too long can be
     * given up on: then the load is refused, the thread interrupted (which ends a rule that sleeps or
     * waits) and left to end on its own. It is a daemon, so a rule that computes without end keeps a
     * core busy but never keeps the JVM from exiting.
     */
    private static DroolsWarrantyRules load(RuleSetLoader.Folder folder, RuleLimits limits) {
        String version = versionOf(folder);
        LoadProgress progress = new LoadProgress();
        ClassLoader loader = classLoader();
        FutureTask<DroolsWarrantyRules> task = new FutureTask<>(() -> compile(folder, version, limits, progress, loader));
        Thread worker = new Thread(task, "warranty-rules-load " + version);
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);
        worker.start();
        try {
            return task.get(limits.loadTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            RuleSetException refused = new RuleSetException("Loading the rule set took too long",
                    List.of(progress.problem(version, limits)));
            LOG.error("{}\n(its load thread \"{}\" was interrupted and is left to end on its own)",
                    refused.getMessage(), worker.getName());
            throw refused;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WarrantyException refused) {
                throw refused;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            // The engine failed in a way it does not report as a problem of the rules (a bug, or input
            // it cannot take): still the folder's refusal, with the engine's error as the cause.
            LOG.warn("loading rule set {} failed in the rules engine", version, cause);
            throw new RuleSetException("Cannot load rules", List.of(new RuleProblem("(rule set " + version + ")", 0,
                    "the rules engine failed: " + shortened(String.valueOf(cause)))), cause);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new RuleSetException("Loading the rule set was interrupted", List.of(
                    new RuleProblem("(rule set " + version + ")", 0, "the loading thread was interrupted")), e);
        }
    }

    private static DroolsWarrantyRules compile(RuleSetLoader.Folder folder, String version, RuleLimits limits,
                                               LoadProgress progress, ClassLoader loader) {
        Optional<KieBase> precompiled = folder.compiled()
                .flatMap(compiled -> PrecompiledRuleSet.read(compiled, version, loader));
        KieBase kieBase = precompiled.orElseGet(() -> newKieBase(compilePackages(folder)));
        progress.phase = "the sample check";
        return checked(kieBase, version, folder, precompiled.isPresent(), limits, progress);
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
        try {
            batch.build();
        } catch (RuntimeException e) {
            // The compiler gave up instead of reporting an error (e.g. on a class name too long for a class file).
            LOG.warn("the DRL compiler failed", e);
            throw new RuleSetException("The rule set does not compile", List.of(new RuleProblem(
                    folder.sources().size() == 1 ? folder.sources().get(0).path() : "(rule folder)", 0,
                    "the DRL compiler failed: " + shortened(String.valueOf(e)))), e);
        }
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
        return checked(kieBase, version, folder, precompiled, RuleLimits.defaults(), new LoadProgress());
    }

    private static DroolsWarrantyRules checked(KieBase kieBase, String version, RuleSetLoader.Folder folder,
                                               boolean precompiled, RuleLimits limits, LoadProgress progress) {
        Map<String, RuleSource> byPath = new LinkedHashMap<>();
        for (RuleSource source : folder.sources()) {
            byPath.put(source.path(), source);
        }
        DroolsWarrantyRules rules = new DroolsWarrantyRules(kieBase, version, Map.copyOf(byPath), precompiled, limits);
        progress.rules = rules;
        rules.progress = progress;
        try {
            SampleCheck.run(rules, folder.sources());
        } finally {
            rules.progress = null;
        }
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
     * consequence that throws becomes a {@link RuleSetException} at the rule's file and line, as do
     * rules that exceed the {@link #limits()} (then logged: the rule set passed its sample check, so a
     * live decision found a device the check did not cover).
     */
    private DecisionCollector run(List<? extends DeviceScoped> facts, String doing) {
        KieSession session = borrowSession();
        DecisionCollector collector = new DecisionCollector(this, facts.size(), soleSerial(facts),
                limits.firingsPerDevice(), System.nanoTime() + limits.decisionTimeout().toNanos());
        LoadProgress loading = progress;
        if (loading != null) {
            loading.session = collector;
        }
        boolean reusable = false;
        try {
            session.addEventListener(collector.agendaListener);
            session.addEventListener(collector.insertListener);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(collector.firingBudget());
            RuleSetException halted = collector.halted(fired);
            if (halted != null) {
                throw logged(halted, null);
            }
            reusable = true;
        } catch (ConsequenceException e) {
            Rule rule = e.getMatch().getRule();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof DecisionCollector.BoundExceeded bound) {
                throw logged(bound.refusal, e);
            }
            if (cause instanceof StackOverflowError) {
                throw logged(recursed(rule, DecisionCollector.serialOf(e.getMatch().getObjects()), doing, e), null);
            }
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
        } catch (StackOverflowError e) {
            // Not wrapped by the engine: it passes errors on as they are. The rule is the one that ran last.
            Match running = collector.running();
            throw logged(running == null
                    ? new RuleSetException("A rule recursed without end while " + doing, List.of(new RuleProblem(
                            "(rule set " + version() + ")", 0, "a rule's condition overflowed the stack: a function it "
                            + "calls calls itself without end")), e)
                    : recursed(running.getRule(), DecisionCollector.serialOf(running.getObjects()), doing, e), null);
        } finally {
            if (reusable) {
                // the reused session must not keep this call's listeners
                session.removeEventListener(collector.agendaListener);
                session.removeEventListener(collector.insertListener);
                ((StatefulKnowledgeSessionImpl) session).reset();
                idleSessions.offer(session);
            } else {
                discard(session);
            }
        }
        return collector;
    }

    private RuleSetException recursed(Rule rule, String serial, String doing, Throwable overflow) {
        return new RuleSetException("A rule recursed without end while " + doing, List.of(problemAt(rule,
                "rule \"" + rule.getName() + "\" overflowed the stack for device " + serial
                + ": a function or method it calls calls itself without end")), overflow);
    }

    /** Logs a bound a rule exceeded; a live decision that does so fails, and the service keeps serving. */
    private RuleSetException logged(RuleSetException refusal, Throwable cause) {
        if (cause != null && refusal.getCause() == null) {
            refusal.initCause(cause);
        }
        LOG.warn("rule set {}: {}", version, refusal.getMessage());
        return refusal;
    }

    /** Sessions waiting to be reused (for tests: a failed one must not come back). */
    int idleSessions() {
        return idleSessions.size();
    }

    private KieSession borrowSession() {
        KieSession session = idleSessions.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /** A session whose rules failed or were halted is not reused: the engine may have stopped half-way. */
    private static void discard(KieSession session) {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            LOG.debug("disposing a failed engine session", e);
        }
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

    /**
     * Runs the replacement rules ({@code replacement.drl} in the default policy) for one swap, in a
     * session of its own (from the pool): only the swap's {@code ReplacementFact} and its two
     * {@code ReplacementUnit}s are inserted, so no decision, code or scope rule fires. Refusals
     * outweigh permits; a swap no rule decides is a {@link RuleSetException} (an incomplete rule set).
     *
     * @throws InvalidValueException if the two units are one device
     * @throws RuleSetException      if no rule decides the swap, a rule's output is invalid or the rules
     *                               exceed the {@link #limits()}
     */
    @Override
    public ReplacementVerdict judgeReplacement(ReplacementQuery query) {
        InvalidValueException.require("query", query);
        return judgeReplacements(List.of(query)).get(0);
    }

    /**
     * {@link #judgeReplacement} for many swaps, several per session (the sample check judges hundreds).
     * Units are facts under their own serials, so a device may appear in one swap only.
     */
    List<ReplacementVerdict> judgeReplacements(List<ReplacementQuery> queries) {
        Set<SerialNumber> seen = new HashSet<>();
        for (ReplacementQuery query : queries) {
            if (query.faulty().serial().equals(query.replacement().serial())) {
                throw new InvalidValueException("replacement", "device " + query.faulty().serial()
                        + " cannot replace itself");
            }
            for (Device unit : List.of(query.faulty(), query.replacement())) {
                if (!seen.add(unit.serial())) {
                    throw new IllegalArgumentException("swaps judged together must be of distinct devices; "
                            + unit.serial() + " appears twice");
                }
            }
        }
        return inSessions(queries, ReplacementFacts::of, DecisionCollector::replacementVerdictFor,
                "judging a replacement");
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
