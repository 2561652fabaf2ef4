package org.warrantykit.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.warrantykit.RuleSetException;
import org.warrantykit.spi.PolicyQuery;

/**
 * Run in a child JVM by {@link HostileFolderChildJvmTest}: loads the folder named by the first
 * argument within a load timeout of the second (milliseconds), after loading the harmless folder
 * named by the optional third, prints the outcome, then shows the
 * host still decides with the default rules, and returns from main (exit status 0) without calling
 * {@code System.exit}: the JVM must end although a load thread may still be stuck.
 */
public final class HostileFolderLoad {
    static final String ALIVE = "HOST STILL DECIDES: standard years ";

    private HostileFolderLoad() {
    }

    public static void main(String[] args) {
        if (args.length > 2) {
            // warms the DRL compiler, so that the load timeout is spent on the folder's rules
            DroolsWarrantyRules.fromDirectory(Path.of(args[2]));
        }
        try {
            DroolsWarrantyRules.fromDirectory(Path.of(args[0]),
                    RuleLimits.defaults().withLoadTimeout(Duration.ofMillis(Long.parseLong(args[1]))));
            System.out.println("LOADED");
        } catch (RuleSetException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
        int years = DroolsWarrantyRules.defaults().decide(PolicyQuery.fresh(
                HostileFolders.device("HOSTALIVE0001", "X1-BOOST"), LocalDate.of(2026, 6, 1))).standard().years();
        System.out.println(ALIVE + years);
    }
}
