package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.PurchaseFixture.A1;
import static org.warrantykit.PurchaseFixture.PLAIN;
import static org.warrantykit.fixtures.Fixtures.ALICE;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.Fixtures;
import org.warrantykit.memory.InMemoryDeviceRegistry;

/**
 * Far-past and far-future days and instants are refused at the door (issue 16, finding 1): accepted,
 * they overflowed every date computed from them and broke the device for every later call.
 */
class SupportedDatesTest {

    @Test
    void anOnlineReportOutsideTheSupportedDaysIsRefusedAndChangesNothing() {
        PurchaseFixture f = new PurchaseFixture().upgradeAll();
        WarrantyView before = f.service.inquire(PLAIN);
        Object storesBefore = f.everything();

        assertThatThrownBy(() -> f.service.deviceOnline(PLAIN, Instant.MIN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("at: -1000000000-01-01T00:00:00Z is outside the supported days 1970-01-01 to 2199-12-31 (UTC)");
        assertThatThrownBy(() -> f.service.deviceOnline(PLAIN, Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(InvalidValueException.class);

        assertThat(f.everything()).isEqualTo(storesBefore);
        assertThat(f.service.inquire(PLAIN)).as("the device still answers").isEqualTo(before);
        assertThat(f.service.devices(ALICE)).as("and so does its owner's dashboard").isNotEmpty();
        assertThat(f.service.requestUpgrade(ALICE, PLAIN).status()).isNotNull();
    }

    @Test
    void anInquiryDayOutsideTheSupportedDaysIsRefused() {
        PurchaseFixture f = new PurchaseFixture().upgradeAll();
        assertThatThrownBy(() -> f.service.inquireAsOf(A1, LocalDate.MAX))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("date: +999999999-12-31 is outside the supported days 1970-01-01 to 2199-12-31");
        assertThatThrownBy(() -> f.service.inquireAsOf(A1, LocalDate.of(1969, 12, 31)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(f.service.inquireAsOf(A1, SupportedDates.LATEST).serial()).hasToString(A1);
    }

    @Test
    void supplyDataOutsideTheSupportedDaysIsRefused() {
        assertThatThrownBy(() -> Fixtures.device().produced(LocalDate.of(999_999_999, 1, 1)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("productionDate: +999999999-01-01 is outside the supported days");
        assertThatThrownBy(() -> Fixtures.device().online(Instant.parse("+1000000000-12-31T23:59:59Z")).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("onlineSince: ");
        String csv = InMemoryDeviceRegistry.HEADER + "\n"
                + "H1B50A1234567,X1-HYBRID-G4,INVERTER,DE,2023-01-10,2023-02-01,2023-05-02,alice,"
                + "+1000000000-12-31T23:59:59Z\n";
        assertThatThrownBy(() -> InMemoryDeviceRegistry.fromCsv("devices.csv", new StringReader(csv)))
                .isInstanceOf(DeviceDataException.class)
                .hasMessageContaining("devices.csv")
                .hasMessageContaining("2")
                .hasMessageContaining("outside the supported days");
    }

    @Test
    void theBoundsThemselvesAreSupported() {
        assertThat(SupportedDates.require("day", SupportedDates.EARLIEST)).isEqualTo(SupportedDates.EARLIEST);
        assertThat(SupportedDates.require("day", SupportedDates.LATEST)).isEqualTo(SupportedDates.LATEST);
        assertThat(SupportedDates.require("at", Instant.parse("1970-01-01T00:00:00Z"))).isNotNull();
        assertThat(SupportedDates.require("at", Instant.parse("2199-12-31T23:59:59.999999999Z"))).isNotNull();
        assertThatThrownBy(() -> SupportedDates.require("at", Instant.parse("2200-01-01T00:00:00Z")))
                .isInstanceOf(InvalidValueException.class);
    }
}
