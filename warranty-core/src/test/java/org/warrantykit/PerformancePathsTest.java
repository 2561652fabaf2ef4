package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.device;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.DeviceBuilder;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.WarrantyRules;

/** The decision cache and the bulk paths, against the test policy, which counts its calls. */
class PerformancePathsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /**
     * Member {@code i} of a varied fleet: every third an X1-BOOST inverter, the others accessories;
     * every fourth never installed; every other online; five owners.
     */
    static Device fleetMember(int i) {
        LocalDate produced = LocalDate.of(2016, 1, 1).plusDays(i * 7L % 3650);
        DeviceBuilder device = device(String.format("PERF%08d", i)).produced(produced)
                .region(i % 2 == 0 ? "DE" : "GB").owner(AccountId.of("acct" + i % 5)).neverInstalled().offline();
        device = i % 3 == 0 ? device.model("X1-BOOST") : device.model("METER-X").category(Category.ACCESSORY);
        if (i % 4 != 0) {
            device = device.installed(produced.plusDays(30 + i % 300));
        }
        if (i % 2 == 0) {
            device = device.online(produced.plusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return device.build();
    }

    static List<Device> devices(int count) {
        return IntStream.range(0, count).mapToObj(PerformancePathsTest::fleetMember).toList();
    }

    static WarrantyService service(WarrantyRules rules, List<Device> devices, int cache) {
        return InMemoryStores.configure(WarrantyService.builder()).rules(rules).devices(InMemoryDeviceRegistry.of(devices)).clock(CLOCK)
                .decisionCache(cache).build();
    }

    // ------------------------------------------------------------------ decision cache

    @Test
    void aRepeatedQueryIsAnsweredFromTheCache() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 100);
        PolicyQuery query = PolicyQuery.fresh(fleetMember(1), TODAY);

        PolicyDecision first = cache.decide(query);
        PolicyDecision second = cache.decide(PolicyQuery.fresh(fleetMember(1), TODAY)); // equal, not the same object

        assertThat(second).isSameAs(first);
        assertThat(policy.decideCalls()).isEqualTo(1);
        assertThat(cache.version()).isEqualTo("v1");
        assertThat(cache.delegate()).isSameAs(policy);
    }

    @Test
    void anyChangeInTheQueryIsAMiss() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 100);
        Device device = fleetMember(2);

        cache.decide(PolicyQuery.fresh(device, TODAY));
        cache.decide(PolicyQuery.fresh(device, TODAY.plusDays(1)));
        cache.decide(new PolicyQuery(device, TODAY, true, Optional.of(TODAY.plusYears(3))));
        cache.decide(PolicyQuery.fresh(device.withOnlineSince(Instant.parse("2026-05-01T00:00:00Z")), TODAY));

        assertThat(policy.decideCalls()).isEqualTo(4);
    }

    @Test
    void decideAllAsksTheDelegateOnlyForMissesInOneBatchAndKeepsOrder() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 100);
        List<PolicyQuery> queries = IntStream.range(0, 10).mapToObj(i -> PolicyQuery.fresh(fleetMember(i), TODAY)).toList();
        cache.decide(queries.get(3));
        cache.decide(queries.get(7));

        List<PolicyDecision> decisions = cache.decideAll(queries);

        assertThat(policy.batchSizes()).containsExactly(8);
        assertThat(decisions).hasSize(10);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(decisions.get(i)).isEqualTo(policy.decide(queries.get(i)));
        }
        assertThat(cache.decideAll(queries)).isEqualTo(decisions);
        assertThat(policy.batchSizes()).hasSize(1);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 50);
        for (int i = 0; i < 500; i++) {
            cache.decide(PolicyQuery.fresh(fleetMember(i), TODAY));
            assertThat(cache.size()).isLessThanOrEqualTo(50);
        }
        assertThat(cache.size()).isGreaterThan(0);
        assertThat(CachingWarrantyRules.wrap(policy, 3).maxEntries()).isEqualTo(3);
        assertThatThrownBy(() -> CachingWarrantyRules.wrap(policy, 0)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theMostRecentlyUsedEntriesSurvive() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 1);
        PolicyQuery a = PolicyQuery.fresh(fleetMember(1), TODAY);
        PolicyQuery b = PolicyQuery.fresh(fleetMember(2), TODAY);
        cache.decide(a);
        cache.decide(b); // evicts a
        cache.decide(b);
        cache.decide(a);
        assertThat(policy.decideCalls()).isEqualTo(3);
    }

    @Test
    void theCacheIsSafeUnderConcurrentUse() throws InterruptedException {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        CachingWarrantyRules cache = CachingWarrantyRules.wrap(policy, 64);
        List<PolicyQuery> queries = IntStream.range(0, 200).mapToObj(i -> PolicyQuery.fresh(fleetMember(i), TODAY)).toList();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < queries.size(); i += 3) {
                            PolicyQuery query = queries.get((i + offset) % queries.size());
                            assertThat(cache.decide(query).standard()).isEqualTo(policy.decide(query).standard());
                        }
                        cache.decideAll(queries.subList(offset * 10, offset * 10 + 40));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(cache.size()).isLessThanOrEqualTo(64);
    }

    /** Guards against a default method added to the port later and silently not delegated. */
    @Test
    void theCacheDelegatesEveryMethodOfThePort() {
        for (Method method : WarrantyRules.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThat(declares(CachingWarrantyRules.class, method))
                    .as("CachingWarrantyRules overrides " + method).isTrue();
        }
        TestPolicy policy = new TestPolicy().withVersion("v1");
        WarrantyRules cache = CachingWarrantyRules.wrap(policy, 10);
        assertThat(cache.version()).isEqualTo("v1");
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ the service's cache

    @Test
    void theServiceCachesInquiriesAndARuleSwapInvalidatesThem() {
        TestPolicy v1 = new TestPolicy().withVersion("v1");
        List<Device> devices = devices(10);
        WarrantyService service = service(v1, devices, 100);
        String serial = devices.get(3).serial().value();

        WarrantyView first = service.inquire(serial);
        WarrantyView again = service.inquire(serial);
        assertThat(again).isEqualTo(first);
        assertThat(v1.decideCalls()).isEqualTo(1);
        assertThat(service.rules()).isSameAs(v1);

        TestPolicy v2 = new TestPolicy().withVersion("v2");
        service.replaceRules(v2);
        WarrantyView afterSwap = service.inquire(serial);

        assertThat(afterSwap.trace().ruleSetVersion()).isEqualTo("v2");
        assertThat(v2.decideCalls()).isEqualTo(1);
        assertThat(v1.decideCalls()).isEqualTo(1);
        assertThat(service.rules()).isSameAs(v2);
    }

    @Test
    void aGrantChangesTheQuerySoTheCachedViewIsNotServedAfterIt() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        // online, installed half a year ago: the upgrade is granted
        Device running = device("PERF00000000").model("X1-BOOST").produced(TODAY.minusYears(1))
                .installed(TODAY.minusMonths(6)).build();
        WarrantyService service = service(policy, List.of(running), 100);
        String serial = running.serial().value();
        assertThat(service.inquire(serial).state()).isEqualTo(WarrantyState.STANDARD);

        UpgradeResult result = service.requestUpgrade(running.owner().orElseThrow(), serial);

        assertThat(result.status()).isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(service.inquire(serial).state()).isEqualTo(WarrantyState.UPGRADED);
    }

    @Test
    void theCacheCanBeTurnedOff() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        List<Device> devices = devices(3);
        WarrantyService service = service(policy, devices, 0);
        service.inquire(devices.get(1).serial().value());
        service.inquire(devices.get(1).serial().value());
        assertThat(policy.decideCalls()).isEqualTo(2);
        assertThatThrownBy(() -> InMemoryStores.configure(WarrantyService.builder()).decisionCache(-1)).isInstanceOf(ConfigurationException.class);
    }

    // ------------------------------------------------------------------ bulk paths

    @Test
    void recomputeAllEqualsPerDeviceInquiryInRegistryOrder() {
        List<Device> devices = devices(2_345);
        WarrantyService service = service(new TestPolicy().withVersion("v1"), devices, 0);
        for (int i = 0; i < 2_345; i += 11) {
            service.requestUpgrade(devices.get(i).owner().orElseThrow(), devices.get(i).serial().value());
        }
        for (int parallelism : new int[] {1, 2, 3}) {
            TestPolicy policy = new TestPolicy().withVersion("v1");
            service.replaceRules(policy);
            List<WarrantyView> views = new ArrayList<>();
            long count = service.recomputeAll(views::add, parallelism);

            assertThat(count).isEqualTo(devices.size());
            List<SerialNumber> registryOrder;
            try (Stream<Device> all = InMemoryDeviceRegistry.of(devices).all()) {
                registryOrder = all.map(Device::serial).toList();
            }
            assertThat(views).extracting(WarrantyView::serial).containsExactlyElementsOf(registryOrder);
            assertThat(policy.batchSizes()).hasSize(3).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1_000));
            for (int i = 0; i < views.size(); i += 7) {
                assertThat(views.get(i)).isEqualTo(service.inquire(views.get(i).serial().value()));
            }
            assertThat(views).anyMatch(v -> v.state() == WarrantyState.UPGRADED);
        }
    }

    @Test
    void recomputeAllBypassesTheDecisionCache() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        List<Device> devices = devices(300);
        WarrantyService service = service(policy, devices, 1_000);
        service.recomputeAll(view -> { }, 2);
        service.recomputeAll(view -> { }, 2);
        assertThat(policy.decideCalls()).isEqualTo(600);
        assertThatThrownBy(() -> service.recomputeAll(view -> { }, 0)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void recomputeAllPassesOnAFailureOfTheRuleSet() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        // the policy, failing on one device of the fleet as a broken rule set would
        WarrantyRules failing = new WarrantyRules() {
            @Override
            public String version() {
                return policy.version();
            }

            @Override
            public PolicyDecision decide(PolicyQuery query) {
                if (query.device().serial().value().equals("PERF00000777")) {
                    throw new IllegalStateException("boom");
                }
                return policy.decide(query);
            }
        };
        WarrantyService service = service(failing, devices(1_500), 0);
        assertThatThrownBy(() -> service.recomputeAll(view -> { }, 2)).hasMessage("boom");
        assertThatThrownBy(() -> service.recomputeAll(view -> { }, 1)).hasMessage("boom");
    }

    @Test
    void inquireAllEqualsInquiryInBatchesOfAThousand() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        List<Device> devices = devices(2_500);
        WarrantyService service = service(policy, devices, 0);
        List<String> serials = devices.stream().map(d -> " " + d.serial().value().toLowerCase() + " ").toList();

        List<WarrantyView> views;
        try (Stream<WarrantyView> stream = service.inquireAll(serials.stream())) {
            views = stream.toList();
        }

        assertThat(policy.batchSizes()).containsExactly(1_000, 1_000, 500);
        assertThat(views).hasSize(2_500);
        for (int i = 0; i < devices.size(); i += 9) {
            assertThat(views.get(i)).isEqualTo(service.inquire(devices.get(i).serial().value()));
        }
    }

    @Test
    void inquireAllIsLazyAndDecidesARepeatedSerialOnce() {
        TestPolicy policy = new TestPolicy().withVersion("v1");
        List<Device> devices = devices(5_000);
        WarrantyService service = service(policy, devices, 0);
        String a = devices.get(1).serial().value();
        String b = devices.get(2).serial().value();

        List<WarrantyView> views = service.inquireAll(Stream.of(a, b, a)).toList();
        assertThat(views).containsExactly(service.inquire(a), service.inquire(b), service.inquire(a));
        assertThat(policy.batchSizes().get(0)).isEqualTo(2);

        policy.forgetCalls();
        List<WarrantyView> first = service.inquireAll(devices.stream().map(d -> d.serial().value())).limit(10).toList();
        assertThat(first).hasSize(10);
        assertThat(policy.batchSizes()).containsExactly(1_000);
    }

    @Test
    void inquireAllFailsLikeInquire() {
        WarrantyService service = service(new TestPolicy().withVersion("v1"), devices(5), 0);
        assertThatThrownBy(() -> service.inquireAll(Stream.of("PERF00000001", "NOSUCHDEVICE1")).toList())
                .isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> service.inquireAll(Stream.of("bad!")).toList())
                .isInstanceOf(InvalidSerialNumberException.class);
    }
}
