package org.warrantykit.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.warrantykit.AccountId;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyService;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.WarrantyRules;
import org.warrantykit.testkit.ReferencePolicy;
import org.warrantykit.testkit.WarrantyGenerators;

/**
 * A deterministic fleet of generated devices: device {@code i} is a pure function of {@code i}, so
 * both policies see exactly the same devices and a registry of a million devices holds none of
 * them in memory. Models and regions are those of the testkit's {@link WarrantyGenerators}
 * (plus 1 in 20 unlisted models); production 2015–2025, installed (70 %) within 0–400 days of
 * shipping, online (60 %), and every device owned by one of {@code size / 4} accounts.
 */
public final class Fleet {
    /** Every benchmark decides on this day, so results do not depend on when they run. */
    public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final List<String> MODELS = WarrantyGenerators.DEFAULT_MODELS;
    private static final List<String> REGIONS = WarrantyGenerators.REGIONS;
    private static final LocalDate FIRST_PRODUCTION = LocalDate.of(2015, 1, 1);
    private static final int PRODUCTION_DAYS = 11 * 365;
    private static final long SEED = 0x5EED_2026L;

    private Fleet() {
    }

    /** {@code "WK"} and the index in 10 digits. */
    public static String serial(int i) {
        String digits = Integer.toString(i);
        return "WK" + "0000000000".substring(digits.length()) + digits;
    }

    public static Device device(int i) {
        SplittableRandom random = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
        String model;
        Category category;
        if (random.nextInt(20) == 0) {
            model = "UNLISTED-" + random.nextInt(5);
            category = Category.wellKnown().get(random.nextInt(Category.wellKnown().size()));
        } else {
            model = MODELS.get(random.nextInt(MODELS.size()));
            category = WarrantyGenerators.DEFAULT_CATEGORIES.get(model);
        }
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        LocalDate produced = FIRST_PRODUCTION.plusDays(random.nextInt(PRODUCTION_DAYS));
        LocalDate shipped = produced.plusDays(random.nextInt(181));
        Optional<LocalDate> installed = random.nextInt(10) < 7
                ? Optional.of(shipped.plusDays(random.nextInt(401))) : Optional.empty();
        Optional<Instant> online = random.nextInt(10) < 6
                ? Optional.of(shipped.plusDays(random.nextInt(500)).atStartOfDay(ZoneOffset.UTC).toInstant())
                : Optional.empty();
        Optional<AccountId> owner = Optional.of(AccountId.of("acct" + (i / 4)));
        return new Device(SerialNumber.parse(serial(i)), model, category, region, produced, shipped,
                installed, owner, online);
    }

    /** Devices {@code 0 .. size-1}, generated on demand. */
    public static DeviceRegistry registry(int size) {
        return new DeviceRegistry() {
            @Override
            public Optional<Device> find(SerialNumber serial) {
                String value = serial.value();
                if (value.length() != 12 || !value.startsWith("WK")) {
                    return Optional.empty();
                }
                int i = Integer.parseInt(value.substring(2));
                return i < size ? Optional.of(device(i)) : Optional.empty();
            }

            @Override
            public List<Device> ownedBy(AccountId account) {
                int first = Integer.parseInt(account.value().substring(4)) * 4;
                return IntStream.range(first, Math.min(first + 4, size)).mapToObj(Fleet::device).toList();
            }

            @Override
            public Stream<Device> all() {
                return IntStream.range(0, size).mapToObj(Fleet::device);
            }
        };
    }

    /** The policy under test: {@code drools} (the shipped DRL) or {@code reference} (plain Java). */
    public static WarrantyRules policy(String impl) {
        return switch (impl) {
            case "drools" -> DroolsWarrantyRules.defaults();
            case "reference" -> new ReferencePolicy();
            default -> throw new IllegalArgumentException("impl is drools or reference, was " + impl);
        };
    }

    /**
     * A service over {@code size} generated devices on the fixed clock; every device with an index
     * divisible by 8 below {@code upgraded} asked for the upgrade (granted when online and running),
     * so inquiries see a mix of standard, upgraded and expired warranties.
     */
    public static WarrantyService service(WarrantyRules policy, int size, int decisionCache, int upgraded) {
        return service(policy, registry(size), size, decisionCache, upgraded);
    }

    /** As {@link #service(WarrantyRules, int, int, int)} over the devices generated once into a map. */
    public static WarrantyService inMemoryService(WarrantyRules policy, int size, int decisionCache, int upgraded) {
        DeviceRegistry registry = InMemoryDeviceRegistry.of(IntStream.range(0, size).mapToObj(Fleet::device).toList());
        return service(policy, registry, size, decisionCache, upgraded);
    }

    private static WarrantyService service(WarrantyRules policy, DeviceRegistry registry, int size, int decisionCache,
                                           int upgraded) {
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(policy).devices(registry).clock(CLOCK)
                .decisionCache(decisionCache).build();
        for (int i = 0; i < Math.min(upgraded, size); i += 8) {
            Device device = device(i);
            service.requestUpgrade(device.owner().orElseThrow(), device.serial().value());
        }
        return service;
    }
}
