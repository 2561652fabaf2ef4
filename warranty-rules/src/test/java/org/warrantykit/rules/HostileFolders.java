package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/** Copies of the default folder plus one hostile file, and the checks that the host survived them. */
final class HostileFolders {
    static final String FILE = "hostile.drl";
    static final String HEADER = """
            package org.warrantykit.rules.policy;

            import org.warrantykit.rules.Pause;
            import org.warrantykit.rules.facts.DeviceFact;
            import org.warrantykit.rules.facts.StandardYears;

            """;

    /** Updates its own fact, so it matches again after every firing. */
    static final String LOOP = """
            rule "Hostile: update the device forever"
            when
                $device : DeviceFact( serial != null )
            then
                update( $device );
            end
            """;
    /** Inserts a fact its own condition matches. */
    static final String INSERT_FOREVER = """
            rule "Hostile: insert forever"
            when
                $years : StandardYears()
            then
                insert( new StandardYears( $years.serial(), $years.years() ) );
            end
            """;
    /** A consequence that never returns and ignores interrupts. */
    static final String BUSY_LOOP = """
            rule "Hostile: compute forever"
            when
                $device : DeviceFact()
            then
                long i = 1;
                while ( i != 0 ) { i = ( i % 1000 ) + 1; }
            end
            """;
    /** A consequence that waits (for an hour) on something the host provides. */
    static final String SLEEP = """
            rule "Hostile: wait for a slow service"
            when
                $device : DeviceFact()
            then
                Pause.forMillis( 3600000L );
            end
            """;
    static final String RECURSION = """
            function int deeper( int n ) {
                return deeper( n + 1 ) + 1;
            }

            rule "Hostile: recurse without end"
            when
                $device : DeviceFact()
            then
                deeper( 0 );
            end
            """;
    static final String EXIT = """
            rule "Hostile: exit the host"
            when
                $device : DeviceFact()
            then
                System.exit( 3 );
            end
            """;

    private HostileFolders() {
    }

    /** The default folder plus {@link #FILE} holding {@link #HEADER} and the rules. */
    static Path folder(Path dir, String rules) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir);
        Files.writeString(folder.resolve(FILE), HEADER + rules);
        return folder;
    }

    /** The 1-based line of {@code rule "name"} in the hostile file. */
    static int lineOf(String rules, String name) {
        return new RuleSource(FILE, HEADER + rules).lineOfRule(name);
    }

    static Device device(String serial, String model) {
        return new Device(SerialNumber.parse(serial), model, Category.INVERTER, "DE", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 10), Optional.of(LocalDate.of(2025, 3, 1)), Optional.empty(), Optional.empty());
    }

    /** The default rules still load and decide in this JVM. */
    static void assertHostStillDecides() {
        PolicyDecision decision = DroolsWarrantyRules.defaults()
                .decide(PolicyQuery.fresh(device("HOSTALIVE0001", "X1-BOOST"), LocalDate.of(2026, 6, 1)));
        assertThat(decision.standard().years()).isEqualTo(5);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
