package org.warrantykit.spi;

import java.util.List;
import java.util.Optional;
import org.warrantykit.Certificate;
import org.warrantykit.SerialNumber;

/**
 * Every certificate issued, by number: the record that makes a number unique forever (it is never
 * reused, even after the certificate is superseded) and that a support desk looks numbers up in.
 * Implementations must be thread-safe.
 */
public interface CertificateStore {

    /**
     * Records the certificate unless its number was ever recorded before; returns whether it was
     * recorded (false: the number is taken, draw another one). Atomic per number.
     *
     * @param certificate the certificate to record under its number
     * @return true if it was recorded; false if its number was recorded before
     */
    boolean add(Certificate certificate);

    /**
     * The certificate recorded under {@code number}.
     *
     * @param number a certificate number, e.g. {@code WK-20261127-7K3QD-M2X95}
     * @return the certificate; empty when no certificate has this number
     */
    Optional<Certificate> find(String number);

    /**
     * The device's certificates in the order they were issued.
     *
     * @param serial the device
     * @return its certificates, oldest first; empty when none was issued for it
     */
    List<Certificate> issuedFor(SerialNumber serial);
}
