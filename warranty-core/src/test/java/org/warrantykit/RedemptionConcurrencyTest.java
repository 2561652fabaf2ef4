package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.CodeFixture.TODAY;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.warrantykit.CodeRejectedException.Reason;

/** Real threads released together by a latch, many rounds: codes stay single use, limits hold. */
class RedemptionConcurrencyTest {
    static final int THREADS = 16;
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);
    static final List<Device> DEVICES = CodeFixture.manyOwners(THREADS);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Runs one task per device at the same moment; each result is "OK" or the rejection reason. */
    static List<String> race(List<Callable<WarrantyView>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<WarrantyView> task : tasks) {
            futures.add(POOL.submit(() -> {
                start.await();
                try {
                    task.call();
                    return "OK";
                } catch (CodeRejectedException e) {
                    return e.reason().name();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    static CodeFixture upgradedFixture() {
        CodeFixture fx = new CodeFixture(DEVICES);
        DEVICES.forEach(fx::upgrade);
        return fx;
    }

    @RepeatedTest(50)
    void sixteenThreadsRedeemingOneCodeOnDifferentDevicesGrantItExactlyOnce() throws Exception {
        CodeFixture fx = upgradedFixture();
        String code = fx.service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 5, 1, TODAY).get(0);
        List<Callable<WarrantyView>> tasks = new ArrayList<>();
        for (Device device : DEVICES) {
            tasks.add(() -> fx.service.redeem(device.owner().orElseThrow(), device.serial().value(), code));
        }

        List<String> results = race(tasks);

        assertThat(results).filteredOn("OK"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> !r.equals("OK")).hasSize(THREADS - 1).allMatch(Reason.ALREADY_USED.name()::equals);
        long extensions = DEVICES.stream().flatMap(d -> fx.entries(d).stream())
                .filter(e -> e.coverage().kind() == CoverageKind.EXTENSION).count();
        assertThat(extensions).isEqualTo(1);
        Device winner = DEVICES.get(results.indexOf("OK"));
        assertThat(fx.stored(code).orElseThrow().use().orElseThrow().serial()).isEqualTo(winner.serial());
    }

    @RepeatedTest(50)
    void aPromotionAtItsLimitNeverGoesOver() throws Exception {
        CodeFixture fx = upgradedFixture();
        int limit = 5;
        fx.service.codeIssuer().createCampaign(Campaign.of("SUMMER25", TODAY, TODAY, limit, 6));
        List<Callable<WarrantyView>> tasks = new ArrayList<>();
        for (Device device : DEVICES) {
            tasks.add(() -> fx.service.redeem(device.owner().orElseThrow(), device.serial().value(), "SUMMER25"));
        }

        List<String> results = race(tasks);

        assertThat(results).filteredOn("OK"::equals).hasSize(limit);
        assertThat(results).filteredOn(r -> !r.equals("OK")).allMatch(Reason.ALREADY_USED.name()::equals);
        assertThat(fx.vault.redemptions("SUMMER25")).isEqualTo(limit);
        long promotions = DEVICES.stream().flatMap(d -> fx.entries(d).stream())
                .filter(e -> e.coverage().kind() == CoverageKind.PROMOTION).count();
        assertThat(promotions).isEqualTo(limit);
    }

    @RepeatedTest(20)
    void oneDeviceRedeemingSeveralCodesAtOnceKeepsItsCoverageContiguous() throws Exception {
        CodeFixture fx = upgradedFixture();
        Device device = DEVICES.get(0);
        AccountId owner = device.owner().orElseThrow();
        List<String> codes = fx.service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", 1, 4, TODAY);
        fx.service.codeIssuer().createCampaign(Campaign.of("SUMMER25", TODAY, TODAY, 100, 6));
        List<Callable<WarrantyView>> tasks = new ArrayList<>();
        for (String code : codes) {
            tasks.add(() -> fx.service.redeem(owner, device.serial().value(), code));
        }
        tasks.add(() -> fx.service.redeem(owner, device.serial().value(), "SUMMER25"));

        List<String> results = race(tasks);

        // five attempts in flight at once are exactly what the lockout admits for one account
        assertThat(results).containsOnly("OK");
        WarrantyView view = fx.service.inquire(device.serial().value());
        assertThat(view.coverages()).hasSize(2 + 5);
        assertThat(view.end()).isEqualTo(LocalDate.of(2033, 5, 1).plusYears(4).plusMonths(6));
    }

    @Test
    void parallelGuessesCannotSlipPastTheLockout() throws Exception {
        CodeFixture fx = upgradedFixture();
        Device device = DEVICES.get(0);
        AccountId owner = device.owner().orElseThrow();
        List<Callable<WarrantyView>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String guess = CodeFormat.generate(new SecureRandom());
            tasks.add(() -> fx.service.redeem(owner, device.serial().value(), guess));
        }

        List<String> results = race(tasks);

        assertThat(results).filteredOn(r -> !r.equals(Reason.LOCKED_OUT.name())).hasSizeLessThanOrEqualTo(5)
                .allMatch(Reason.UNKNOWN.name()::equals);
    }
}
