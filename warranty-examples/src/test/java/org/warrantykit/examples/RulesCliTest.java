package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.warrantykit.AccountId;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.Covered;
import org.warrantykit.UpgradeStatus;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.memory.InMemoryStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.examples.DesignPolicy.Row;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.rules.DroolsWarrantyRules;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.testkit.ReferencePolicy;
import picocli.CommandLine;

/**
 * The rule-author tools: {@code check} reports problems as {@code file:line: message},
 * {@code explain} lists the rules that fired in firing order, {@code diff} lists exactly the
 * devices a policy change affects. Expected values come from the documented default policy (README) ({@link DesignPolicy},
 * {@link PolicyVariant}), from the edited files themselves (line numbers) and from the plain-Java
 * {@link ReferencePolicy} (which rules fire), never from the program's output.
 */
class RulesCliTest {
    private static final String DAY = "--today=" + TODAY;

    record Result(int code, String out, String err) {
    }

    static Result rules(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RulesCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    // --- check -----------------------------------------------------------------------------------

    @Test
    void checkAcceptsACopyOfTheDefaultFolderAndCountsItsRules(@TempDir Path dir) {
        RuleFolders.copyDefault(dir);
        Result result = rules("check", dir.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String version = DroolsWarrantyRules.fromDirectory(dir).version();
        assertThat(version).matches("default-2026\\.11@[0-9a-f]{12}");
        assertThat(result.out().strip()).isEqualTo("OK " + version + ", " + RuleFolders.ruleHeaders(dir) + " rules in "
                + RuleFolders.drlFiles(dir) + " files (" + dir + ")");
    }

    @Test
    void checkReadsAClasspathFolder() {
        Result result = rules("check", RuleFolders.DEFAULT);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("OK " + DroolsWarrantyRules.defaults().version() + ", ");
    }

    @Test
    void checkListsEveryCompileProblemAsFileLineAndExitsNonZero(@TempDir Path dir) {
        RuleFolders.copyDefault(dir);
        // an unknown field in a pattern: reported on the pattern's line
        Path upgrade = dir.resolve("upgrade.drl");
        RuleFolders.replaceOnce(upgrade, "model == \"X3-MEGA-G2\", $on : on", "modell == \"X3-MEGA-G2\", $on : on");
        int unknownField = RuleFolders.lineOf(upgrade, "modell ==");
        // a pattern left open: the parser notices at the next line, `then`
        Path pricing = dir.resolve("pricing.drl");
        RuleFolders.replaceOnce(pricing, "ProductLine( serial == $sn, powerKw <= 5 )", "ProductLine( serial == $sn, powerKw <= 5");
        int unclosed = RuleFolders.lineOf(pricing, "powerKw <= 5");

        Result result = rules("check", dir.toString());
        assertThat(result.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        List<String> located = result.out().lines().filter(l -> l.matches("^[\\w.-]+\\.drl:\\d+: .*")).toList();
        assertThat(located).hasSize(2);
        assertThat(located).anySatisfy(l -> assertThat(l).startsWith("upgrade.drl:" + unknownField + ": ").contains("modell"));
        assertThat(located).anySatisfy(l -> assertThat(l).startsWith("pricing.drl:" + (unclosed + 1) + ": "));
        assertThat(result.out()).contains("REFUSED " + dir + ": The rule set does not compile (2 problems)")
                .doesNotContain("OK ");
    }

    @Test
    void checkReportsARuleWhoseOutputFailsTheSampleCheckAtItsHeader(@TempDir Path dir) {
        RuleFolders.copyDefault(dir);
        Path terms = dir.resolve("standard-terms.drl");
        RuleFolders.replaceOnce(terms, "insert( new StandardYears( $device.serial(), 2 ) );", "insert( new StandardYears( $device.serial(), 0 ) );");
        int header = RuleFolders.lineOf(terms, "rule \"Standard term: accessories 2 years\"");

        Result result = rules("check", dir.toString());
        assertThat(result.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        List<String> located = result.out().lines().filter(l -> l.contains(".drl:")).toList();
        assertThat(located).isNotEmpty().allSatisfy(l -> assertThat(l)
                .startsWith("standard-terms.drl:" + header + ": ").contains("StandardYears.years").contains("was 0"));
        assertThat(located).doesNotHaveDuplicates();
    }

    @Test
    void checkOfAMissingFolderSaysSo(@TempDir Path dir) {
        Result result = rules("check", dir.resolve("nowhere").toString());
        assertThat(result.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(result.out()).contains("nowhere: not a directory");
    }

    // --- explain ---------------------------------------------------------------------------------

    /** The "Rules fired" list of the n-th decision (0-based) in explain's output, in printed order. */
    private static List<String> firedRules(String out, int decision) {
        List<List<String>> lists = new ArrayList<>();
        List<String> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("Rules fired")) {
                current = new ArrayList<>();
                lists.add(current);
            } else if (current != null) {
                Matcher numbered = Pattern.compile("^\\s+(\\d+)\\s{2}(.+)$").matcher(line);
                if (numbered.matches()) {
                    assertThat(Integer.parseInt(numbered.group(1))).isEqualTo(current.size() + 1);
                    current.add(numbered.group(2));
                } else {
                    current = null;
                }
            }
        }
        assertThat(lists).as("decisions in%n%s", out).hasSizeGreaterThan(decision);
        return lists.get(decision);
    }

    private static void assertFiredBefore(List<String> fired, String earlier, String later) {
        int first = fired.indexOf(earlier);
        assertThat(first).as("%s in %s", earlier, fired).isNotNegative();
        assertThat(fired.lastIndexOf(later)).as("%s after %s in %s", later, earlier, fired).isGreaterThan(first);
    }

    @Test
    void explainShowsTheDecisionAndEveryRuleThatFiredInFiringOrder() {
        Row row = DesignPolicy.row("H3A10R2109203"); // X3-HYBRID-G4 in DE, standard warranty running
        Result result = rules("explain", RuleFolders.DEFAULT, row.serial(), DAY);
        assertThat(result.code()).as(result.err()).isZero();
        String out = result.out();
        LocalDate upgradedEnd = row.upgradedEnd();
        assertThat(out).contains("Rule set      " + DroolsWarrantyRules.defaults().version())
                .contains("Standard      " + row.standardStart() + " to " + row.standardEnd() + " (5 years), covers parts, labour and transport")
                .contains("Upgrade       eligible, +5 years, covers parts only: ")
                .contains("Offers        none: ")
                .contains("Transfer      allowed: The warranty follows the device to its new owner.")
                .contains("right after the free upgrade, covered up to " + upgradedEnd)
                // The documented default policy (README) price table, up to 10 kW, outside GB
                .containsPattern("Offers +\\+60 months +EUR 270\\.00 +covers parts, labour and transport\\R +\\+120 months +EUR 540\\.00 +covers parts, labour and transport");

        // the same rules as the plain-Java statement of the policy says fire, each as often ...
        var device = SampleData.devices().find(SerialNumber.parse(row.serial())).orElseThrow();
        ReferencePolicy reference = new ReferencePolicy();
        List<String> fresh = firedRules(out, 0);
        assertThat(fresh).containsExactlyInAnyOrderElementsOf(
                reference.decide(PolicyQuery.fresh(device, TODAY)).trace().firedRules());
        List<String> upgraded = firedRules(out, 1);
        assertThat(upgraded).containsExactlyInAnyOrderElementsOf(reference.decide(
                new PolicyQuery(device, TODAY, true, Optional.of(upgradedEnd))).trace().firedRules());
        // ... in firing order: a rule that joins facts fires after the rules that inserted them
        // (sorted by name, "Currency" would come before "Offer window" and "Price")
        assertFiredBefore(fresh, "Standard term: inverters 5 years", "Standard term: start and length make the term");
        assertFiredBefore(fresh, "Standard start: installation date, when installed within 9 months of production",
                "Standard term: start and length make the term");
        assertFiredBefore(fresh, "Standard term: start and length make the term",
                "Upgrade: X1 and X3 hybrid inverters gain 5 years while the standard warranty runs");
        assertFiredBefore(upgraded, "Offer window: upgraded, sold online, and at least 6 months of cover left",
                "Price up to 10 kW: +5 years EUR 270, +10 years EUR 540");
        assertFiredBefore(upgraded, "Price up to 10 kW: +5 years EUR 270, +10 years EUR 540",
                "Currency: EUR list price outside GB");
    }

    @Test
    void explainOfARefusedUpgradeShowsOneDecisionWithTheReason() {
        Row row = DesignPolicy.row("XB40A2012017"); // X1-BOOST whose standard warranty ended before TODAY
        assertThat(row.expiredOn(TODAY)).isTrue();
        Result result = rules("explain", RuleFolders.DEFAULT, row.serial(), DAY);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Upgrade       refused: ").contains("ended on " + row.standardEnd())
                .doesNotContain("right after the free upgrade");
        assertThat(firedRules(result.out(), 0)).contains("Upgrade refused: the standard warranty ended before the upgrade day");
    }

    @Test
    void explainWithACurrentEndDecidesTheDeviceAsUpgradedAndPricesInGbp() {
        Row row = DesignPolicy.row("H1B50A2311042"); // X1-HYBRID-G4 in GB: 5 kW class
        LocalDate end = TODAY.plusYears(3);
        Result result = rules("explain", RuleFolders.DEFAULT, row.serial(), DAY, "--current-end", end.toString());
        assertThat(result.code()).as(result.err()).isZero();
        // EUR 200 / 400 x 0.85, half-up to whole pounds
        assertThat(result.out()).contains("as upgraded, covered up to " + end)
                .containsPattern("Offers +\\+60 months +GBP 170\\.00 +covers parts, labour and transport\\R +\\+120 months +GBP 340\\.00 +covers");
        assertThat(firedRules(result.out(), 0)).contains(
                "Currency: GBP in GB, 0.85 of the EUR price rounded half-up to whole pounds");
        Result soon = rules("explain", RuleFolders.DEFAULT, row.serial(), DAY, "--current-end", TODAY.plusMonths(6).minusDays(1).toString());
        assertThat(soon.out()).contains("Offers        none: ").contains("at least 6 months");
    }

    @Test
    void explainOfAnUnknownOrMalformedSerialFails() {
        Result unknown = rules("explain", RuleFolders.DEFAULT, "H1B50A0000000", DAY);
        assertThat(unknown.code()).isEqualTo(WarrantyCli.UNKNOWN_DEVICE);
        assertThat(unknown.err()).contains("H1B50A0000000").doesNotContain("\tat ");
        assertThat(rules("explain", RuleFolders.DEFAULT, "H1B-50A", DAY).code()).isEqualTo(WarrantyCli.INVALID_INPUT);
    }

    @Test
    void explainOfABrokenFolderNamesTheProblemOnStderr(@TempDir Path dir) {
        RuleFolders.copyDefault(dir);
        Path pricing = dir.resolve("pricing.drl");
        RuleFolders.replaceOnce(pricing, "ProductLine( serial == $sn, powerKw <= 5 )", "ProductLine( serial == $sn, powerKw <= 5");
        Result result = rules("explain", dir.toString(), "H3A10R2109203", DAY);
        assertThat(result.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(result.err()).contains("pricing.drl:" + (RuleFolders.lineOf(pricing, "powerKw <= 5") + 1) + ":");
        assertThat(result.out()).isEmpty();
    }

    // --- diff ------------------------------------------------------------------------------------

    private static final Pattern CHANGE_LINE = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(standard start|standard end|upgrade|offers|transfer)\\s+(.+?) -> (.+)$");
    private static final Pattern COUNTS_LINE = Pattern.compile(
            "^Changes: standard start (\\d+), standard end (\\d+), upgrade (\\d+), offers (\\d+), transfer (\\d+), scope (\\d+); (\\d+) of (\\d+) devices changed$");

    static List<PolicyVariant.Change> changesIn(String out) {
        List<PolicyVariant.Change> changes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = CHANGE_LINE.matcher(line);
            if (m.matches()) {
                changes.add(new PolicyVariant.Change(m.group(1), m.group(4), m.group(5), m.group(6)));
            }
        }
        return changes;
    }

    static Map<String, Long> countsIn(String out) {
        Matcher m = out.lines().map(COUNTS_LINE::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no counts line in\n" + out));
        Map<String, Long> counts = new TreeMap<>();
        counts.put("standard start", Long.parseLong(m.group(1)));
        counts.put("standard end", Long.parseLong(m.group(2)));
        counts.put("upgrade", Long.parseLong(m.group(3)));
        counts.put("offers", Long.parseLong(m.group(4)));
        counts.put("transfer", Long.parseLong(m.group(5)));
        counts.put("scope", Long.parseLong(m.group(6)));
        counts.put("devices changed", Long.parseLong(m.group(7)));
        counts.put("devices", Long.parseLong(m.group(8)));
        return counts;
    }

    static void assertDiff(Result result, List<PolicyVariant.Change> expected, int devices) {
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(changesIn(result.out())).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Long> counts = new TreeMap<>(PolicyVariant.counts(expected));
        counts.put("devices changed", expected.stream().map(PolicyVariant.Change::serial).distinct().count());
        counts.put("devices", (long) devices);
        assertThat(countsIn(result.out())).isEqualTo(counts);
    }

    @Test
    void diffListsExactlyTheDevicesWhoseTermOrPriceChanges(@TempDir Path dir) {
        Path old = RuleFolders.copyDefault(dir.resolve("old"));
        Path changed = RuleFolders.copyDefault(dir.resolve("new"));
        // one term: accessories 3 years instead of 2; one price: up to 5 kW, +5 years EUR 220 instead of 200
        RuleFolders.replaceOnce(changed.resolve("standard-terms.drl"),
                "insert( new StandardYears( $device.serial(), 2 ) );", "insert( new StandardYears( $device.serial(), 3 ) );");
        RuleFolders.replaceOnce(changed.resolve("pricing.drl"),
                "insert( new BasePrice( $window.serial(), 60, new BigDecimal( \"200\" ) ) );",
                "insert( new BasePrice( $window.serial(), 60, new BigDecimal( \"220\" ) ) );");
        PolicyVariant variant = PolicyVariant.DESIGN.withYears("ACCESSORY", 3).withPrice(5, 60, new BigDecimal("220"));

        List<Row> rows = DesignPolicy.rows();
        List<PolicyVariant.Change> expected = PolicyVariant.DESIGN.changesTo(variant, rows, TODAY);
        // the sample data makes both edits matter, in EUR and in GBP
        assertThat(expected).filteredOn(c -> c.kind().equals("standard end")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(expected).filteredOn(c -> c.kind().equals("offers")).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(c -> assertThat(c.after()).contains("GBP 187.00"))
                .anySatisfy(c -> assertThat(c.after()).contains("EUR 220.00"));
        assertThat(expected).noneMatch(c -> c.kind().equals("standard start") || c.kind().equals("upgrade"));

        Result result = rules("diff", old.toString(), changed.toString(), DAY);
        assertDiff(result, expected, rows.size());
        assertThat(result.out()).contains("Devices       " + rows.size() + " from the embedded sample data, decided on " + TODAY);
    }

    @Test
    void diffOfATermChangeThatEndsWarrantiesEarlierAlsoListsUpgradesThatNoLongerApply(@TempDir Path dir) {
        Path changed = RuleFolders.copyDefault(dir.resolve("new"));
        RuleFolders.replaceOnce(changed.resolve("standard-terms.drl"),
                "insert( new StandardYears( $device.serial(), 5 ) );", "insert( new StandardYears( $device.serial(), 4 ) );");
        PolicyVariant variant = PolicyVariant.DESIGN.withYears("INVERTER", 4);
        List<Row> rows = DesignPolicy.rows();
        List<PolicyVariant.Change> expected = PolicyVariant.DESIGN.changesTo(variant, rows, TODAY);
        assertThat(expected).anyMatch(c -> c.kind().equals("upgrade") && c.after().equals("refused"));

        assertDiff(rules("diff", RuleFolders.DEFAULT, changed.toString(), DAY), expected, rows.size());
    }

    @Test
    void diffOfTheSameRulesListsNoChange() {
        Result result = rules("diff", RuleFolders.DEFAULT, RuleFolders.DEFAULT, DAY);
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("(no device changes)");
        assertThat(changesIn(result.out())).isEmpty();
        assertThat(countsIn(result.out())).containsEntry("devices changed", 0L)
                .containsEntry("devices", (long) DesignPolicy.rows().size());
    }

    @Test
    void diffReadsAnotherPortfolio(@TempDir Path dir) throws IOException {
        String line = "ZZ9PLURALZ0002,METER-X,ACCESSORY,NL,2025-01-10,2025-01-20,2025-03-01,,";
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, InMemoryDeviceRegistry.HEADER + "\n" + line + "\n");
        Path changed = RuleFolders.copyDefault(dir.resolve("new"));
        RuleFolders.replaceOnce(changed.resolve("standard-terms.drl"),
                "insert( new StandardYears( $device.serial(), 2 ) );", "insert( new StandardYears( $device.serial(), 3 ) );");
        Row row = DesignPolicy.parse(line);

        Result result = rules("diff", RuleFolders.DEFAULT, changed.toString(), "--data", csv.toString(), DAY);
        assertDiff(result, List.of(new PolicyVariant.Change(row.serial(), "standard end", row.standardEnd().toString(),
                row.standardStart().plusYears(3).minusDays(1).toString())), 1);
        assertThat(result.out()).contains("1 from " + csv);
    }

    /**
     * A folder that loads (the sample check's devices are all made after 2021) but decides two
     * standard terms for inverters made before 2021, which the sample data holds.
     */
    private static Path contradictsItselfForOldInverters(Path dir) {
        Path folder = RuleFolders.copyDefault(dir);
        RuleFolders.replaceOnce(folder.resolve("standard-terms.drl"), "rule \"Standard term: inverters 5 years\"",
                "rule \"Standard term: inverters made before 2021 6 years\"\nwhen\n    $device : DeviceFact( category == \"INVERTER\", "
                        + "productionDate.year < 2021 )\nthen\n    insert( new StandardYears( $device.serial(), 6 ) );\nend\n\n"
                        + "rule \"Standard term: inverters 5 years\"");
        return folder;
    }

    /** Issue 18: check --data judges the operator's own devices, beyond what the sample check can name. */
    @Test
    void checkWithDataDecidesEveryDeviceAndRefusesAFolderThatFailsForOne(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, InMemoryDeviceRegistry.HEADER + "\n"
                + "OLDINV0000001,X1-BOOST,INVERTER,DE,2019-03-01,2019-03-20,2019-05-02,,\n"
                + "NEWINV0000001,X1-BOOST,INVERTER,DE,2025-03-01,2025-03-20,2025-05-02,,\n");
        Path old = contradictsItselfForOldInverters(dir.resolve("old-inverters"));

        Result passes = rules("check", RuleFolders.DEFAULT, "--data", csv.toString(), DAY);
        assertThat(passes.code()).as(passes.err()).isZero();
        assertThat(passes.out()).contains("Decided 2 devices of " + csv + " on " + TODAY)
                .contains("OK " + DroolsWarrantyRules.defaults().version());

        assertThat(rules("check", old.toString()).code()).as("the sample check alone passes it").isZero();
        Result refused = rules("check", old.toString(), "--data", csv.toString(), DAY);
        assertThat(refused.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(refused.out()).contains("REFUSED " + old + ": it passes the sample check but cannot decide device "
                        + "OLDINV0000001 (X1-BOOST INVERTER DE) of " + csv + ", asked with nothing granted yet: "
                        + "The rule set contradicts itself")
                .contains("standard-terms.drl:" + RuleFolders.lineOf(old.resolve("standard-terms.drl"),
                        "rule \"Standard term: inverters made before 2021 6 years\"") + ": ")
                .doesNotContain("OK ");
    }

    /**
     * Issue 18, policy (1): the default's G4 upgrade, +5 years parts only, passes check on a CSV of
     * such devices, and the service grants what explain says: the standard line with labour (and
     * transport in the EU), the upgrade line parts only.
     */
    @Test
    void theG4UpgradeCoversPartsOnlyInCheckExplainAndTheService(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, InMemoryDeviceRegistry.HEADER + "\n"
                + "G4HYBRID00001,X3-HYBRID-G4,INVERTER,DE,2025-03-01,2025-03-20,2025-05-02,g4-owner,2025-05-03T09:00:00Z\n"
                + "G4HYBRID00002,X3-HYBRID-G4,INVERTER,AU,2025-03-01,2025-03-20,2025-05-02,g4-owner,2025-05-03T09:00:00Z\n");
        Result checked = rules("check", RuleFolders.DEFAULT, "--data", csv.toString(), DAY);
        assertThat(checked.code()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("Decided 2 devices of " + csv);

        Result german = rules("explain", RuleFolders.DEFAULT, "G4HYBRID00001", "--data", csv.toString(), DAY);
        assertThat(german.code()).as(german.err()).isZero();
        assertThat(german.out()).contains("Standard      2025-05-02 to 2030-05-01 (5 years), covers parts, labour and transport")
                .contains("Upgrade       eligible, +5 years, covers parts only: ");
        Result australian = rules("explain", RuleFolders.DEFAULT, "G4HYBRID00002", "--data", csv.toString(), DAY);
        assertThat(australian.code()).as(australian.err()).isZero();
        assertThat(australian.out()).contains("Standard      2025-05-02 to 2030-05-01 (5 years), covers parts and labour\n")
                .contains("Upgrade       eligible, +5 years, covers parts only: ");

        WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
                .rules(DroolsWarrantyRules.defaults()).devices(InMemoryDeviceRegistry.fromCsv(csv))
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
        AccountId owner = AccountId.of("g4-owner");
        Map<String, Set<Covered>> standardScope = Map.of("G4HYBRID00001", Set.of(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT),
                "G4HYBRID00002", Set.of(Covered.PARTS, Covered.LABOUR));
        standardScope.forEach((serial, standard) -> {
            assertThat(service.requestUpgrade(owner, serial).status()).as(serial).isEqualTo(UpgradeStatus.UPGRADED);
            WarrantyView view = service.inquire(serial);
            assertThat(view.coverages()).as(serial)
                    .extracting(Coverage::kind, Coverage::start, Coverage::end, Coverage::covers)
                    .containsExactly(
                            tuple(CoverageKind.STANDARD, LocalDate.of(2025, 5, 2), LocalDate.of(2030, 5, 1), standard),
                            tuple(CoverageKind.UPGRADE, LocalDate.of(2030, 5, 2), LocalDate.of(2035, 5, 1), Set.of(Covered.PARTS)));
        });
    }

    @Test
    void diffNamesTheFolderAndTheDeviceWhenAFolderContradictsItself(@TempDir Path dir) {
        Path au = contradictsItselfForOldInverters(dir.resolve("old-inverters"));
        assertThat(rules("check", au.toString()).code()).as("check passes it").isZero();
        int added = RuleFolders.lineOf(au.resolve("standard-terms.drl"), "rule \"Standard term: inverters made before 2021 6 years\"");
        // the first device, by serial number, that the folder cannot decide
        Row first = DesignPolicy.rows().stream().filter(r -> r.production().getYear() < 2021 && r.category().equals("INVERTER"))
                .min(Comparator.comparing(Row::serial)).orElseThrow();

        Result asNew = rules("diff", RuleFolders.DEFAULT, au.toString(), DAY);
        assertThat(asNew.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(asNew.out()).isEmpty();
        assertThat(asNew.err()).contains("the new rule folder (NEW-RULES-DIR) " + au + " cannot decide device "
                        + first.serial() + " (" + first.model() + " INVERTER " + first.region() + "), asked with nothing granted yet: "
                        + "The rule set contradicts itself")
                .contains("standard-terms.drl:" + added + ": decides the standard ")
                .doesNotContain(RuleFolders.DEFAULT + " cannot").doesNotContain("\tat ");

        Result asOld = rules("diff", au.toString(), RuleFolders.DEFAULT, DAY);
        assertThat(asOld.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(asOld.err()).contains("the old rule folder (OLD-RULES-DIR) " + au + " cannot decide device "
                + first.serial());
    }

    // --- devices ---------------------------------------------------------------------------------

    /** Runs through {@link RulesCli#run}, the entry point {@code main} uses. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RulesCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The table rows of devices' output, each as serial, model, category, region; checks the header. */
    private static List<List<String>> deviceRows(String out) {
        List<String> lines = out.lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0).split("\\s+")).containsExactly("SERIAL", "MODEL", "CATEGORY", "REGION");
        return lines.stream().skip(1).takeWhile(l -> !l.isBlank()).map(l -> List.of(l.split("\\s+"))).toList();
    }

    private static List<List<String>> expectedRows(List<Row> rows) {
        return rows.stream().sorted(Comparator.comparing(Row::serial))
                .map(r -> List.of(r.serial(), r.model(), r.category(), r.region())).toList();
    }

    @Test
    void devicesListsTheSampleDataBySerialNumber() {
        List<Row> rows = DesignPolicy.rows();
        Result result = run("devices");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(deviceRows(result.out())).containsExactlyElementsOf(expectedRows(rows));
        assertThat(result.out().strip()).endsWith(rows.size() + " devices from the embedded sample data");
    }

    @Test
    void devicesListsTheDevicesOfADataCsv(@TempDir Path dir) throws IOException {
        // three rows of the sample, out of serial order, and one device the sample does not hold
        List<String> sample = DesignPolicy.csvLines();
        List<String> lines = List.of(sample.get(3), sample.get(1), sample.get(2),
                "ZZ9PLURALZ0002,METER-X,ACCESSORY,NL,2025-01-10,2025-01-20,2025-03-01,,");
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, InMemoryDeviceRegistry.HEADER + "\n" + String.join("\n", lines) + "\n");

        Result result = run("devices", "--data", csv.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(deviceRows(result.out())).containsExactlyElementsOf(
                expectedRows(lines.stream().map(DesignPolicy::parse).toList()));
        assertThat(result.out().strip()).endsWith("4 devices from " + csv);
    }

    @Test
    void devicesOfAnUnusableCsvNamesTheFileAndExitsSix(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, "serial,model\nZZ9PLURALZ0002,METER-X\n");
        Result result = run("devices", "--data", csv.toString());
        assertThat(result.code()).isEqualTo(WarrantyCli.BAD_SETUP);
        assertThat(result.err()).contains(csv.toString()).contains("header");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        Result result = rules("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("check", "explain", "diff", "devices", "Exit codes");
        assertThat(rules().code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(rules("diff", RuleFolders.DEFAULT).code()).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
