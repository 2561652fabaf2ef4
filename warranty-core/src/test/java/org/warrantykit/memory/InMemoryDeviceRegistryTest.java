package org.warrantykit.memory;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.DeviceDataException;
import org.warrantykit.ModelName;
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

    /** Makers sell more than inverters and batteries (issue 18): any category of letters, digits and _. */
    @Test
    void anyCategoryOfLettersDigitsAndUnderscoreIsRead() {
        InMemoryDeviceRegistry registry = InMemoryDeviceRegistry.fromCsv("devices.csv", new StringReader(HEADER
                + "EVC0000000001,X1-EVC,EV_CHARGER,DE,2025-01-10,2025-02-01,2025-03-01,,\n"
                + "HPM0000000001,HP-9,heat_pump ,AT,2025-01-10,2025-02-01,,,\n"
                + "INV0000000001,X1-BOOST,INVERTER,DE,2025-01-10,2025-02-01,,,\n"));

        assertThat(registry.find(new SerialNumber("EVC0000000001")).orElseThrow().category())
                .isEqualTo(Category.of("EV_CHARGER")).extracting(Category::name).isEqualTo("EV_CHARGER");
        assertThat(registry.find(new SerialNumber("HPM0000000001")).orElseThrow().category().name()).isEqualTo("HEAT_PUMP");
        assertThat(registry.find(new SerialNumber("INV0000000001")).orElseThrow().category()).isEqualTo(Category.INVERTER);
    }

    @Test
    void aBadRowFailsTheWholeLoadWithFileLineAndReason() {
        String good = "AAAAAAAAAA1,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,\n";
        assertThat(loadFails(HEADER + good + "BBBBBBBBBB1,X1-BOOST,INVERTER,DE,2023-13-10,2023-02-01,,,\n").getMessage())
                .isEqualTo("devices.csv:3: production_date: \"2023-13-10\" is not an ISO date (yyyy-MM-dd)");
        assertThat(loadFails(HEADER + good + "BBB,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,\n").getMessage())
                .startsWith("devices.csv:3: serial: Invalid serial number \"BBB\"");
        assertThat(loadFails(HEADER + "BBBBBBBBBB1,X1-BOOST,EV-CHARGER,DE,2023-01-10,2023-02-01,,,\n").getMessage())
                .isEqualTo("devices.csv:2: category: \"EV-CHARGER\" is not a category: 1 to 32 upper-case letters, "
                        + "digits and _, e.g. INVERTER or EV_CHARGER");
        assertThat(loadFails(HEADER + "BBBBBBBBBB1,X1-BOOST,,DE,2023-01-10,2023-02-01,,,\n").getMessage())
                .startsWith("devices.csv:2: category: \"\" is not a category");
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

    @Test
    void aByteOrderMarkIsAcceptedAndBytesThatAreNotUtf8AreRefusedNamingTheirLine(@TempDir Path dir) throws IOException {
        String row = "AAAAAAAAAA1,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,,\n";
        Path withBom = dir.resolve("bom.csv");
        Files.write(withBom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, (HEADER + row).getBytes(UTF_8)));
        assertThat(InMemoryDeviceRegistry.fromCsv(withBom).find(SerialNumber.parse("AAAAAAAAAA1"))).isPresent();

        // Latin-1 "Müller" on line 3: a spreadsheet saved in the wrong encoding
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + row + "BBBBBBBBBB1,X1-BOOST,INVERTER,DE,2023-01-10,2023-02-01,,m\u00fcller,\n")
                .getBytes(ISO_8859_1));
        assertThatThrownBy(() -> InMemoryDeviceRegistry.fromCsv(latin1)).isInstanceOf(DeviceDataException.class)
                .hasMessage(latin1 + ":3: the line holds bytes that are not UTF-8 text; save the file as UTF-8 "
                        + "(CSV UTF-8 in a spreadsheet program)")
                .extracting(e -> ((DeviceDataException) e).line()).isEqualTo(3);

        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, (HEADER + row).getBytes(UTF_16));
        assertThatThrownBy(() -> InMemoryDeviceRegistry.fromCsv(utf16)).isInstanceOf(DeviceDataException.class)
                .hasMessageStartingWith(utf16 + ":1: the line holds bytes that are not UTF-8 text");
    }

    @Test
    void aModelNameEveryStoreCanHoldIsCheckedOnLoad() {
        String longModel = "X".repeat(ModelName.MAX_LENGTH + 1);
        assertThat(loadFails(HEADER + "AAAAAAAAAA1," + longModel + ",INVERTER,DE,2023-01-10,2023-02-01,,,\n")
                .getMessage()).isEqualTo("devices.csv:2: model/region: model: the model of device AAAAAAAAAA1, \""
                        + "X".repeat(60) + "\"…, is not a model name: 1 to 64 characters without line breaks or "
                        + "other control characters, e.g. X1-HYBRID-G4");
        assertThat(InMemoryDeviceRegistry.fromCsv("devices.csv", new StringReader(HEADER + "AAAAAAAAAA1,"
                + "x".repeat(ModelName.MAX_LENGTH) + ",INVERTER,DE,2023-01-10,2023-02-01,,,\n"))
                .find(SerialNumber.parse("AAAAAAAAAA1")).orElseThrow().model()).isEqualTo("X".repeat(64));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
