package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.rules.HostileFolders.assertHostStillDecides;
import static org.warrantykit.rules.HostileFolders.device;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.WarrantyService;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * Rules that loop, insert without end, wait or recurse are refused with a {@link RuleSetException}
 * naming the rule at its file and line, at load (the sample check runs within the same bounds) and in
 * live decisions for devices the sample does not cover; the host keeps deciding afterwards. (The
 * folders that would take the test JVM with them run in {@link HostileFolderChildJvmTest}.)
 */
class BoundedRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    @Test
    void aRuleThatUpdatesItsOwnFactForeverIsRefusedAtLoad() throws IOException {
        Path folder = HostileFolders.folder(dir, HostileFolders.LOOP);

        RuleSetException e = refusedWithin(Duration.ofSeconds(60), () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.getMessage()).startsWith("A rule exceeded the rule set's bounds");
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo(HostileFolders.FILE);
        assertThat(problem.line()).isEqualTo(HostileFolders.lineOf(HostileFolders.LOOP, "Hostile: update the device forever"));
        assertThat(problem.message()).contains("fired more than 10000 times for device SAMPLE",
                "rule \"Hostile: update the device forever\" fired", "give it a condition its result no longer meets",
                "RuleLimits.firingsPerDevice");
        assertHostStillDecides();
    }

    @Test
    void aRuleThatInsertsWhatItMatchesIsRefusedAtLoad() throws IOException {
        Path folder = HostileFolders.folder(dir, HostileFolders.INSERT_FOREVER);

        RuleSetException e = refusedWithin(Duration.ofSeconds(60), () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.getMessage()).startsWith("A rule exceeded the rule set's bounds");
        assertThat(e.problems().get(0).toString()).startsWith(HostileFolders.FILE + ":"
                + HostileFolders.lineOf(HostileFolders.INSERT_FOREVER, "Hostile: insert forever") + ": ")
                .containsPattern("(inserted more than 10000 facts for device SAMPLE\\d+; rule \"Hostile: insert forever\" inserted"
                        + " the last of them|fired more than 10000 times for device SAMPLE\\d+; rule \"Hostile: insert forever\" fired)");
        assertHostStillDecides();
    }

    @Test
    void aConsequenceThatWaitsIsRefusedWhenTheLoadRunsOutOfTime() throws IOException, InterruptedException {
        // compile one folder first: a cold DRL compiler on a busy machine can take seconds, and it is
        // the sample check, not the compile, that must run out of time here
        DroolsWarrantyRules.fromDirectory(DefaultRuleFolder.copyTo(dir.resolve("warm-up")));
        Path folder = HostileFolders.folder(dir.resolve("rules"), HostileFolders.SLEEP);
        RuleLimits limits = RuleLimits.defaults().withLoadTimeout(Duration.ofSeconds(5));

        RuleSetException e = refusedWithin(Duration.ofSeconds(40), () -> DroolsWarrantyRules.fromDirectory(folder, limits));

        assertThat(e.getMessage()).startsWith("Loading the rule set took too long");
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(HostileFolders.FILE);
            assertThat(problem.line()).isEqualTo(HostileFolders.lineOf(HostileFolders.SLEEP, "Hostile: wait for a slow service"));
            assertThat(problem.message()).contains("the sample check did not finish within 5 s",
                    "rule \"Hostile: wait for a slow service\" was running, for device SAMPLE", "raise RuleLimits.loadTimeout");
        });
        // the interrupt ended the waiting rule, and with it the load's thread
        assertThat(loadThreadsEndWithin(Duration.ofSeconds(20))).as("load threads still alive").isEmpty();
        assertHostStillDecides();
    }

    @Test
    void endlessRecursionIsRefusedNamingTheRule() throws IOException {
        Path folder = HostileFolders.folder(dir, HostileFolders.RECURSION);

        RuleSetException e = refusedWithin(Duration.ofSeconds(60), () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.getMessage()).startsWith("A rule recursed without end while deciding");
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(HostileFolders.FILE);
            assertThat(problem.line()).isEqualTo(HostileFolders.lineOf(HostileFolders.RECURSION, "Hostile: recurse without end"));
            assertThat(problem.message()).contains("rule \"Hostile: recurse without end\" overflowed the stack for device SAMPLE",
                    "calls itself without end");
        });
        assertHostStillDecides();
    }

    @Test
    void aHugeRuleNameIsRefusedQuotedAndCut() throws IOException {
        String name = "N".repeat(100_000);
        Path folder = HostileFolders.folder(dir, "rule \"" + name + "\"\nwhen\n    DeviceFact()\nthen\nend\n");

        RuleSetException e = refusedWithin(Duration.ofSeconds(60), () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(HostileFolders.FILE);
            assertThat(problem.line()).isEqualTo(HostileFolders.HEADER.lines().count() + 1);
            assertThat(problem.message()).startsWith("the rule name \"" + "N".repeat(60) + "\"… is 100000 characters long")
                    .endsWith("keep them to 200 characters");
        });
        assertThat(e.getMessage()).hasSizeLessThan(1_000);
        assertHostStillDecides();
    }

    // The hostile rules below match one serial number: the sample check runs every model, region and
    // category the rules name, so only a rule for one particular device can slip past it.
    @Test
    void aLoopOnlyForADeviceTheSampleLacksFailsThatDecisionAndTheRuleSetKeepsDeciding() throws IOException {
        String loop = HostileFolders.LOOP.replace("DeviceFact( serial != null )", "DeviceFact( serial == \"LOOPING00001\" )");
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(HostileFolders.folder(dir, loop));
        PolicyQuery looping = PolicyQuery.fresh(device("LOOPING00001", "LOOP-1"), DAY);
        PolicyQuery fine = PolicyQuery.fresh(device("FINE00000001", "X1-BOOST"), DAY);
        PolicyDecision before = rules.decide(fine);
        int idle = rules.idleSessions();

        RuleSetException e = refusedWithin(Duration.ofSeconds(60), () -> rules.decide(looping));

        assertThat(e.problems().get(0).toString()).startsWith(HostileFolders.FILE + ":"
                + HostileFolders.lineOf(loop, "Hostile: update the device forever") + ": the rules fired more than 10000 times"
                + " for device LOOPING00001; rule \"Hostile: update the device forever\" fired");
        // the halted session was dropped, not handed to the next caller
        assertThat(rules.idleSessions()).isEqualTo(idle - 1);
        // a batch that holds the device fails as a whole; every other decision is as before
        assertThatThrownBy(() -> rules.decideAll(List.of(fine, looping))).isInstanceOf(RuleSetException.class);
        assertThat(rules.decide(fine).standard()).isEqualTo(before.standard());
        assertThat(rules.decide(fine).trace().firedRules()).containsExactlyInAnyOrderElementsOf(before.trace().firedRules());
    }

    @Test
    void aServiceKeepsServingOtherDevicesWhenOnesDecisionExceedsTheBounds() throws IOException {
        String loop = HostileFolders.LOOP.replace("DeviceFact( serial != null )", "DeviceFact( serial == \"LOOPING00001\" )");
        Device looping = device("LOOPING00001", "LOOP-1");
        Device fine = device("FINE00000001", "X1-BOOST");
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
                .rules(DroolsWarrantyRules.fromDirectory(HostileFolders.folder(dir, loop)))
                .devices(InMemoryDeviceRegistry.of(List.of(looping, fine)))
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.inquire("LOOPING00001")).isInstanceOf(RuleSetException.class)
                    .hasMessageContaining("Hostile: update the device forever");
            assertThat(service.inquire("FINE00000001").end()).isNotNull();
        }
    }

    @Test
    void aDecisionThatKeepsFiringPastItsTimeIsHalted() throws IOException {
        String slowLoop = """
                rule "Hostile: a slow step, again and again"
                when
                    $device : DeviceFact( serial == "SLOW00000001" )
                then
                    Pause.forMillis( 20 );
                    update( $device );
                end
                """;
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(HostileFolders.folder(dir, slowLoop),
                RuleLimits.defaults().withDecisionTimeout(Duration.ofMillis(300)));

        RuleSetException e = refusedWithin(Duration.ofSeconds(60),
                () -> rules.decide(PolicyQuery.fresh(device("SLOW00000001", "SLOW-1"), DAY)));

        assertThat(e.getMessage()).startsWith("A decision ran out of time");
        assertThat(e.problems().get(0).toString()).startsWith(HostileFolders.FILE + ":"
                + HostileFolders.lineOf(slowLoop, "Hostile: a slow step, again and again") + ": the rules were still firing after 300 ms")
                .contains("for device SLOW00000001", "RuleLimits.decisionTimeout");
        assertThat(rules.decide(PolicyQuery.fresh(device("FINE00000001", "X1-BOOST"), DAY)).standard().years()).isEqualTo(5);
    }

    @Test
    void theDefaultPolicyFiresFarFewerRulesPerDeviceThanTheDefaultBound() {
        DroolsWarrantyRules rules = DroolsWarrantyRules.defaults();
        int most = 0;
        for (PolicyQuery query : SampleCheck.sample()) {
            most = Math.max(most, rules.decide(query).trace().firedRules().size());
        }
        assertThat(most).isBetween(1, 30);
        assertThat(RuleLimits.defaults().firingsPerDevice()).isGreaterThan(100 * most);
    }

    @Test
    void theFiringBoundIsConfigurableAndAppliesToTheSampleCheck() {
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> DroolsWarrantyRules.fromClasspath(DroolsWarrantyRules.DEFAULT_FOLDER,
                        RuleLimits.defaults().withFiringsPerDevice(3)));

        assertThat(e).isNotNull();
        // the default policy inserts a few facts per device, so the same bound on inserts is reached first
        assertThat(e.problems().get(0).message()).containsPattern("(fired more than 3 times|inserted more than 3 facts)"
                + " for device SAMPLE");
        assertThat(DroolsWarrantyRules.fromClasspath(DroolsWarrantyRules.DEFAULT_FOLDER,
                RuleLimits.defaults().withFiringsPerDevice(30)).limits().firingsPerDevice()).isEqualTo(30);
    }

    @Test
    void aWatcherReloadsWithinItsLimits() throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("watched"));
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
                .rules(DroolsWarrantyRules.defaults())
                .devices(InMemoryDeviceRegistry.of(List.of(device("FINE00000001", "X1-BOOST"))))
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();
        List<RuleSetException> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (RuleFolderWatcher watcher = RuleFolderWatcher.start(service, folder,
                RuleLimits.defaults().withFiringsPerDevice(3), refused::add)) {
            assertThat(watcher.reload()).isFalse();
        }

        assertThat(refused).isNotEmpty().allSatisfy(e -> assertThat(e.problems().get(0).message()).contains("more than 3"));
        assertThat(service.rules().version()).isEqualTo(DroolsWarrantyRules.defaults().version());
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> RuleLimits.defaults().withFiringsPerDevice(0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("firingsPerDevice: must be 1..10000000, was 0");
        assertThatThrownBy(() -> RuleLimits.defaults().withLoadTimeout(Duration.ZERO)).isInstanceOf(InvalidValueException.class)
                .hasMessage("loadTimeout: must be 1 ms to 1 hour, was PT0S");
        assertThatThrownBy(() -> RuleLimits.defaults().withDecisionTimeout(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("decisionTimeout:");
        assertThatThrownBy(() -> DroolsWarrantyRules.fromDirectory(dir, null)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("limits:");
    }

    /** The refusal, which must come well within {@code bound}: the point is that it did not hang. */
    private static RuleSetException refusedWithin(Duration bound, Runnable load) {
        long start = System.nanoTime();
        RuleSetException e = catchThrowableOfType(RuleSetException.class, load::run);
        assertThat(e).as("refused with a RuleSetException").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to refuse").isLessThan(bound);
        return e;
    }

    private static List<Thread> loadThreadsEndWithin(Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        List<Thread> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("warranty-rules-load")).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!alive.isEmpty() && System.nanoTime() < end);
        return alive;
    }
}
