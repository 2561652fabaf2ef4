package org.warrantykit.rules;

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
 * The folders that could end or hang the JVM that loads them, loaded in a child JVM so that a
 * regression fails this test instead of taking the test run with it: the child must refuse the
 * folder with a message a person can act on, go on deciding with the default rules, and exit by
 * itself (status 0).
 */
class HostileFolderChildJvmTest {
    private static final long CHILD_BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void aRuleThatExitsTheJvmIsRefusedBeforeItRuns() throws Exception {
        Path folder = HostileFolders.folder(dir.resolve("exit"), HostileFolders.EXIT);

        Child child = load(folder, 60_000);

        // status 3 would be the rule's System.exit( 3 )
        assertThat(child.status).as("exit status; output:\n%s", child.output).isZero();
        assertThat(child.output).contains("REFUSED The rule set uses what rules may not",
                HostileFolders.FILE + ":" + (HostileFolders.lineOf(HostileFolders.EXIT, "Hostile: exit the host") + 4)
                        + ": rule \"Hostile: exit the host\" uses System, exit, which rules may not",
                HostileFolderLoad.ALIVE + "5");
    }

    @Test
    void aConsequenceThatComputesForeverIsRefusedWhenTheLoadRunsOutOfTimeAndTheJvmStillExits() throws Exception {
        Path folder = HostileFolders.folder(dir.resolve("busy"), HostileFolders.BUSY_LOOP);

        Child child = load(folder, 10_000);

        assertThat(child.status).as("exit status; output:\n%s", child.output).isZero();
        assertThat(child.output).contains("REFUSED Loading the rule set took too long",
                HostileFolders.FILE + ":" + HostileFolders.lineOf(HostileFolders.BUSY_LOOP, "Hostile: compute forever")
                        + ": the sample check did not finish within 10 s; rule \"Hostile: compute forever\" was running",
                "raise RuleLimits.loadTimeout", HostileFolderLoad.ALIVE + "5");
    }

    private record Child(int status, String output) {
    }

    /** Runs {@link HostileFolderLoad} on the folder in a JVM of its own, on this test's class path. */
    private Child load(Path folder, long loadTimeoutMillis) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, HostileFolderLoad.class.getName(), folder.toString(),
                Long.toString(loadTimeoutMillis),
                // a folder compiled first, so the timeout is not spent warming up the DRL compiler
                DefaultRuleFolder.copyTo(dir.resolve("warm-up-" + folder.getFileName())).toString()));
        Path output = dir.resolve(folder.getFileName() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean ended = process.waitFor(CHILD_BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(ended).as("the child JVM ended within %d s; output:\n%s", CHILD_BOUND_SECONDS,
                    Files.readString(output, StandardCharsets.UTF_8)).isTrue();
            return new Child(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
