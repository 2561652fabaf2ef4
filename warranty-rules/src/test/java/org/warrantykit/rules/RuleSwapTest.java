package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.RuleSetException;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;

/** Swapping rule sets under a running service: refused sets never go live, decisions never mix sets. */
class RuleSwapTest {
    static final Device INVERTER = Device.of(SerialNumber.parse("SWAP000000001"), "X1-BOOST", Category.INVERTER, "DE",
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10)).withInstallDate(LocalDate.of(2025, 3, 1));

    @TempDir
    Path dir;

    private Path copyDefaults(String name) throws IOException {
        return DefaultRuleFolder.copyTo(dir.resolve(name));
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        DefaultRuleFolder.replaceIn(file, from, to);
    }

    private static WarrantyService service(DroolsWarrantyRules rules) {
        return InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(InMemoryDeviceRegistry.of(List.of(INVERTER)))
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    @Test
    void reloadSwapsInAnAcceptedFolderAndKeepsServingTheOldOneOnRejection() throws IOException {
        Path folder = copyDefaults("rules");
        WarrantyService service = service(DroolsWarrantyRules.fromDirectory(folder));
        String original = service.rules().version();
        List<RuleSetException> rejected = new CopyOnWriteArrayList<>();
        try (RuleFolderWatcher watcher = RuleFolderWatcher.start(service, folder, rejected::add)) {
            replaceIn(folder.resolve("standard-terms.drl"), "insert( new StandardYears( $device.serial(), 5 ) );",
                    "insert( new StandardYears( $device.serial(), 6 ) );");
            assertThat(watcher.reload()).isTrue();
            String six = service.rules().version();
            assertThat(six).isNotEqualTo(original);
            assertThat(service.inquire("SWAP000000001").end()).isEqualTo(LocalDate.of(2031, 2, 28));

            replaceIn(folder.resolve("upgrade.drl"), "rule \"Upgrade refused: the product line", "rule Upgrade refused");
            assertThat(watcher.reload()).isFalse();
            assertThat(rejected).last().satisfies(e -> assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p.file()).isEqualTo("upgrade.drl")));
            assertThat(service.rules().version()).isEqualTo(six);
            assertThat(service.inquire("SWAP000000001").trace().ruleSetVersion()).isEqualTo(six);
        }
    }

    @Test
    void watcherPicksUpASavedChange() throws Exception {
        Path folder = copyDefaults("watched");
        WarrantyService service = service(DroolsWarrantyRules.fromDirectory(folder));
        String original = service.rules().version();
        try (RuleFolderWatcher ignored = RuleFolderWatcher.start(service, folder, e -> { })) {
            replaceIn(folder.resolve("standard-terms.drl"), "insert( new StandardYears( $device.serial(), 5 ) );",
                    "insert( new StandardYears( $device.serial(), 7 ) );");
            // waits for the watcher thread; the bound only keeps a broken watcher from hanging the build
            for (int i = 0; i < 300 && service.rules().version().equals(original); i++) {
                Thread.sleep(100);
            }
        }
        assertThat(service.rules().version()).isNotEqualTo(original);
        assertThat(service.inquire("SWAP000000001").end()).isEqualTo(LocalDate.of(2032, 2, 29));
    }

    @Test
    void decisionsDuringSwapsNeverFailAndEachNamesExactlyOneRuleSet() throws Exception {
        Path five = copyDefaults("five");
        Path six = copyDefaults("six");
        replaceIn(six.resolve("standard-terms.drl"), "insert( new StandardYears( $device.serial(), 5 ) );",
                "insert( new StandardYears( $device.serial(), 6 ) );");
        DroolsWarrantyRules a = DroolsWarrantyRules.fromDirectory(five);
        DroolsWarrantyRules b = DroolsWarrantyRules.fromDirectory(six);
        Map<String, LocalDate> endByVersion = Map.of(a.version(), LocalDate.of(2030, 2, 28),
                b.version(), LocalDate.of(2031, 2, 28));
        WarrantyService service = service(a);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicBoolean swapping = new AtomicBoolean(true);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<WarrantyView>>> readers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    List<WarrantyView> seen = new ArrayList<>();
                    while (swapping.get() || seen.size() < 50) {
                        seen.add(service.inquire("SWAP000000001"));
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (int i = 0; i < 200; i++) {
                service.replaceRules(i % 2 == 0 ? b : a);
            }
            swapping.set(false);
            for (Future<List<WarrantyView>> reader : readers) {
                for (WarrantyView view : reader.get()) {
                    assertThat(endByVersion).containsKey(view.trace().ruleSetVersion());
                    assertThat(view.end()).isEqualTo(endByVersion.get(view.trace().ruleSetVersion()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
