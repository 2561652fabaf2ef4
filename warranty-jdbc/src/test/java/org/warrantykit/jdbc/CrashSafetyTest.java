package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.CoverageSource;
import org.warrantykit.OrderId;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.LedgerEntry;

/**
 * Kills a JVM running service operations on a file H2 database at random points, many times, and
 * checks after every kill that the database holds only whole operations.
 *
 * <p>Every service operation is one transaction, so after every kill:
 * <ul>
 *   <li>Every ledger is well formed: STANDARD first and only there, coverages contiguous, at most one
 *       UPGRADE, at most one EXTENSION per order and one PROMOTION per campaign; every EXTENSION names
 *       a PAID order that has a line for the device; every PROMOTION has the device's campaign use.</li>
 *   <li>Every PAID order has exactly its coverage: one EXTENSION per line, on the line's device, for the
 *       line's months (PAID and the extensions commit together; no "paid, extension pending").</li>
 *   <li>Every counted campaign use has its PROMOTION (the reservation and the coverage commit
 *       together; no orphan reservation), and the campaign's count equals its uses.</li>
 *   <li>Every operation the child acknowledged before it was killed is in the database.</li>
 * </ul>
 */
class CrashSafetyTest {
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void killedMidStreamTheDatabaseHoldsOnlyWholeOperations() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("warranty").toAbsolutePath() + ";WRITE_DELAY=0";
        Random random = new Random(20261127);
        int kills = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.currentTimeMillis();
            List<String> acks = run(url, false, 150 + random.nextInt(900));
            kills++;
            System.out.printf("crash round %d: killed after %d acknowledged operations%s (%d ms run)%n", round,
                    acks.stream().filter(a -> a.startsWith("ack ")).count(),
                    acks.contains("looping") ? ", stream already complete" : "", System.currentTimeMillis() - started);
            check(url, acks, kills, false);
        }
        List<String> acks = run(url, true, -1);
        assertThat(acks).as("the final run completes the stream").contains("finished");
        check(url, acks, kills, true);
    }

    /** Runs the workload; kills it {@code killAfterMillis} after it is ready (never when negative). */
    private List<String> run(String url, boolean finish, long killAfterMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashWorkload.class.getName(), url));
        if (finish) {
            command.add("finish");
        }
        Path errors = Files.createTempFile(dir, "child", ".err");
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Object ready = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("ready")) {
                        synchronized (ready) {
                            ready.notifyAll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.start();
        if (finish) {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("final run ends").isTrue();
            reader.join(10_000);
            assertThat(child.exitValue()).as("final run succeeds; stderr: " + Files.readString(errors)).isZero();
            return lines;
        }
        synchronized (ready) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!lines.contains("ready") && child.isAlive() && System.currentTimeMillis() < deadline) {
                ready.wait(100);
            }
        }
        assertThat(lines).as("child started; stderr: " + Files.readString(errors)).contains("ready");
        Thread.sleep(killAfterMillis);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        String stderr = Files.readString(errors);
        assertThat(stderr).as("the child failed by itself").doesNotContain("Exception in thread \"main\"");
        return lines;
    }

    private void check(String url, List<String> acks, int kills, boolean finished) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            JdbcCoverageLedger ledger = JdbcWarrantyStores.coverageLedger(pool);
            Map<String, String> orderState = new HashMap<>();
            Map<String, String> orderSerial = new HashMap<>();
            Map<String, Integer> orderMonths = new HashMap<>();
            Set<String> campaignUses = new HashSet<>();
            int taken;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT o.order_id, o.state, l.serial, l.months FROM wk_order o "
                        + "JOIN wk_order_line l ON l.order_id = o.order_id")) {
                    while (r.next()) {
                        orderState.put(r.getString(1), r.getString(2));
                        assertThat(orderSerial.put(r.getString(1), r.getString(3))).as("one line per order").isNull();
                        orderMonths.put(r.getString(1), r.getInt(4));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT serial FROM wk_campaign_use WHERE code = '"
                        + CrashWorkload.CAMPAIGN + "'")) {
                    while (r.next()) {
                        campaignUses.add(r.getString(1));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT taken FROM wk_campaign WHERE code = '"
                        + CrashWorkload.CAMPAIGN + "'")) {
                    taken = r.next() ? r.getInt(1) : 0;
                }
            }
            assertThat(taken).as("campaign count matches its uses").isEqualTo(campaignUses.size());

            List<String> orphanUses = new ArrayList<>();
            for (int i = 0; i < CrashWorkload.DEVICES; i++) {
                String sn = CrashWorkload.serial(i);
                List<LedgerEntry> entries = ledger.entries(new SerialNumber(sn));
                wellFormed(sn, entries);
                List<Coverage> coverages = entries.stream().map(LedgerEntry::coverage).toList();
                for (Coverage c : coverages) {
                    if (c.kind() == CoverageKind.EXTENSION) {
                        String orderId = c.source().reference().orElseThrow();
                        assertThat(orderState.get(orderId)).as(sn + " extension of " + orderId).isEqualTo("PAID");
                        assertThat(orderSerial.get(orderId)).isEqualTo(sn);
                    }
                    if (c.kind() == CoverageKind.PROMOTION) {
                        assertThat(campaignUses).as(sn + " promotion without campaign use").contains(sn);
                    }
                }
                boolean promoted = coverages.stream().anyMatch(c -> c.kind() == CoverageKind.PROMOTION);
                if (campaignUses.contains(sn) && !promoted) {
                    orphanUses.add(sn);
                }
            }
            List<String> paidWithoutExtension = new ArrayList<>();
            for (Map.Entry<String, String> order : orderState.entrySet()) {
                String sn = orderSerial.get(order.getKey());
                List<Coverage> coverages = ledger.entries(new SerialNumber(sn)).stream().map(LedgerEntry::coverage)
                        .toList();
                List<Coverage> granted = coverages.stream()
                        .filter(c -> c.source().equals(CoverageSource.order(new OrderId(order.getKey())))).toList();
                if (order.getValue().equals("PAID")) {
                    if (granted.size() != 1) {
                        paidWithoutExtension.add(order.getKey());
                        continue;
                    }
                    Coverage extension = granted.get(0);
                    Coverage before = coverages.get(coverages.indexOf(extension) - 1);
                    assertThat(extension.kind()).as(order.getKey()).isEqualTo(CoverageKind.EXTENSION);
                    assertThat(extension.end()).as(order.getKey() + " extends by its months").isEqualTo(
                            before.end().plusMonths(orderMonths.get(order.getKey())));
                } else {
                    assertThat(granted).as(order.getKey() + " is " + order.getValue() + " and grants nothing").isEmpty();
                }
            }
            assertThat(paidWithoutExtension).as("PAID orders without exactly their extension (after " + kills
                    + " kills)").isEmpty();
            assertThat(orphanUses).as("counted campaign uses without their PROMOTION (after " + kills + " kills)")
                    .isEmpty();

            // Everything the child acknowledged is there.
            for (String ack : acks) {
                String[] parts = ack.split(" ");
                if (!parts[0].equals("ack")) {
                    continue;
                }
                switch (parts[1]) {
                    case "upgrade" -> assertThat(kinds(ledger, parts[2])).as(ack).contains(CoverageKind.UPGRADE);
                    case "order" -> assertThat(orderState).as(ack).containsKey(parts[2]);
                    case "paid" -> {
                        assertThat(orderState.get(parts[2])).as(ack).isEqualTo("PAID");
                        assertThat(kinds(ledger, parts[3])).as(ack).contains(CoverageKind.EXTENSION);
                    }
                    case "cancelled" -> assertThat(orderState.get(parts[2])).as(ack).isEqualTo("CANCELLED");
                    case "promoted" -> assertThat(kinds(ledger, parts[2])).as(ack).contains(CoverageKind.PROMOTION);
                    default -> {
                    }
                }
            }
            if (finished) {
                for (int i = 0; i < CrashWorkload.DEVICES; i++) {
                    String sn = CrashWorkload.serial(i);
                    List<CoverageKind> kinds = kinds(ledger, sn);
                    assertThat(kinds).as(sn).startsWith(CoverageKind.STANDARD, CoverageKind.UPGRADE);
                    assertThat(kinds.contains(CoverageKind.EXTENSION)).as(sn).isEqualTo(CrashWorkload.pays(i));
                    assertThat(campaignUses).as(sn + " redeemed the campaign").contains(sn);
                }
            }
        } finally {
            pool.dispose();
        }
    }

    private static List<CoverageKind> kinds(JdbcCoverageLedger ledger, String sn) {
        return ledger.entries(new SerialNumber(sn)).stream().map(e -> e.coverage().kind()).toList();
    }

    private static void wellFormed(String sn, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        assertThat(entries.get(0).coverage().kind()).as(sn + " starts with STANDARD").isEqualTo(CoverageKind.STANDARD);
        Set<String> sources = new HashSet<>();
        for (int i = 1; i < entries.size(); i++) {
            Coverage previous = entries.get(i - 1).coverage();
            Coverage next = entries.get(i).coverage();
            assertThat(next.kind()).as(sn + " has one STANDARD").isNotEqualTo(CoverageKind.STANDARD);
            assertThat(next.start()).as(sn + " contiguous at " + i).isEqualTo(previous.end().plusDays(1));
            assertThat(sources.add(next.kind() + " " + next.source())).as(sn + " granted twice: " + next).isTrue();
        }
        assertThat(entries.size()).as(sn + " has a grant after its STANDARD").isGreaterThan(1);
    }
}
