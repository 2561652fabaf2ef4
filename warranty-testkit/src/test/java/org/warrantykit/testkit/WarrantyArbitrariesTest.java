package org.warrantykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.InvalidSerialNumberException;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/** The generators produce what they promise, and they reach the cases they are meant to reach. */
class WarrantyArbitrariesTest {
    private static final int SAMPLE = 2_000;
    private final ReferencePolicy reference = new ReferencePolicy();

    /** Values straight from the generator (no edge cases mixed in), fast and reproducible. */
    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count) {
        RandomGenerator<T> generator = arbitrary.generator(1000);
        Random random = new Random(20261127L);
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(generator.next(random).value());
        }
        return values;
    }

    @Provide
    Arbitrary<String> validSerials() {
        return WarrantyArbitraries.validSerialStrings();
    }

    @Provide
    Arbitrary<String> invalidSerials() {
        return WarrantyArbitraries.invalidSerialStrings();
    }

    @Provide
    Arbitrary<List<Device>> deviceLists() {
        return WarrantyArbitraries.deviceLists(0, 30);
    }

    @Provide
    Arbitrary<List<PolicyQuery>> queryLists() {
        return WarrantyArbitraries.policyQueryLists(1, 30);
    }

    @Provide
    Arbitrary<PolicyQuery> fresh() {
        return WarrantyArbitraries.freshQueries();
    }

    @Provide
    Arbitrary<PolicyQuery> upgraded() {
        return WarrantyArbitraries.upgradedQueries();
    }

    @Property(tries = 300)
    void validSerialTextParses(@ForAll("validSerials") String text) {
        SerialNumber serial = SerialNumber.parse(text);
        assertThat(serial.value()).isEqualToIgnoringCase(text.strip());
    }

    @Property(tries = 300)
    void invalidSerialTextIsRejected(@ForAll("invalidSerials") String text) {
        assertThatThrownBy(() -> SerialNumber.parse(text)).isInstanceOf(InvalidSerialNumberException.class);
    }

    @Property(tries = 100)
    void deviceListsHaveDistinctSerials(@ForAll("deviceLists") List<Device> devices) {
        assertThat(devices.stream().map(Device::serial).distinct().count()).isEqualTo(devices.size());
    }

    @Property(tries = 100)
    void queryListsHaveDistinctSerialsAndTheReferenceDecidesThemAll(@ForAll("queryLists") List<PolicyQuery> queries) {
        assertThat(queries.stream().map(q -> q.device().serial()).distinct().count()).isEqualTo(queries.size());
        List<PolicyDecision> all = reference.decideAll(queries);
        assertThat(all).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(all.get(i)).isEqualTo(reference.decide(queries.get(i)));
        }
    }

    @Property(tries = 200)
    void freshQueriesHaveNothingGranted(@ForAll("fresh") PolicyQuery query) {
        assertThat(query.upgraded()).isFalse();
        assertThat(query.currentEnd()).isEmpty();
    }

    @Property(tries = 200)
    void upgradedQueriesHaveACurrentEnd(@ForAll("upgraded") PolicyQuery query) {
        assertThat(query.upgraded()).isTrue();
        assertThat(query.currentEnd()).isPresent();
    }

    @Example
    void devicesCoverCategoriesModelsRegionsAndDates() {
        List<Device> devices = sample(WarrantyArbitraries.devices(), SAMPLE);

        Set<Category> categories = devices.stream().map(Device::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
        assertThat(categories).containsExactlyInAnyOrder(Category.values());
        assertThat(devices).extracting(Device::model).containsAll(WarrantyArbitraries.DEFAULT_MODELS);
        assertThat(devices).anyMatch(d -> !WarrantyArbitraries.DEFAULT_MODELS.contains(d.model()));
        assertThat(devices).extracting(Device::region).containsAll(WarrantyArbitraries.REGIONS);

        assertThat(devices).allMatch(d -> !d.productionDate().isBefore(WarrantyArbitraries.FIRST_PRODUCTION)
                && !d.productionDate().isAfter(WarrantyArbitraries.LAST_PRODUCTION));
        assertThat(devices).anyMatch(d -> d.productionDate().getMonth() == Month.FEBRUARY
                && d.productionDate().getDayOfMonth() == 29);
        assertThat(devices).anyMatch(d -> d.productionDate().getYear() == 2015);
        assertThat(devices).anyMatch(d -> d.productionDate().getYear() == 2035);

        assertThat(devices).anyMatch(d -> d.installDate().isEmpty());
        assertThat(devices).anyMatch(d -> d.installDate().filter(i -> i.isBefore(d.productionDate())).isPresent());
        assertThat(devices).anyMatch(d -> d.installDate().filter(i -> i.equals(d.productionDate().plusMonths(9))).isPresent());
        assertThat(devices).anyMatch(d -> d.installDate().filter(i -> i.isAfter(d.productionDate().plusYears(3))).isPresent());
        assertThat(devices).anyMatch(d -> d.onlineSince().isEmpty());
        assertThat(devices).anyMatch(d -> d.onlineSince().isPresent());
        assertThat(devices).allMatch(d -> !d.shipDate().isBefore(d.productionDate()));
    }

    @Example
    void queriesAimAtTheStandardEndAndTheSixMonthLimit() {
        List<PolicyQuery> queries = sample(WarrantyArbitraries.policyQueries(), SAMPLE);

        assertThat(queries).anyMatch(q -> !q.upgraded() && q.currentEnd().isEmpty());
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent());
        // the last day of the standard warranty and the day after, by the design's definition
        assertThat(queries).anyMatch(q -> q.on().equals(WarrantyArbitraries.designStandardEnd(q.device())));
        assertThat(queries).anyMatch(q -> q.on().equals(WarrantyArbitraries.designStandardEnd(q.device()).plusDays(1)));
        // exactly 6 months of cover left, and one day less
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent()
                && q.on().plusMonths(6).equals(q.currentEnd().get()));
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent()
                && q.on().plusMonths(6).equals(q.currentEnd().get().plusDays(1)));
    }

    @Example
    void devicesOfModelsAreOfThoseModelsOnlyWithTheTablesCategory() {
        List<Device> devices = sample(WarrantyArbitraries.devicesOfModels(List.of("X3-MEGA-G2", "ACME-1")), 500);

        assertThat(devices).extracting(Device::model).containsOnly("X3-MEGA-G2", "ACME-1");
        assertThat(devices).filteredOn(d -> d.model().equals("X3-MEGA-G2"))
                .isNotEmpty().allMatch(d -> d.category() == Category.INVERTER);
        assertThat(devices).filteredOn(d -> d.model().equals("ACME-1")).extracting(Device::category)
                .contains(Category.values());
    }

    @Example
    void serialNumbersAreCanonical() {
        Set<String> seen = new HashSet<>();
        sample(WarrantyArbitraries.serialNumbers(), 500).forEach(s -> {
            assertThat(SerialNumber.parse(s.value())).isEqualTo(s);
            seen.add(s.value());
        });
        assertThat(seen).hasSizeGreaterThan(450);
    }

    @Example
    void unknownModelsAreNotInTheTable() {
        sample(WarrantyArbitraries.unknownModels(), 500).forEach(model ->
                assertThat(WarrantyArbitraries.DEFAULT_MODELS).doesNotContain(model.strip().toUpperCase(java.util.Locale.ROOT)));
    }
}
