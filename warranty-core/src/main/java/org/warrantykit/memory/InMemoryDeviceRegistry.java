package org.warrantykit.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.warrantykit.AccountId;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.DeviceDataException;
import org.warrantykit.InvalidValueException;
import org.warrantykit.Quoted;
import org.warrantykit.SerialNumber;
import org.warrantykit.WarrantyException;
import org.warrantykit.spi.DeviceRegistry;

/**
 * Supply data held in memory, loaded from a CSV export or given as a list. Immutable once built;
 * a bad row fails the whole load, so a registry is never half-loaded.
 */
public final class InMemoryDeviceRegistry implements DeviceRegistry {

    /** The CSV header this registry reads, in this order. */
    public static final String HEADER =
            "serial,model,category,region,production_date,ship_date,install_date,owner,online_since";
    private static final int COLUMNS = HEADER.split(",").length;

    private final Map<SerialNumber, Device> devices;

    private InMemoryDeviceRegistry(Map<SerialNumber, Device> devices) {
        this.devices = Map.copyOf(devices);
    }

    /**
     * A registry of the given devices.
     *
     * @param devices the devices, none null
     * @return the registry
     * @throws DeviceDataException if two devices have the same serial number
     */
    public static InMemoryDeviceRegistry of(Collection<Device> devices) {
        Map<SerialNumber, Device> bySerial = new LinkedHashMap<>();
        for (Device device : devices) {
            if (bySerial.putIfAbsent(device.serial(), device) != null) {
                throw new DeviceDataException("devices", 0, "serial " + device.serial() + " appears twice");
            }
        }
        return new InMemoryDeviceRegistry(bySerial);
    }

    /**
     * Loads supply data from a UTF-8 CSV file with the {@link #HEADER} columns.
     *
     * @param file the CSV file
     * @return the registry
     * @throws DeviceDataException if the file cannot be read or a row is bad ({@code file:line: reason})
     */
    public static InMemoryDeviceRegistry fromCsv(Path file) {
        // a decoding reader, not Files.newBufferedReader: that one fails a whole buffer ahead of the bad
        // line ("Input length = 1"), this one marks bad bytes so the row check names their line
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return fromCsv(file.toString(), reader);
        } catch (IOException e) {
            throw new DeviceDataException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a CSV from the classpath, e.g. {@code "/org/warrantykit/examples/devices.csv"}.
     *
     * @param resource the resource name, as for {@link Class#getResourceAsStream}; null throws NullPointerException
     * @return the registry
     * @throws DeviceDataException if there is no such resource or a row is bad ({@code resource:line: reason})
     */
    public static InMemoryDeviceRegistry fromClasspath(String resource) {
        InputStream in = InMemoryDeviceRegistry.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DeviceDataException(resource, 0, "no such classpath resource");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromCsv(resource, reader);
        } catch (IOException e) {
            throw new DeviceDataException(resource, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text; {@code source} names it in error messages.
     *
     * @param source the name of the text in error messages, e.g. a file name
     * @param reader the CSV text with the {@link #HEADER} columns; not closed here, null throws NullPointerException
     * @return the registry
     * @throws DeviceDataException if the text cannot be read or its header or a row is bad ({@code source:line: reason})
     */
    public static InMemoryDeviceRegistry fromCsv(String source, Reader reader) {
        BufferedReader lines = new BufferedReader(reader);
        Map<SerialNumber, Device> bySerial = new LinkedHashMap<>();
        try {
            String header = lines.readLine();
            if (header != null) {
                requireUtf8(source, 1, header);
            }
            // a byte order mark, as some spreadsheet programs write one, is not part of the header
            if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
                throw new DeviceDataException(source, 1, "expected the header \"" + HEADER + "\" but found "
                        + Quoted.of(header == null ? "" : header.strip()));
            }
            int lineNo = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                requireUtf8(source, lineNo, line);
                if (line.isBlank()) {
                    continue;
                }
                Device device = parseRow(source, lineNo, line);
                if (bySerial.putIfAbsent(device.serial(), device) != null) {
                    throw new DeviceDataException(source, lineNo, "serial " + device.serial()
                            + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new DeviceDataException(source, 0, "cannot read: " + e.getMessage(), e);
        }
        return new InMemoryDeviceRegistry(bySerial);
    }

    /** Bytes that are not UTF-8 were decoded as U+FFFD, which no supply data holds. */
    private static void requireUtf8(String source, int lineNo, String line) {
        if (line.indexOf('\uFFFD') >= 0) {
            throw new DeviceDataException(source, lineNo, "the line holds bytes that are not UTF-8 text; save the "
                    + "file as UTF-8 (CSV UTF-8 in a spreadsheet program)");
        }
    }

    private static Device parseRow(String source, int lineNo, String line) {
        if (line.indexOf('"') >= 0) {
            throw new DeviceDataException(source, lineNo, "quoted cells are not supported; no cell needs quotes");
        }
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS) {
            throw new DeviceDataException(source, lineNo, "expected " + COLUMNS + " cells but found "
                    + cells.length);
        }
        String column = "serial";
        try {
            SerialNumber serial = SerialNumber.parse(cells[0]);
            column = "category";
            Category category = Category.of(cells[2]);
            column = "production_date";
            LocalDate production = LocalDate.parse(cells[4].strip());
            column = "ship_date";
            LocalDate ship = LocalDate.parse(cells[5].strip());
            column = "install_date";
            Optional<LocalDate> install = optional(cells[6]).map(LocalDate::parse);
            column = "owner";
            Optional<AccountId> owner = optional(cells[7]).map(AccountId::of);
            column = "online_since";
            Optional<Instant> online = optional(cells[8]).map(InMemoryDeviceRegistry::parseInstant);
            column = "model/region";
            return new Device(serial, cells[1], category, cells[3], production, ship, install, owner, online);
        } catch (DateTimeParseException e) {
            throw new DeviceDataException(source, lineNo, column + ": " + Quoted.of(e.getParsedString())
                    + " is not an ISO date (yyyy-MM-dd)", e);
        } catch (InvalidValueException e) {
            // its message starts with the field it names (e.g. "category: ..."): said once, not twice
            throw new DeviceDataException(source, lineNo, e.getMessage().startsWith(column + ": ") ? e.getMessage()
                    : column + ": " + e.getMessage(), e);
        } catch (WarrantyException e) {
            throw new DeviceDataException(source, lineNo, column + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> optional(String cell) {
        String value = cell.strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** An ISO instant, or an ISO date meaning the start of that day in UTC. */
    private static Instant parseInstant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("not an ISO date or instant", text, 0, e);
        }
    }

    @Override
    public Optional<Device> find(SerialNumber serial) {
        return Optional.ofNullable(devices.get(serial));
    }

    @Override
    public List<Device> ownedBy(AccountId account) {
        List<Device> owned = new ArrayList<>();
        for (Device device : devices.values()) {
            if (device.isOwnedBy(account)) {
                owned.add(device);
            }
        }
        owned.sort(Comparator.comparing(Device::serial));
        return owned;
    }

    @Override
    public Stream<Device> all() {
        return devices.values().stream();
    }

    /**
     * How many devices the registry holds.
     *
     * @return the number of devices
     */
    public int size() {
        return devices.size();
    }
}
