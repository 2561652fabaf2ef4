package org.warrantykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.DeviceDataException;
import org.warrantykit.SerialNumber;

class InMemoryDeviceRegistryTest {
    static final String HEADER = InMemoryDeviceRegistry.HEADER + "\n";

    @Test
    void readsEveryColumnWithEmptyCellsAsAbsent(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, HEADER
                + "h1b50a1234567,X1-HYBRID-G4,INVERTER,de,2023-01-10,2023-02-01,2023-05-02,alice,2023-05-03T08:00:00Z\n"
                + "BAT0000000001,T-BAT-H5.8,BATTERY,NL,2024-02-29,2024-03-10,,,2024-04-01\n");
        InMemoryDeviceRegistry registry = InMemoryDeviceRegistry.fromCsv(csv);

        Device inverter = registry.find(SerialNumber.parse("H1B50A1234567")).orElseThrow();
        assertThat(inverter.region()).isEqualTo("DE");
        assertThat(inverter.installDate()).contains(LocalDate.of(2023, 5, 2));
        assertThat(inverter.owner()).contains(ALICE);
        assertThat(inverter.onlineSince()).contains(Instant.parse("2023-05-03T08:00:00Z"));

        Device battery = registry.find(SerialNumber.parse("BAT0000000001")).orElseThrow();
        assertThat(battery.category()).isEqualTo(Category.BATTERY);
        assertThat(battery.installDate()).isEmpty();
        assertThat(battery.owner()).isEmpty();
        assertThat(battery.onlineSince()).contains(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(registry.ownedBy(ALICE)).containsExactly(inverter);
    }

    private static DeviceDataException loadFails(String csv) {
        try {
            InMemoryDeviceRegistry.fromCsv("devices.csv", new StringReader(csv));
        } catch (DeviceDataException e) {
            return e;
        }
        throw new AssertionError("expected the load to fail");
    }

    @Test
    void aBadRowFailsTheWholeLoadWithFileLineAndReason() {
        String good = "AAAAAAAAAA1,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,\n";
        assertThat(loadFails(HEADER + good + "BBBBBBBBBB1,X1-BOOST,INVERTER,DE,2023-13-10,2023-02-01,,,\n").getMessage())
                .isEqualTo("devices.csv:3: production_date: \"2023-13-10\" is not an ISO date (yyyy-MM-dd)");
        assertThat(loadFails(HEADER + good + "BBB,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,\n").getMessage())
                .startsWith("devices.csv:3: serial: Invalid serial number \"BBB\"");
        assertThat(loadFails(HEADER + "BBBBBBBBBB1,X1-BOOST,SOLAR,DE,2023-01-10,2023-02-01,,,\n").getMessage())
                .isEqualTo("devices.csv:2: category: category: \"SOLAR\" is not one of INVERTER, BATTERY, ACCESSORY");
        assertThat(loadFails(HEADER + "BBBBBBBBBB1,X1-BOOST,INVERTER,XX,2023-01-10,2023-02-01,,,\n").getMessage())
                .contains("devices.csv:2:", "\"XX\"", "ISO 3166");
        assertThat(loadFails(HEADER + "BBBBBBBBBB1,X1-BOOST,INVERTER,DE,2023-01-10\n").getMessage())
                .isEqualTo("devices.csv:2: expected 9 cells but found 5");
        assertThat(loadFails(HEADER + good + good).getMessage())
                .isEqualTo("devices.csv:3: serial AAAAAAAAAA1 appears twice");
        assertThat(loadFails("serial,model\n").getMessage()).startsWith("devices.csv:1: expected the header");
        DeviceDataException e = loadFails(HEADER + good + "CCCCCCCCCC1,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,yesterday\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.source()).isEqualTo("devices.csv");
        assertThat(e.getMessage()).contains("online_since");
    }

    @Test
    void missingFileIsReportedAsDataError(@TempDir Path dir) {
        assertThatThrownBy(() -> InMemoryDeviceRegistry.fromCsv(dir.resolve("nope.csv")))
                .isInstanceOf(DeviceDataException.class).hasMessageContaining("nope.csv:0: cannot read");
    }
}
