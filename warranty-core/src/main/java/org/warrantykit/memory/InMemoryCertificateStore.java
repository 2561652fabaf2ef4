package org.warrantykit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.warrantykit.Certificate;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CertificateStore;

/** Issued certificates in maps; thread-safe, lost on restart, grows with every certificate issued. */
public final class InMemoryCertificateStore implements CertificateStore {
    private final ConcurrentMap<String, Certificate> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentMap<SerialNumber, List<Certificate>> bySerial = new ConcurrentHashMap<>();

    @Override
    public boolean add(Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (byNumber.putIfAbsent(certificate.number(), certificate) != null) {
            return false;
        }
        bySerial.compute(certificate.serial(), (serial, current) -> {
            List<Certificate> next = current == null ? new ArrayList<>() : new ArrayList<>(current);
            next.add(certificate);
            return List.copyOf(next);
        });
        return true;
    }

    @Override
    public Optional<Certificate> find(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<Certificate> issuedFor(SerialNumber serial) {
        return bySerial.getOrDefault(serial, List.of());
    }

    /**
     * How many certificates were recorded.
     *
     * @return the number of distinct certificate numbers stored
     */
    public int size() {
        return byNumber.size();
    }
}
