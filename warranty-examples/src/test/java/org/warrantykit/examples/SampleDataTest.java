package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.examples.DesignPolicy.SIX_MONTHS;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyState;
import org.warrantykit.WarrantyView;
import org.warrantykit.examples.DesignPolicy.Row;
import org.warrantykit.memory.InMemoryDeviceRegistry;

/** The embedded CSV holds the variety the demo, the CLI and the README rely on. */
class SampleDataTest {
    private final List<Row> rows = DesignPolicy.rows();

    @Test
    void headerIsTheRegistryHeaderAndEveryRowLoads() {
        assertThat(DesignPolicy.csvLines().get(0)).isEqualTo(InMemoryDeviceRegistry.HEADER);
        assertThat(rows).hasSizeBetween(45, 60);
        assertThat(SampleData.devices().size()).isEqualTo(rows.size());
    }

    @Test
    void serialsLookRealAndAreUnique() {
        assertThat(rows).allSatisfy(r -> assertThat(r.serial()).matches("[A-Z0-9]{10,20}"));
        assertThat(rows.stream().map(Row::serial).distinct().count()).isEqualTo(rows.size());
    }

    @Test
    void everyModelOfTheDefaultTableAppearsWithItsCategoryPlusUnlistedModels() {
        Set<String> models = rows.stream().map(Row::model).collect(Collectors.toSet());
        assertThat(models).containsAll(DesignPolicy.LISTED_MODELS.keySet());
        assertThat(models.stream().filter(m -> !DesignPolicy.LISTED_MODELS.containsKey(m))).isNotEmpty();
        assertThat(rows).filteredOn(r -> DesignPolicy.LISTED_MODELS.containsKey(r.model()))
                .allSatisfy(r -> assertThat(r.category()).isEqualTo(DesignPolicy.LISTED_MODELS.get(r.model())));
    }

    @Test
    void coversRegionsOwnersInstallationAndOnlineStates() {
        assertThat(rows.stream().map(Row::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("DE", "GB", "NL", "FR", "IT", "ES", "AU");
        assertThat(rows.stream().map(Row::owner).filter(Objects::nonNull).collect(Collectors.toSet()))
                .contains("alice", "bob", "installer-7");
        assertThat(rows).anyMatch(r -> r.owner() == null);
        assertThat(rows).anyMatch(r -> r.install() == null).anyMatch(r -> r.install() != null);
        assertThat(rows).anyMatch(Row::online).anyMatch(r -> !r.online());
        // both branches of "the earlier of installation and production + 9 months"
        assertThat(rows).anyMatch(r -> r.install() != null && r.install().isBefore(r.production().plusMonths(9)))
                .anyMatch(r -> r.install() != null && r.install().isAfter(r.production().plusMonths(9)));
    }

    @Test
    void someStandardWarrantiesHaveEndedAndSomeEndWithinSixMonths() {
        assertThat(rows.stream().filter(r -> r.expiredOn(TODAY)).count()).isGreaterThanOrEqualTo(3);
        assertThat(rows.stream().filter(r -> r.expiringWithin(TODAY, SIX_MONTHS)).count()).isGreaterThanOrEqualTo(3);
        assertThat(DesignPolicy.ownedBy("alice")).anyMatch(r -> r.expiringWithin(TODAY, SIX_MONTHS))
                .anyMatch(r -> r.expiredOn(TODAY));
    }

    @Test
    void theDemoDevicesHaveWhatTheStoryNeeds() {
        Row inverter = DesignPolicy.row(Demo.ALICE_INVERTER);
        assertThat(inverter.owner()).isEqualTo("alice");
        assertThat(inverter.online()).isFalse();
        assertThat(inverter.upgradeYears()).isPositive();
        assertThat(inverter.expiredOn(TODAY)).isFalse();
        Row battery = DesignPolicy.row(Demo.ALICE_BATTERY);
        assertThat(battery.owner()).isEqualTo("alice");
        assertThat(battery.category()).isEqualTo("BATTERY");
    }

    @Test
    void theServiceComputesTheDesignStandardDatesForEveryDevice() {
        WarrantyService service = Demo.sampleService(Clock.fixed(Demo.NOW, ZoneOffset.UTC));
        assertThat(rows).allSatisfy(r -> {
            WarrantyView view = service.inquire(r.serial());
            assertThat(view.start()).as("start of %s", r.serial()).isEqualTo(r.standardStart());
            assertThat(view.end()).as("end of %s", r.serial()).isEqualTo(r.standardEnd());
            assertThat(view.state()).as("state of %s", r.serial())
                    .isEqualTo(r.expiredOn(TODAY) ? WarrantyState.EXPIRED : WarrantyState.STANDARD);
        });
    }
}
