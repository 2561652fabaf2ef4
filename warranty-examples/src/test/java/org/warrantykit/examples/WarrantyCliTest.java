package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.examples.DesignPolicy.Row;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.rules.DroolsWarrantyRules;
import picocli.CommandLine;

/** Each command on the embedded data, the exit codes of expected errors, and the scripted shell. */
class WarrantyCliTest {
    private static final String DAY = "--today=" + TODAY;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        return cliWithInput("", args);
    }

    static Result cliWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = WarrantyCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** An expected error: its exit code, one message on stderr, no stack trace, nothing on stdout. */
    static void assertRefused(Result result, int code, String message) {
        assertThat(result.code()).as("exit code; err: %s", result.err()).isEqualTo(code);
        assertThat(result.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    // --- inquire ---------------------------------------------------------------------------------

    @Test
    void inquireShowsTheStandardWarrantyComputedFromTheSupplyData() {
        Row row = DesignPolicy.row("H1B50A1234567");
        Result result = cli(DAY, "inquire", "H1B50A1234567");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Model          X1-HYBRID-G4").contains("State          STANDARD")
                .contains("Warranty       " + row.standardStart() + " to " + row.standardEnd())
                .contains("Rule set       default-2026.11@").contains("Rules fired");
    }

    @Test
    void inquireAcceptsTheSerialInAnyCaseWithBlanks() {
        Result result = cli(DAY, "inquire", "  h1b50a1234567 ");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Serial number  H1B50A1234567");
    }

    @Test
    void todayFixesTheClockAndTheLastCoveredDayStillCounts() {
        Row row = DesignPolicy.row("XB40A2012017"); // alice's X1-BOOST, standard warranty ended this year
        String lastDay = row.standardEnd().toString();
        Result onLastDay = cli("inquire", "XB40A2012017", "--today", lastDay); // inherited option after the command
        assertThat(onLastDay.code()).isZero();
        assertThat(onLastDay.out()).contains("State          STANDARD");
        Result dayAfter = cli("--today", row.standardEnd().plusDays(1).toString(), "inquire", "XB40A2012017");
        assertThat(dayAfter.out()).contains("State          EXPIRED");
    }

    // --- upgrade ---------------------------------------------------------------------------------

    @Test
    void upgradeOfAnOfflineDeviceIsPending() {
        Result result = cli(DAY, "upgrade", "alice", "H1B50A1234567");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Upgrade        PENDING_ONLINE").contains("State          STANDARD");
    }

    @Test
    void upgradeOfAnOnlineDeviceIsAppliedAtOnceWithFiveYearsMore() {
        Row row = DesignPolicy.row("H3A10R2109203"); // alice's X3-HYBRID-G4, online, ends within 6 months
        Result result = cli(DAY, "upgrade", "alice", "H3A10R2109203");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Upgrade        UPGRADED").contains("State          UPGRADED")
                .contains("Warranty       " + row.standardStart() + " to " + row.standardEnd().plusYears(5))
                .contains("UPGRADE    " + row.standardEnd().plusDays(1) + " to " + row.standardEnd().plusYears(5));
    }

    @Test
    void upgradeOfAMegaInverterAddsOneYear() {
        Row row = DesignPolicy.row("MG3E5021110402");
        Result result = cli(DAY, "upgrade", "installer-7", "MG3E5021110402");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Upgrade        UPGRADED")
                .contains("Warranty       " + row.standardStart() + " to " + row.standardEnd().plusYears(1));
    }

    @Test
    void upgradeOfABatteryIsNotEligibleWhichIsAnAnswerNotAnError() {
        Result result = cli(DAY, "upgrade", "alice", "TP58H24060217");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Upgrade        NOT_ELIGIBLE").contains("T-BAT-H5.8");
    }

    @Test
    void upgradeAfterTheStandardWarrantyEndedIsNotEligibleAndSaysWhen() {
        Row row = DesignPolicy.row("XB40A2012017");
        Result result = cli(DAY, "upgrade", "alice", "XB40A2012017");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Upgrade        NOT_ELIGIBLE").contains(row.standardEnd().toString())
                .contains("State          EXPIRED");
    }

    // --- online ----------------------------------------------------------------------------------

    @Test
    void onlineRecordsTheGivenInstant() {
        Result result = cli(DAY, "online", "H1B50A1234567", "--at", "2026-11-27T09:15:00Z");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Recorded H1B50A1234567 online at 2026-11-27T09:15:00Z")
                .contains("State          STANDARD"); // nothing pending in a fresh run
    }

    @Test
    void onlineDefaultsToNowOnTheServiceClock() {
        Result result = cli(DAY, "online", "H1B50A1234567");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("online at " + TODAY + "T00:00:00Z");
    }

    // --- devices / expiring ----------------------------------------------------------------------

    @Test
    void devicesListsExactlyTheAccountsDevicesBySerial() {
        Result result = cli(DAY, "devices", "alice");
        assertThat(result.code()).isZero();
        List<String> expected = DesignPolicy.ownedBy("alice").stream().map(Row::serial).sorted().toList();
        assertThat(DemoTest.serialsIn(result.out())).containsExactlyElementsOf(expected);
        for (Row row : DesignPolicy.ownedBy("alice")) {
            assertThat(result.out()).contains(row.serial() + " ").contains(row.standardEnd().toString());
        }
    }

    @Test
    void devicesOfAnAccountWithoutDevicesSaysSo() {
        Result result = cli(DAY, "devices", "nobody");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("(no devices)");
    }

    @Test
    void expiringHonoursTheWithinPeriodAndDefaultsToSixMonths() {
        List<Row> bob = DesignPolicy.ownedBy("bob");
        List<String> in6Months = bob.stream().filter(r -> r.expiringWithin(TODAY, java.time.Period.ofMonths(6)))
                .map(Row::serial).sorted().toList();
        List<String> in1Year = bob.stream().filter(r -> r.expiringWithin(TODAY, java.time.Period.ofYears(1)))
                .map(Row::serial).sorted().toList();
        assertThat(in1Year).hasSizeGreaterThan(in6Months.size()); // the sample data makes the option matter
        assertThat(in6Months).isNotEmpty();

        assertThat(DemoTest.serialsIn(cli(DAY, "expiring", "bob", "--within", "P6M").out()))
                .containsExactlyElementsOf(in6Months);
        assertThat(DemoTest.serialsIn(cli(DAY, "expiring", "bob", "--within", "P1Y").out()))
                .containsExactlyElementsOf(in1Year);
        assertThat(DemoTest.serialsIn(cli(DAY, "expiring", "bob").out())).containsExactlyElementsOf(in6Months);
    }

    // --- exit codes ------------------------------------------------------------------------------

    @Test
    void malformedSerialExitsWithInvalidInput() {
        assertRefused(cli(DAY, "inquire", "H1B-50A"), WarrantyCli.INVALID_INPUT, "Invalid serial number \"H1B-50A\"");
        assertRefused(cli(DAY, "upgrade", "alice", "short"), WarrantyCli.INVALID_INPUT, "Invalid serial number \"short\"");
    }

    @Test
    void unknownSerialExitsWithUnknownDevice() {
        assertRefused(cli(DAY, "inquire", "H1B50A0000000"), WarrantyCli.UNKNOWN_DEVICE,
                "No device with serial number H1B50A0000000");
        assertRefused(cli(DAY, "online", "H1B50A0000000"), WarrantyCli.UNKNOWN_DEVICE, "H1B50A0000000");
    }

    @Test
    void wrongOwnerExitsWithAccessDenied() {
        assertRefused(cli(DAY, "upgrade", "bob", "H1B50A1234567"), WarrantyCli.ACCESS_DENIED,
                "Account bob may not act on device H1B50A1234567");
        assertRefused(cli(DAY, "upgrade", "alice", "H3A10R2308220"), WarrantyCli.ACCESS_DENIED, // owned by nobody
                "Account alice may not act on device H3A10R2308220");
    }

    @Test
    void malformedAccountIdExitsWithInvalidInput() {
        assertRefused(cli(DAY, "devices", "al ice!"), WarrantyCli.INVALID_INPUT, "account id");
    }

    @Test
    void commandLineMistakesExitWithUsage() {
        assertThat(cli(DAY, "inquire").code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(cli(DAY).code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(cli(DAY, "frobnicate").code()).isEqualTo(CommandLine.ExitCode.USAGE);
        Result badPeriod = cli(DAY, "expiring", "bob", "--within", "6 months");
        assertThat(badPeriod.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(badPeriod.err()).contains("is not an ISO-8601 period");
        assertThat(cli("--today", "27.11.2026", "inquire", "H1B50A1234567").code()).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Result result = cli("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("inquire", "upgrade", "online", "devices", "expiring", "shell", "Exit codes");
    }

    // --- --data / --rules ------------------------------------------------------------------------

    @Test
    void dataReadsAnotherCsv(@TempDir Path dir) throws IOException {
        String line = "ZZ9PLURALZ0001,X1-BOOST,INVERTER,NL,2024-01-10,2024-01-20,2024-12-01,dave,";
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, InMemoryDeviceRegistry.HEADER + "\n" + line + "\n");
        Row row = DesignPolicy.parse(line); // installed after production + 9 months: starts 2024-10-10
        assertThat(row.standardStart()).isEqualTo(row.production().plusMonths(9));
        Result result = cli(DAY, "--data", csv.toString(), "inquire", "ZZ9PLURALZ0001");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Warranty       " + row.standardStart() + " to " + row.standardEnd());
        assertRefused(cli(DAY, "--data", csv.toString(), "inquire", "H1B50A1234567"), WarrantyCli.UNKNOWN_DEVICE,
                "H1B50A1234567");
    }

    @Test
    void unusableDataExitsWithBadSetup(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "sn,model\nX,Y\n");
        assertRefused(cli(DAY, "--data", csv.toString(), "inquire", "H1B50A1234567"), WarrantyCli.BAD_SETUP,
                "expected the header");
        assertRefused(cli(DAY, "--data", dir.resolve("missing.csv").toString(), "inquire", "H1B50A1234567"),
                WarrantyCli.BAD_SETUP, "missing.csv");
    }

    @Test
    void rulesReadsAnotherFolder(@TempDir Path dir) throws Exception {
        copyDefaultRules(dir);
        Files.writeString(dir.resolve("ruleset.properties"), "name=acme-test\n");
        Result result = cli(DAY, "--rules", dir.toString(), "inquire", "H1B50A1234567");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Rule set       acme-test@");
    }

    @Test
    void unusableRulesExitWithBadSetupNamingTheFile(@TempDir Path dir) throws Exception {
        assertRefused(cli(DAY, "--rules", dir.resolve("nowhere").toString(), "inquire", "H1B50A1234567"),
                WarrantyCli.BAD_SETUP, "not a directory");
        copyDefaultRules(dir);
        Files.writeString(dir.resolve("zz-broken.drl"), "package x;\nrule \"broken\"\nwhen\n  nonsense(\nthen\nend\n");
        assertRefused(cli(DAY, "--rules", dir.toString(), "inquire", "H1B50A1234567"), WarrantyCli.BAD_SETUP,
                "zz-broken.drl");
    }

    // --- claim, replace (issue 17) ----------------------------------------------------------------

    @Test
    void claimNamesTheLineInForceAndWhatItCovers() {
        Row row = DesignPolicy.row("H3A10R2109203"); // alice's X3-HYBRID-G4 in DE, standard warranty running
        Result covered = cli(DAY, "claim", "H3A10R2109203", "--failed-on", "2026-11-20");
        assertThat(covered.code()).as(covered.err()).isZero();
        assertThat(covered.out()).contains("Covered        yes, parts, labour and transport")
                .contains("Reason         Covered on 2026-11-20 by the standard term (standard warranty, "
                        + row.standardStart() + " to " + row.standardEnd() + "): parts, labour and transport.");
        Result before = cli(DAY, "claim", "H3A10R2109203", "--failed-on", row.standardStart().minusDays(1).toString());
        assertThat(before.out()).contains("Covered        no").contains("the warranty had not started");
        assertRefused(cli(DAY, "claim", "H3A10R2109203", "--failed-on", TODAY.plusDays(1).toString()),
                WarrantyCli.INVALID_INPUT, "is after today");
    }

    @Test
    void replaceMovesTheRestOfTheWarrantyToTheNewUnitAndAFileDatabaseKeepsTheSwap(@TempDir Path dir) {
        Row faulty = DesignPolicy.row("H3A10R2109203");
        String db = "--db=" + dir.resolve("warranty");
        Result swapped = cli(DAY, db, "replace", "H3A10R2109203", "H3A10R2308220", "--on", "2026-11-20");
        assertThat(swapped.code()).as(swapped.err()).isZero();
        String replacement = swapped.out().substring(0, swapped.out().indexOf("Serial number  H3A10R2109203"));
        assertThat(replacement).contains("Serial number  H3A10R2308220").contains("Replaces       H3A10R2109203")
                .contains("Warranty       2026-11-20 to " + faulty.standardEnd());
        assertThat(swapped.out()).contains("State          REPLACED").contains("Replaced by    H3A10R2308220")
                .contains("Warranty       " + faulty.standardStart() + " to 2026-11-19");

        Result later = cli(DAY, db, "claim", "H3A10R2109203", "--failed-on", "2026-11-25");
        assertThat(later.out()).contains("Covered        no")
                .contains("it was replaced by H3A10R2308220 on 2026-11-20");
        assertRefused(cli(DAY, db, "replace", "H3A10R2109203", "H3A10R2410045"), WarrantyCli.REFUSED,
                "Device H3A10R2109203 cannot be replaced by H3A10R2410045: it was already replaced by H3A10R2308220 "
                        + "on 2026-11-20.");
        assertRefused(cli(DAY, db, "upgrade", "alice", "H3A10R2109203"), WarrantyCli.REFUSED,
                "was replaced by H3A10R2308220 on 2026-11-20");
    }

    // --- --db: state survives between runs ---------------------------------------------------------

    @Test
    void aFileDatabaseKeepsTheUpgradeBetweenSeparateRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String db = "--db=" + dir.resolve("warranty");
        Row inverter = DesignPolicy.row("H1B50A1234567");
        assertThat(cli(DAY, db, "upgrade", "alice", "H1B50A1234567").out()).contains("PENDING_ONLINE");
        // a new run, a new service: the pending request was stored in the file
        assertThat(cli(DAY, db, "online", "H1B50A1234567", "--at", "2026-11-27T09:15:00Z").out())
                .contains("State          UPGRADED");
        Result later = cli(DAY, db, "inquire", "H1B50A1234567");
        assertThat(later.code()).isZero();
        assertThat(later.out()).contains("State          UPGRADED")
                .contains("Warranty       " + inverter.standardStart() + " to " + inverter.upgradedEnd());
        // without the database nothing was kept
        assertThat(cli(DAY, "inquire", "H1B50A1234567").out()).contains("State          STANDARD");
    }

    // --- shell -----------------------------------------------------------------------------------

    @Test
    void shellKeepsStateAcrossCommands() {
        Row row = DesignPolicy.row("H1B50A1234567");
        Result result = cliWithInput("""
                upgrade alice H1B50A1234567
                online H1B50A1234567
                inquire H1B50A1234567
                quit
                """, DAY, "shell");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String out = result.out();
        int upgrade = out.indexOf("warranty> upgrade alice H1B50A1234567");
        int inquire = out.indexOf("warranty> inquire H1B50A1234567");
        assertThat(upgrade).isNotNegative().isLessThan(inquire);
        assertThat(out.substring(upgrade, inquire)).contains("PENDING_ONLINE");
        assertThat(out.substring(inquire))
                .contains("State          UPGRADED")
                .contains("Warranty       " + row.standardStart() + " to " + row.upgradedEnd())
                .contains("UPGRADE    " + row.standardEnd().plusDays(1) + " to " + row.upgradedEnd());
    }

    @Test
    void shellWithoutStateCarryOverWouldNotShowTheUpgrade() {
        // the same three commands as separate runs: each run is a fresh service
        cli(DAY, "upgrade", "alice", "H1B50A1234567");
        cli(DAY, "online", "H1B50A1234567");
        assertThat(cli(DAY, "inquire", "H1B50A1234567").out()).contains("State          STANDARD");
    }

    @Test
    void shellReportsErrorsAndGoesOnThenExitsWithTheLastFailure() {
        Result result = cliWithInput("""
                inquire H1B-50A
                # a comment

                inquire H1B50A1234567
                """, DAY, "shell");
        assertThat(result.code()).isEqualTo(WarrantyCli.INVALID_INPUT);
        assertThat(result.err()).contains("Invalid serial number \"H1B-50A\"").doesNotContain("\tat ");
        assertThat(result.out()).contains("Serial number  H1B50A1234567");
    }

    @Test
    void shellStopsAtQuitAndListsCommandsOnHelp() {
        Result result = cliWithInput("""
                help
                quit
                upgrade alice H3A10R2109203
                """, DAY, "shell");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("inquire", "upgrade", "online", "devices", "expiring", "quit")
                .doesNotContain("Upgrade        ");
    }

    /** Copies the shipped default DRL folder (wherever it lives: jar or directory) to {@code target}. */
    private static void copyDefaultRules(Path target) throws Exception {
        URL url = DroolsWarrantyRules.class.getClassLoader().getResource(DroolsWarrantyRules.DEFAULT_FOLDER);
        assertThat(url).isNotNull();
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                copyFiles(fs.getPath(DroolsWarrantyRules.DEFAULT_FOLDER), target);
            }
        } else {
            copyFiles(Path.of(uri), target);
        }
    }

    private static void copyFiles(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }
}
