package org.warrantykit.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.warrantykit.Covered;
import org.warrantykit.Device;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.UnknownDeviceException;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.rules.DroolsWarrantyRules;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Tools for the people who edit the DRL policy: {@code check} a folder before it ships,
 * {@code explain} one device's decision rule by rule, {@code diff} two policies over a device
 * portfolio to review a change, {@code devices} to list the serial numbers to try. A folder is a
 * directory or {@code classpath:FOLDER} (the shipped default policy is
 * {@code classpath:org/warrantykit/rules/default}).
 *
 * <p>Run it with {@code java -jar warranty-examples/target/warranty-rules.jar check rules/acme}
 * (built by {@code mvn install}) or {@code mvn -q -pl warranty-examples exec:java@rules
 * -Dexec.args="check rules/acme"}.
 */
@Command(name = "warranty-rules",
        mixinStandardHelpOptions = true,
        versionProvider = WarrantyCli.Version.class,
        description = {"Tools for rule authors: check a rule folder, explain one decision, diff two policies, "
                + "list the devices.",
                "RULES-DIR is a directory of .drl files (+ optional ruleset.properties) or classpath:FOLDER, "
                        + "e.g. classpath:" + DroolsWarrantyRules.DEFAULT_FOLDER + " for the shipped default policy."},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:done (diff: also when devices change)",
                " 1:unexpected failure (a bug: stack trace on stderr)",
                " 2:wrong command line (usage on stderr)",
                " 3:invalid input: a malformed serial number (explain)",
                " 4:unknown device: no such serial number in the data (explain)",
                " 6:a rule folder is refused (check: its problems as file:line: message on stdout),",
                "  :a folder fails to decide a device of the data (explain, diff: folder and device on stderr),",
                "  :or the --data CSV cannot be used"},
        footer = {"",
                "Examples:",
                "  warranty-rules check rules/acme",
                "  warranty-rules explain rules/acme H3A10R2109203 --today 2026-11-27",
                "  warranty-rules diff classpath:" + DroolsWarrantyRules.DEFAULT_FOLDER + " rules/acme \\",
                "      --data devices.csv --today 2026-11-27",
                "  warranty-rules devices --data devices.csv"})
public final class RulesCli implements Runnable {
    @Spec
    private CommandSpec spec;

    private RulesCli() {
    }

    /**
     * Runs one command and ends the JVM with its exit code, even on success: Drools leaves a
     * daemon thread behind that {@code exec:java} waits 15 s for before Maven may exit, and a
     * command's work is done once its output is flushed.
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs one command, printing to {@code out} and {@code err} (both flushed), and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The command line with its subcommands and exit codes; call {@code setOut}/{@code setErr} to capture output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RulesCli());
        commandLine.addSubcommand(new Check());
        commandLine.addSubcommand(new Explain());
        commandLine.addSubcommand(new Diff());
        commandLine.addSubcommand(new Devices());
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.setExitCodeExceptionMapper(WarrantyCli.EXIT_CODES);
        commandLine.setExecutionExceptionHandler(WarrantyCli.EXPECTED_ERRORS);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: check, explain, diff or devices");
    }

    private static LocalDate dayOrToday(LocalDate day) {
        return day != null ? day : LocalDate.now(ZoneOffset.UTC);
    }

    private static InMemoryDeviceRegistry devices(Path data) {
        return data == null ? SampleData.devices() : InMemoryDeviceRegistry.fromCsv(data);
    }

    private static String dataLabel(Path data) {
        return data == null ? "the embedded sample data" : data.toString();
    }

    /** The device a rule set cannot decide, as {@code check --data} and {@code diff} name it. */
    private static String undecidedDevice(PolicyDiff.Undecided e, Path data) {
        return e.device().map(d -> "device " + d.serial().value() + " (" + d.model() + " " + d.category() + " "
                + d.region() + ")").orElse("the devices of " + dataLabel(data));
    }

    // ---------------------------------------------------------------- check

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compile a rule folder and check it on the built-in sample devices.",
                    "Does what loading the folder does. Prints each problem as file:line: message and exits 6, "
                            + "or prints one OK line with the rule-set version and the number of rules. With "
                            + "--data, also decides every device of that supply data and reports how many, and "
                            + "how long it took."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "RULES-DIR", description = "The folder to check.")
        String folder;
        @Option(names = "--data", paramLabel = "CSV",
                description = "Also decide every device of this supply data CSV (in batches), as diff would.")
        Path data;
        @Option(names = "--today", paramLabel = "yyyy-MM-dd",
                description = "With --data: the day to decide on (default: today, UTC).")
        LocalDate today;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RuleFolder rules = new RuleFolder(folder);
            DroolsWarrantyRules loaded;
            try {
                loaded = rules.load();
            } catch (RuleSetException e) {
                // distinct: the sample check may report one problem for two queries about the same device
                List<RuleProblem> problems = e.problems().stream().distinct().toList();
                for (RuleProblem problem : problems) {
                    // file:line: message on one line; a message of several lines continues indented
                    out.println(problem.toString().replace("\r", "").replace("\n", "\n    "));
                }
                String summary = e.getMessage().lines().findFirst().orElse("refused").replaceAll(":$", "");
                out.println("REFUSED " + folder + ": " + summary + " (" + problems.size()
                        + (problems.size() == 1 ? " problem)" : " problems)"));
                out.flush();
                return WarrantyCli.BAD_SETUP;
            }
            Map<String, Integer> counts = rules.ruleCounts();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (data != null) {
                List<Device> devices = devices(data).all().toList();
                LocalDate on = dayOrToday(today);
                long started = System.nanoTime();
                try {
                    PolicyDiff.decideEvery(loaded, devices, on);
                } catch (PolicyDiff.Undecided e) {
                    String device = undecidedDevice(e, data);
                    for (RuleProblem problem : e.getCause().problems().stream().distinct().toList()) {
                        out.println(problem.toString().replace("\r", "").replace("\n", "\n    "));
                    }
                    out.println("REFUSED " + folder + ": it passes the sample check but cannot decide " + device
                            + " of " + data + ", " + e.asked() + ": "
                            + e.getCause().getMessage().lines().findFirst().orElse("failed").replaceAll(":$", ""));
                    out.flush();
                    return WarrantyCli.BAD_SETUP;
                }
                out.println(String.format(java.util.Locale.ROOT, "Decided %d devices of %s on %s in %d ms (batches of %d)",
                        devices.size(), data, on, (System.nanoTime() - started) / 1_000_000, PolicyDiff.BATCH));
            }
            out.println("OK " + loaded.version() + ", " + total + " rules in " + counts.size() + " files ("
                    + folder + ")");
            out.flush();
            return 0;
        }
    }

    // ---------------------------------------------------------------- explain

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Show how a rule folder decides one device, rule by rule.",
                    "Prints the standard term, the upgrade verdict and reason, the offers or why there are none, "
                            + "and every rule that fired, in firing order. Unless --current-end is given, the "
                            + "device is decided as nothing granted yet and, when the upgrade applies, again as "
                            + "right after the upgrade (which is when offers appear)."})
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "RULES-DIR", description = "The rule folder.")
        String folder;
        @Parameters(index = "1", paramLabel = "SN", description = "Serial number of a device in the data.")
        String serial;
        @Option(names = "--data", paramLabel = "CSV",
                description = "Supply data CSV (default: the embedded sample data).")
        Path data;
        @Option(names = "--today", paramLabel = "yyyy-MM-dd",
                description = "The day to decide on (default: today, UTC).")
        LocalDate today;
        @Option(names = "--current-end", paramLabel = "yyyy-MM-dd",
                description = "Decide the device as upgraded with cover up to this day (e.g. to probe the 6-month limit).")
        LocalDate currentEnd;

        @Override
        public Integer call() {
            SerialNumber sn = SerialNumber.parse(serial);
            Device device = devices(data).find(sn).orElseThrow(() -> new UnknownDeviceException(sn));
            WarrantyRules rules = new RuleFolder(folder).load();
            LocalDate on = dayOrToday(today);
            List<String> lines = new ArrayList<>();
            lines.add(row("Rule set", rules.version() + "  (" + folder + ")"));
            lines.add(row("Device", device.serial().value() + "  " + device.model() + "  " + device.category()
                    + "  " + device.region()));
            lines.add(row("Supply data", "produced " + device.productionDate() + ", shipped " + device.shipDate()
                    + ", installed " + device.installDate().map(LocalDate::toString).orElse("never")
                    + ", online " + device.onlineSince().map(at -> "since " + at).orElse("never")));
            if (currentEnd != null) {
                PolicyQuery query = new PolicyQuery(device, on, true, Optional.of(currentEnd));
                lines.add("");
                lines.add("Decided on " + on + " as upgraded, covered up to " + currentEnd);
                lines.addAll(decision(rules.decide(query)));
            } else {
                PolicyDecision fresh = rules.decide(PolicyQuery.fresh(device, on));
                lines.add("");
                lines.add("Decided on " + on + ", nothing granted yet");
                lines.addAll(decision(fresh));
                if (fresh.upgrade().eligible()) {
                    LocalDate end = fresh.standard().end().plusMonths(12L * fresh.upgrade().years());
                    lines.add("");
                    lines.add("Decided on " + on + " right after the free upgrade, covered up to " + end);
                    lines.addAll(decision(rules.decide(new PolicyQuery(device, on, true, Optional.of(end)))));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            lines.forEach(out::println);
            out.flush();
            return 0;
        }

        static List<String> decision(PolicyDecision decision) {
            List<String> lines = new ArrayList<>();
            lines.add(row("Standard", decision.standard().start() + " to " + decision.standard().end() + " ("
                    + decision.standard().years() + (decision.standard().years() == 1 ? " year" : " years")
                    + "), covers " + Covered.describe(decision.standard().covers())));
            lines.add(row("Upgrade", (decision.upgrade().eligible()
                    ? "eligible, +" + decision.upgrade().years() + (decision.upgrade().years() == 1 ? " year" : " years")
                    + ", covers " + Covered.describe(decision.upgrade().covers())
                    : "refused") + ": " + decision.upgrade().reason()));
            if (decision.offers().isEmpty()) {
                lines.add(row("Offers", "none: " + decision.noOfferReason()));
            }
            for (int i = 0; i < decision.offers().size(); i++) {
                OfferTerm offer = decision.offers().get(i);
                lines.add(row(i == 0 ? "Offers" : "", String.format("%-11s %-12s covers %s", "+" + offer.months() + " months",
                        offer.price(), Covered.describe(offer.covers()))));
            }
            lines.add(row("Transfer", (decision.transfer().allowed() ? "allowed" : "refused") + ": "
                    + decision.transfer().reason()));
            List<String> fired = decision.trace().firedRules();
            lines.add(row("Rules fired", fired.size() + ", in firing order:"));
            for (int i = 0; i < fired.size(); i++) {
                lines.add(String.format("  %3d  %s", i + 1, fired.get(i)));
            }
            return lines;
        }
    }

    /** A labelled line: the label padded to one column. */
    private static String row(String label, String value) {
        return String.format("%-13s %s", label, value).stripTrailing();
    }

    // ---------------------------------------------------------------- diff

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"List the devices whose warranty a policy change changes.",
                    "Decides every device of the data with both rule folders on the same day and lists each "
                            + "device whose standard start or end, upgrade (eligibility, years) or offers (terms, "
                            + "prices) change, old -> new, then counts the changes by kind. Offers are those "
                            + "shown right after the free upgrade on that day (where it is refused, those of the "
                            + "device as it is). Review a policy change with it "
                            + "before it ships."})
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "OLD-RULES-DIR", description = "The rule folder in use.")
        String oldFolder;
        @Parameters(index = "1", paramLabel = "NEW-RULES-DIR", description = "The changed rule folder.")
        String newFolder;
        @Option(names = "--data", paramLabel = "CSV",
                description = "The device portfolio, a supply data CSV (default: the embedded sample data).")
        Path data;
        @Option(names = "--today", paramLabel = "yyyy-MM-dd",
                description = "The day to decide on (default: today, UTC).")
        LocalDate today;

        @Override
        public Integer call() {
            List<Device> devices = devices(data).all().sorted(Comparator.comparing(Device::serial)).toList();
            // The two folders compile side by side (most of diff's time); the old one's problems are reported first.
            CompletableFuture<DroolsWarrantyRules> oldLoad = CompletableFuture.supplyAsync(() -> new RuleFolder(oldFolder).load());
            DroolsWarrantyRules newRules;
            try {
                newRules = new RuleFolder(newFolder).load();
            } catch (RuntimeException newFailed) {
                joinReportingItsFailure(oldLoad);
                throw newFailed;
            }
            WarrantyRules oldRules = joinReportingItsFailure(oldLoad);
            LocalDate on = dayOrToday(today);
            PolicyDiff.Result result;
            try {
                result = PolicyDiff.compare(oldRules, newRules, devices, on);
            } catch (PolicyDiff.Undecided e) {
                return undecided(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(row("Old rules", result.oldVersion() + "  (" + oldFolder + ")"));
            out.println(row("New rules", result.newVersion() + "  (" + newFolder + ")"));
            out.println(row("Devices", result.devices() + " from " + dataLabel(data) + ", decided on " + on));
            out.println();
            if (result.changes().isEmpty()) {
                out.println("  (no device changes)");
            } else {
                String format = "%-16s %-14s %-6s %-14s %s -> %s";
                out.println(String.format("%-16s %-14s %-6s %-14s %s", "SERIAL", "MODEL", "REGION", "CHANGE",
                        "OLD -> NEW"));
                for (PolicyDiff.Change change : result.changes()) {
                    out.println(String.format(format, change.serial().value(), change.device().model(),
                            change.device().region(), change.kind().label(), change.before(), change.after()));
                }
            }
            out.println();
            List<String> counts = new ArrayList<>();
            result.counts().forEach((kind, n) -> counts.add(kind.label() + " " + n));
            out.println("Changes: " + String.join(", ", counts) + "; " + result.devicesChanged() + " of "
                    + result.devices() + " devices changed");
            out.flush();
            return 0;
        }

        private static DroolsWarrantyRules joinReportingItsFailure(CompletableFuture<DroolsWarrantyRules> load) {
            try {
                return load.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }

        /**
         * A folder loaded (it passed its sample check) but fails for a device of the data: name
         * the folder as given, which of the two it is, the device and the rule set's problems,
         * so the author knows which folder to fix and which device to {@code explain}.
         */
        private int undecided(PolicyDiff.Undecided e) {
            boolean old = e.side() == PolicyDiff.Side.OLD;
            String device = undecidedDevice(e, data);
            RuleSetException refusal = e.getCause();
            PrintWriter err = spec.commandLine().getErr();
            err.println("diff: the " + e.side().label() + " rule folder (" + (old ? "OLD-RULES-DIR" : "NEW-RULES-DIR")
                    + ") " + (old ? oldFolder : newFolder) + " cannot decide " + device + ", " + e.asked() + ": "
                    + refusal.getMessage().lines().findFirst().orElse("failed").replaceAll(":$", ""));
            for (RuleProblem problem : refusal.problems()) {
                err.println("  " + problem.toString().replace("\r", "").replace("\n", "\n    "));
            }
            err.println("Nothing compared; fix that folder and run diff again.");
            err.flush();
            return WarrantyCli.BAD_SETUP;
        }
    }

    // ---------------------------------------------------------------- devices

    @Command(name = "devices", mixinStandardHelpOptions = true,
            description = {"List the devices of the data: serial number, model, category and region.",
                    "One device per line, by serial number, under a header line, then the count. Pick "
                            + "serial numbers to explain from it, or see what a --data CSV holds."})
    static final class Devices implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", paramLabel = "CSV",
                description = "Supply data CSV (default: the embedded sample data).")
        Path data;

        @Override
        public Integer call() {
            List<Device> devices = devices(data).all().sorted(Comparator.comparing(Device::serial)).toList();
            // columns as wide as their longest value, so any data lines up
            String[] header = {"SERIAL", "MODEL", "CATEGORY", "REGION"};
            int[] width = new int[header.length];
            for (int i = 0; i < header.length; i++) {
                width[i] = header[i].length();
            }
            for (Device device : devices) {
                String[] cells = cells(device);
                for (int i = 0; i < cells.length; i++) {
                    width[i] = Math.max(width[i], cells[i].length());
                }
            }
            String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s";
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(format, (Object[]) header));
            for (Device device : devices) {
                out.println(String.format(format, (Object[]) cells(device)).stripTrailing());
            }
            out.println();
            out.println(devices.size() + (devices.size() == 1 ? " device" : " devices") + " from " + dataLabel(data));
            out.flush();
            return 0;
        }

        private static String[] cells(Device device) {
            return new String[] {device.serial().value(), device.model(), device.category().name(), device.region()};
        }
    }
}
