package org.warrantykit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.warrantykit.AccessDeniedException;
import org.warrantykit.AccountId;
import org.warrantykit.ConfigurationException;
import org.warrantykit.DeviceDataException;
import org.warrantykit.InvalidSerialNumberException;
import org.warrantykit.InvalidValueException;
import org.warrantykit.RuleSetException;
import org.warrantykit.UnknownDeviceException;
import org.warrantykit.WarrantyException;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.WarrantyRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * A command line a person can try the library with: inquiry, upgrade, online reports and the
 * dashboard, on the embedded sample data (or {@code --data}) with the default DRL policy (or
 * {@code --rules}). Every invocation is a fresh in-memory service; {@code shell} keeps one service
 * for many commands so that an upgrade requested offline is applied by a later {@code online}.
 *
 * <p>Expected errors ({@link WarrantyException}s) print their message to stderr, no stack trace,
 * and end with the exit codes listed in {@code --help}.
 */
@Command(name = "warranty",
        mixinStandardHelpOptions = true,
        versionProvider = WarrantyCli.Version.class,
        description = "Try warranty-kit: inquiry by serial number, online upgrade, dashboard.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:done (an upgrade that is NOT_ELIGIBLE is an answer, not an error)",
                " 1:unexpected failure (a bug: stack trace on stderr)",
                " 2:wrong command line (usage on stderr)",
                " 3:invalid input: a malformed serial number, account id or period",
                " 4:unknown device: no such serial number in the data",
                " 5:access denied: the account does not own the device",
                " 6:bad setup: the --data CSV or the --rules folder cannot be used",
                " 7:refused for another reason (message on stderr)"},
        footer = {"",
                "Examples:",
                "  warranty --today 2026-11-27 inquire H1B50A1234567",
                "  warranty --today 2026-11-27 expiring alice --within P6M",
                "  warranty --today 2026-11-27 upgrade alice H3A10R2109203",
                "  warranty --today 2026-11-27 claim H3A10R2109203 --failed-on 2026-11-20",
                "  warranty --today 2026-11-27 replace H3A10R2109203 H3A10R2308220",
                "  warranty --today 2026-11-27 shell < commands.txt"})
public final class WarrantyCli implements Runnable {
    public static final int INVALID_INPUT = 3;
    public static final int UNKNOWN_DEVICE = 4;
    public static final int ACCESS_DENIED = 5;
    public static final int BAD_SETUP = 6;
    public static final int REFUSED = 7;

    @Option(names = "--data", paramLabel = "CSV", scope = ScopeType.INHERIT,
            description = "Supply data CSV with the header " + InMemoryDeviceRegistry.HEADER
                    + " (default: the embedded sample data).")
    private Path data;

    @Option(names = "--rules", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of .drl files (+ optional ruleset.properties) to use instead of the default policy.")
    private Path rulesDir;

    @Option(names = "--db", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = {"Keep upgrades, online reports and ownership in a file-backed H2 database at FILE "
                    + "(created and migrated on first use), so state survives between runs.",
                    "Default: in memory, lost when the command ends."})
    private Path database;

    @Option(names = "--today", paramLabel = "yyyy-MM-dd", scope = ScopeType.INHERIT,
            description = "Run on a fixed clock at the start of this day (UTC) instead of the system clock.")
    private LocalDate today;

    @Spec
    private CommandSpec spec;

    /** The default policy, compiled once per JVM (it is immutable and thread-safe). */
    private static volatile WarrantyRules defaultRules;

    private final InputStream in;
    private final boolean interactive;
    private Clock clock;
    private WarrantyService service;

    private WarrantyCli(InputStream in, boolean interactive) {
        this.in = Objects.requireNonNull(in, "in");
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        int code = commandLine(System.in, System.console() != null).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The CLI with its subcommands, error handling and exit codes; {@code shell} reads {@code in}.
     * Call {@code setOut}/{@code setErr} on the result to capture output.
     */
    public static CommandLine commandLine(InputStream in) {
        return commandLine(in, false);
    }

    static CommandLine commandLine(InputStream in, boolean interactive) {
        WarrantyCli cli = new WarrantyCli(in, interactive);
        CommandLine commandLine = new CommandLine(cli);
        cli.addServiceCommands(commandLine);
        commandLine.addSubcommand(new Shell(cli));
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        return configure(commandLine);
    }

    /** The commands that act on the service; shared by the command line and the shell. */
    private void addServiceCommands(CommandLine commandLine) {
        commandLine.addSubcommand(new Inquire(this));
        commandLine.addSubcommand(new Upgrade(this));
        commandLine.addSubcommand(new Online(this));
        commandLine.addSubcommand(new Devices(this));
        commandLine.addSubcommand(new Expiring(this));
        commandLine.addSubcommand(new Claim(this));
        commandLine.addSubcommand(new Replace(this));
    }

    private static CommandLine configure(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(EXIT_CODES);
        commandLine.setExecutionExceptionHandler(EXPECTED_ERRORS);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: inquire, upgrade, online, devices, expiring, claim, replace or shell");
    }

    /** Built on first use from the options, then shared by every command of this run (and the shell). */
    WarrantyService service() {
        if (service == null) {
            Clock chosen = today == null ? Clock.systemUTC()
                    : Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
            DeviceRegistry registry = data == null ? SampleData.devices() : InMemoryDeviceRegistry.fromCsv(data);
            WarrantyRules rules = rulesDir == null ? defaultRules() : DroolsWarrantyRules.fromDirectory(rulesDir);
            WarrantyService.Builder builder = InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(registry).clock(chosen);
            if (database != null) {
                builder = DemoDatabase.configure(builder, database);
            }
            service = builder.build();
            clock = chosen;
        }
        return service;
    }

    private static WarrantyRules defaultRules() {
        WarrantyRules rules = defaultRules;
        if (rules == null) {
            rules = DroolsWarrantyRules.defaults();
            defaultRules = rules;
        }
        return rules;
    }

    Instant now() {
        service();
        return clock.instant();
    }

    LocalDate today() {
        service();
        return LocalDate.now(clock);
    }

    /** Maps the library's errors to the exit codes listed in the usage help. */
    static final IExitCodeExceptionMapper EXIT_CODES = exception -> {
        if (exception instanceof ParameterException) {
            return CommandLine.ExitCode.USAGE;
        }
        if (exception instanceof InvalidSerialNumberException || exception instanceof InvalidValueException) {
            return INVALID_INPUT;
        }
        if (exception instanceof UnknownDeviceException) {
            return UNKNOWN_DEVICE;
        }
        if (exception instanceof AccessDeniedException) {
            return ACCESS_DENIED;
        }
        if (exception instanceof DeviceDataException || exception instanceof RuleSetException
                || exception instanceof ConfigurationException) {
            return BAD_SETUP;
        }
        if (exception instanceof WarrantyException) {
            return REFUSED;
        }
        return CommandLine.ExitCode.SOFTWARE;
    };

    /** Expected errors: their message on stderr, no stack trace. Anything else is a bug and propagates. */
    static final IExecutionExceptionHandler EXPECTED_ERRORS = (exception, commandLine, parseResult) -> {
        if (!(exception instanceof WarrantyException)) {
            throw exception;
        }
        commandLine.getErr().println(commandLine.getColorScheme().errorText(exception.getMessage()));
        commandLine.getErr().flush();
        return EXIT_CODES.getExitCode(exception);
    };

    private static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    private static void print(CommandSpec spec, List<String> lines) {
        PrintWriter out = out(spec);
        lines.forEach(out::println);
        out.flush();
    }

    @Command(name = "inquire", mixinStandardHelpOptions = true,
            description = "Show the warranty of a device (public inquiry, no account needed).")
    static final class Inquire implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SN", description = "Serial number as printed on the label, e.g. H1B50A1234567.")
        String serial;
        private final WarrantyCli session;

        Inquire(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            print(spec, Views.warranty(session.service().inquire(serial), true));
            return 0;
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = {"Request the free online upgrade as the device's owner.",
                    "Applied at once when the device is online, else PENDING_ONLINE until `online` reports it."})
    static final class Upgrade implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The (already authenticated) account, e.g. alice.")
        String account;
        @Parameters(index = "1", paramLabel = "SN", description = "Serial number of a device the account owns.")
        String serial;
        private final WarrantyCli session;

        Upgrade(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            AccountId owner = AccountId.of(account);
            print(spec, Views.upgrade(session.service().requestUpgrade(owner, serial), true));
            return 0;
        }
    }

    @Command(name = "online", mixinStandardHelpOptions = true,
            description = {"Report that a device sent data (what the monitoring platform would do).",
                    "Applies a pending upgrade; then shows the warranty."})
    static final class Online implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SN", description = "Serial number of the device that came online.")
        String serial;
        @Option(names = "--at", paramLabel = "ISO-INSTANT",
                description = "When it sent data, e.g. 2026-11-27T10:00:00Z (default: now on the service clock).")
        Instant at;
        private final WarrantyCli session;

        Online(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            WarrantyService service = session.service();
            Instant when = at != null ? at : session.now();
            service.deviceOnline(serial, when);
            WarrantyView view = service.inquire(serial);
            PrintWriter out = out(spec);
            out.println("  Recorded " + view.serial() + " online at " + when + ".");
            print(spec, Views.warranty(view, false));
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true,
            description = "List the account's devices and their warranty (the dashboard).")
    static final class Devices implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT", description = "The account, e.g. alice.")
        String account;
        private final WarrantyCli session;

        Devices(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            print(spec, Views.table(session.service().devices(AccountId.of(account))));
            return 0;
        }
    }

    @Command(name = "expiring", mixinStandardHelpOptions = true,
            description = "List the account's devices whose warranty still runs but ends within a period.")
    static final class Expiring implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ACCOUNT", description = "The account, e.g. alice.")
        String account;
        @Option(names = "--within", paramLabel = "PERIOD", defaultValue = "P6M", converter = PeriodConverter.class,
                description = "ISO-8601 period, e.g. P6M, P1Y, P90D (default: ${DEFAULT-VALUE}).")
        Period within;
        private final WarrantyCli session;

        Expiring(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            print(spec, Views.table(session.service().expiringWithin(AccountId.of(account), within)));
            return 0;
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true,
            description = {"Check whether a failure is covered, and what for (service desk, installers).",
                    "Names the line in force that day and what it pays for (parts, labour, transport)."})
    static final class Claim implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SN", description = "Serial number of the failed device.")
        String serial;
        @Option(names = "--failed-on", paramLabel = "yyyy-MM-dd",
                description = "The day it failed (default: today on the service clock).")
        LocalDate failedOn;
        private final WarrantyCli session;

        Claim(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            LocalDate day = failedOn != null ? failedOn : session.today();
            print(spec, Views.claim(session.service().claimCheck(serial, day)));
            return 0;
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = {"Record a device swap (RMA, back office): the replacement carries the rest of the "
                    + "faulty unit's warranty from the swap day.",
                    "Shows the replacement's warranty, then the faulty unit's (REPLACED)."})
    static final class Replace implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FAULTY-SN", description = "The unit taken out of service.")
        String faulty;
        @Parameters(index = "1", paramLabel = "REPLACEMENT-SN",
                description = "The unit put in its place: in the data, same category, nothing granted.")
        String replacement;
        @Option(names = "--on", paramLabel = "yyyy-MM-dd",
                description = "The day of the swap (default: today on the service clock).")
        LocalDate on;
        private final WarrantyCli session;

        Replace(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            WarrantyService service = session.service();
            LocalDate day = on != null ? on : session.today();
            print(spec, Views.warranty(service.replaceDevice(faulty, replacement, day), false));
            out(spec).println();
            print(spec, Views.warranty(service.inquire(faulty), false));
            return 0;
        }
    }

    /** Reads commands from standard input, one per line, against one service (state carries over). */
    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"Read commands from standard input in one session (state carries over).",
                    "One command per line; an upgrade requested while offline is applied by a later `online`.",
                    "`help` lists the commands, `quit` leaves. Exits with the code of the last command that",
                    "failed, 0 if none did."})
    static final class Shell implements Callable<Integer> {
        static final String PROMPT = "warranty> ";
        @Spec
        CommandSpec spec;
        private final WarrantyCli session;

        Shell(WarrantyCli session) {
            this.session = session;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            session.service(); // a bad --data or --rules fails here, before the first prompt
            CommandLine commands = commands(out, err);
            BufferedReader reader = new BufferedReader(new InputStreamReader(session.in, StandardCharsets.UTF_8));
            out.println("warranty-kit shell: type help for the commands, quit to leave.");
            int lastFailure = 0;
            while (true) {
                out.print(PROMPT);
                out.flush();
                String line = reader.readLine();
                if (line == null) {
                    out.println();
                    break;
                }
                if (!session.interactive) {
                    out.println(line); // echo scripted input so the output reads as a transcript
                }
                String[] words = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
                if (words.length == 0 || words[0].startsWith("#")) {
                    continue;
                }
                String command = words[0].toLowerCase(Locale.ROOT);
                if (command.equals("quit") || command.equals("exit")) {
                    break;
                }
                if (command.equals("help") && words.length == 1 || command.equals("?")) {
                    help(commands, out);
                    continue;
                }
                int code = commands.execute(words);
                out.flush();
                err.flush();
                if (code != 0) {
                    lastFailure = code;
                }
            }
            out.flush();
            return lastFailure;
        }

        private CommandLine commands(PrintWriter out, PrintWriter err) {
            CommandLine commands = new CommandLine(new ShellCommands());
            session.addServiceCommands(commands);
            commands.addSubcommand(new CommandLine.HelpCommand());
            configure(commands);
            commands.setOut(out);
            commands.setErr(err);
            return commands;
        }

        private static void help(CommandLine commands, PrintWriter out) {
            out.println("Commands:");
            out.print(commands.getHelp().commandList());
            out.println("  quit      Leave the shell (also: exit, end of input).");
            out.println("Type COMMAND --help for its options.");
        }
    }

    /** The root the shell parses each line against: the service commands, no global options. */
    @Command(name = "", synopsisSubcommandLabel = "COMMAND")
    static final class ShellCommands implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing command");
        }
    }

    /** {@code P6M}, {@code p1y}, {@code P90D}; says what is expected when the text is not a period. */
    static final class PeriodConverter implements CommandLine.ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not an ISO-8601 period; use e.g. P6M (6 months), P1Y or P90D");
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WarrantyCli.class.getPackage().getImplementationVersion();
            return new String[] {"warranty-kit examples " + (version == null ? "(development build)" : version)};
        }
    }
}
