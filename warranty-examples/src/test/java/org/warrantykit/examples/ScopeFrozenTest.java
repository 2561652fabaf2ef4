package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.AccountId;
import org.warrantykit.Coverage;
import org.warrantykit.Covered;
import org.warrantykit.UpgradeStatus;
import org.warrantykit.WarrantyService;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;

/**
 * Issue 17: a scope once granted is frozen like the dates. A later scope.drl change decides new
 * grants only; lines already granted keep what they covered when granted.
 */
class ScopeFrozenTest {
    /** Alice's X3-HYBRID-G4 in DE, online, standard term running. */
    static final String GRANTED_BEFORE = "H3A10R2109203";
    /** installer-7's X3-HYBRID-G4 in NL, online, standard term running. */
    static final String GRANTED_AFTER = "H3A10R2402117";

    @Test
    void aScopeRuleChangeDecidesNewGrantsAndNeverAltersGrantedLines(@TempDir Path dir) {
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
                .rules(DroolsWarrantyRules.defaults()).devices(SampleData.devices())
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
        assertThat(service.requestUpgrade(Demo.ALICE, GRANTED_BEFORE).status()).isEqualTo(UpgradeStatus.UPGRADED);
        List<Coverage> granted = service.inquire(GRANTED_BEFORE).coverages();
        assertThat(granted).extracting(Coverage::covers).containsExactly(
                Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT), Covered.scope(Covered.PARTS));

        // The new policy: the standard term covers parts (and transport) only, the upgrade years parts and labour.
        Path folder = RuleFolders.copyDefault(dir.resolve("rules"));
        RuleFolders.replaceOnce(folder.resolve("scope.drl"),
                "    insert( new GrantScope( $device.serial(), \"STANDARD\", \"LABOUR\" ) );\n", "");
        RuleFolders.replaceOnce(folder.resolve("scope.drl"),
                "    insert( new GrantScope( $device.serial(), \"UPGRADE\", \"PARTS\" ) );\n",
                "    insert( new GrantScope( $device.serial(), \"UPGRADE\", \"PARTS\" ) );\n"
                        + "    insert( new GrantScope( $device.serial(), \"UPGRADE\", \"LABOUR\" ) );\n");
        service.replaceRules(DroolsWarrantyRules.fromDirectory(folder));

        assertThat(service.inquire(GRANTED_BEFORE).coverages()).as("granted under the old rules").isEqualTo(granted);
        assertThat(service.claimCheck(GRANTED_BEFORE, TODAY).covers()).as("a claim today reads the frozen scope")
                .isEqualTo(Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT));

        assertThat(service.requestUpgrade(AccountId.of("installer-7"), GRANTED_AFTER).status())
                .isEqualTo(UpgradeStatus.UPGRADED);
        assertThat(service.inquire(GRANTED_AFTER).coverages()).as("granted under the new rules")
                .extracting(Coverage::covers).containsExactly(
                        Covered.scope(Covered.PARTS, Covered.TRANSPORT), Covered.scope(Covered.PARTS, Covered.LABOUR));
    }
}
