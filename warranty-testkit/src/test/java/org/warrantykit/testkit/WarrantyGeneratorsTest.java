package org.warrantykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Month;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.InvalidSerialNumberException;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.CoverageKind;

/** The generators produce what they promise, and they reach the cases they are meant to reach. */
class WarrantyGeneratorsTest {
    private static final int SAMPLE = 2_000;
    private final ReferencePolicy reference = new ReferencePolicy();

    /** Values straight from the generator, reproducible. */
    private static <T> List<T> sample(Gen<T> generator, int count) {
        return Generators.sample(generator, count, 20261127L);
    }

    @Test
    void validSerialTextParses() {
        qt().withExamples(300).forAll(WarrantyGenerators.validSerialStrings()).checkAssert(this::validSerialTextParses);
    }

    private void validSerialTextParses(String text) {
        SerialNumber serial = SerialNumber.parse(text);
        assertThat(serial.value()).isEqualToIgnoringCase(text.strip());
    }

    @Test
    void invalidSerialTextIsRejected() {
        qt().withExamples(300).forAll(WarrantyGenerators.invalidSerialStrings()).checkAssert(this::invalidSerialTextIsRejected);
    }

    private void invalidSerialTextIsRejected(String text) {
        assertThatThrownBy(() -> SerialNumber.parse(text)).isInstanceOf(InvalidSerialNumberException.class);
    }

    @Test
    void deviceListsHaveDistinctSerials() {
        qt().withExamples(100).forAll(WarrantyGenerators.deviceLists(0, 30)).checkAssert(this::deviceListsHaveDistinctSerials);
    }

    private void deviceListsHaveDistinctSerials(List<Device> devices) {
        assertThat(devices.stream().map(Device::serial).distinct().count()).isEqualTo(devices.size());
    }

    @Test
    void queryListsHaveDistinctSerialsAndTheReferenceDecidesThemAll() {
        qt().withExamples(100).forAll(WarrantyGenerators.policyQueryLists(1, 30)).checkAssert(this::queryListsHaveDistinctSerialsAndTheReferenceDecidesThemAll);
    }

    private void queryListsHaveDistinctSerialsAndTheReferenceDecidesThemAll(List<PolicyQuery> queries) {
        assertThat(queries.stream().map(q -> q.device().serial()).distinct().count()).isEqualTo(queries.size());
        List<PolicyDecision> all = reference.decideAll(queries);
        assertThat(all).hasSameSizeAs(queries);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(all.get(i)).isEqualTo(reference.decide(queries.get(i)));
        }
    }

    @Test
    void replacementQueriesAreSwapsTheServiceWouldAskAbout() {
        qt().withExamples(300).forAll(WarrantyGenerators.replacementQueries())
                .checkAssert(this::replacementQueriesAreSwapsTheServiceWouldAskAbout);
    }

    private void replacementQueriesAreSwapsTheServiceWouldAskAbout(ReplacementQuery query) {
        assertThat(query.replacement().serial()).as("two units: %s", query).isNotEqualTo(query.faulty().serial());
        assertThat(query.replacement().category()).as("one category: %s", query).isEqualTo(query.faulty().category());
        assertThat(query.inForce().covers(query.on())).as("the line in force covers the day: %s", query).isTrue();
    }

    @Test
    void replacementQueriesReachSameModelsOtherModelsOtherLinesAndEveryKindOfLine() {
        List<ReplacementQuery> swaps = sample(WarrantyGenerators.replacementQueries(), SAMPLE);
        assertThat(swaps).hasSizeGreaterThan(SAMPLE / 2);
        assertThat(swaps).filteredOn(q -> q.faulty().model().equals(q.replacement().model())).hasSizeGreaterThan(SAMPLE / 5);
        assertThat(swaps).filteredOn(q -> line(q.faulty().model()).equals(line(q.replacement().model()))
                && !q.faulty().model().equals(q.replacement().model())).hasSizeGreaterThan(SAMPLE / 100);
        assertThat(swaps).filteredOn(q -> !line(q.faulty().model()).equals(line(q.replacement().model())))
                .hasSizeGreaterThan(SAMPLE / 5);
        assertThat(swaps).extracting(q -> q.inForce().kind()).contains(CoverageKind.values());
        assertThat(swaps).filteredOn(q -> q.inForce().end().equals(q.on())).hasSizeGreaterThan(SAMPLE / 20);
        assertThat(swaps).filteredOn(q -> q.inForce().start().equals(q.on())).hasSizeGreaterThan(SAMPLE / 20);
        assertThat(swaps).extracting(q -> q.zone().getId()).contains("Z", "Australia/Sydney");
    }

    /** A model's name up to its first '-' ("X1" of X1-BOOST). */
    private static String line(String model) {
        int dash = model.indexOf('-');
        return dash > 0 ? model.substring(0, dash) : model;
    }

    @Test
    void freshQueriesHaveNothingGranted() {
        qt().withExamples(200).forAll(WarrantyGenerators.freshQueries()).checkAssert(this::freshQueriesHaveNothingGranted);
    }

    private void freshQueriesHaveNothingGranted(PolicyQuery query) {
        assertThat(query.upgraded()).isFalse();
        assertThat(query.currentEnd()).isEmpty();
    }

    @Test
    void upgradedQueriesHaveACurrentEnd() {
        qt().withExamples(200).forAll(WarrantyGenerators.upgradedQueries()).checkAssert(this::upgradedQueriesHaveACurrentEnd);
    }

    private void upgradedQueriesHaveACurrentEnd(PolicyQuery query) {
        assertThat(query.upgraded()).isTrue();
        assertThat(query.currentEnd()).isPresent();
    }

    @Test
    void devicesCoverCategoriesModelsRegionsAndDates() {
        List<Device> devices = sample(WarrantyGenerators.devices(), SAMPLE);

        Set<Category> categories = devices.stream().map(Device::category)
                .collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrderElementsOf(Category.wellKnown());
        assertThat(devices).extracting(Device::model).containsAll(WarrantyGenerators.DEFAULT_MODELS);
        assertThat(devices).anyMatch(d -> !WarrantyGenerators.DEFAULT_MODELS.contains(d.model()));
        assertThat(devices).extracting(Device::region).containsAll(WarrantyGenerators.REGIONS);

        assertThat(devices).allMatch(d -> !d.productionDate().isBefore(WarrantyGenerators.FIRST_PRODUCTION)
                && !d.productionDate().isAfter(WarrantyGenerators.LAST_PRODUCTION));
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

    @Test
    void queriesAimAtTheStandardEndAndTheSixMonthLimit() {
        List<PolicyQuery> queries = sample(WarrantyGenerators.policyQueries(), SAMPLE);

        assertThat(queries).anyMatch(q -> !q.upgraded() && q.currentEnd().isEmpty());
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent());
        // the last day of the standard warranty and the day after, by the design's definition
        assertThat(queries).anyMatch(q -> q.on().equals(WarrantyGenerators.designStandardEnd(q.device())));
        assertThat(queries).anyMatch(q -> q.on().equals(WarrantyGenerators.designStandardEnd(q.device()).plusDays(1)));
        // exactly 6 months of cover left, and one day less
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent()
                && q.on().plusMonths(6).equals(q.currentEnd().get()));
        assertThat(queries).anyMatch(q -> q.upgraded() && q.currentEnd().isPresent()
                && q.on().plusMonths(6).equals(q.currentEnd().get().plusDays(1)));
    }

    @Test
    void devicesOfModelsAreOfThoseModelsOnlyWithTheTablesCategory() {
        List<Device> devices = sample(WarrantyGenerators.devicesOfModels(List.of("X3-MEGA-G2", "ACME-1")), 500);

        assertThat(devices).extracting(Device::model).containsOnly("X3-MEGA-G2", "ACME-1");
        assertThat(devices).filteredOn(d -> d.model().equals("X3-MEGA-G2"))
                .isNotEmpty().allMatch(d -> d.category() == Category.INVERTER);
        assertThat(devices).filteredOn(d -> d.model().equals("ACME-1")).extracting(Device::category)
                .containsAll(Category.wellKnown());
    }

    @Test
    void serialNumbersAreCanonical() {
        Set<String> seen = new HashSet<>();
        sample(WarrantyGenerators.serialNumbers(), 500).forEach(s -> {
            assertThat(SerialNumber.parse(s.value())).isEqualTo(s);
            seen.add(s.value());
        });
        assertThat(seen).hasSizeGreaterThan(450);
    }

    @Test
    void unknownModelsAreNotInTheTable() {
        sample(WarrantyGenerators.unknownModels(), 500).forEach(model ->
                assertThat(WarrantyGenerators.DEFAULT_MODELS).doesNotContain(model.strip().toUpperCase(Locale.ROOT)));
    }
}
