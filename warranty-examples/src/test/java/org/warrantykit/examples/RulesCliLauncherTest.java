package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RulesCli.main} ends the JVM with the command's exit code as soon as the command is done,
 * even while another thread would keep it alive (as Drools' daemon thread keeps {@code exec:java}
 * waiting): each case runs {@code main} in a child JVM on the test class path next to a
 * non-daemon thread that sleeps for an hour. Without the exit the child would not end.
 */
class RulesCliLauncherTest {
    /** Generous: a guard against a child that never ends, not a measure of speed. */
    private static final long HANG_GUARD_SECONDS = 180;

    /** The child JVM's entry point: a thread that would keep the JVM alive, then the CLI's main. */
    public static final class WithLingeringThread {
        private WithLingeringThread() {
        }

        public static void main(String[] args) throws Exception {
            Thread lingering = new Thread(() -> {
                try {
                    Thread.sleep(TimeUnit.HOURS.toMillis(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lingering");
            lingering.setDaemon(false);
            lingering.start();
            RulesCli.main(args);
        }
    }

    record Child(int code, String out, String err) {
    }

    private static Child runMain(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WithLingeringThread.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("the child JVM ended by itself (%s)", String.join(" ", args)).isTrue();
        return new Child(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aSuccessfulCheckEndsTheJvmWithCodeZeroAndItsOutputFlushed(@TempDir Path dir)
            throws Exception {
        Child child = runMain(dir, "check", RuleFolders.DEFAULT);
        assertThat(child.code()).as(child.err()).isZero();
        assertThat(child.out()).startsWith("OK default-2026.11@").endsWith(" (" + RuleFolders.DEFAULT + ")"
                + System.lineSeparator());
    }

    @Test
    void aFailingCommandEndsTheJvmWithItsExitCode(@TempDir Path dir) throws Exception {
        Child unknown = runMain(dir, "explain", RuleFolders.DEFAULT, "H1B50A0000000");
        assertThat(unknown.code()).isEqualTo(WarrantyCli.UNKNOWN_DEVICE);
        assertThat(unknown.err()).contains("H1B50A0000000");
        assertThat(runMain(dir, "devices", "--data", dir.resolve("missing.csv").toString()).code())
                .isEqualTo(WarrantyCli.BAD_SETUP);
    }
}
