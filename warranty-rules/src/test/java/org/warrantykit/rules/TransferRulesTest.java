package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.warrantykit.fixtures.Fixtures.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.TransferVerdict;
import org.warrantykit.testkit.WarrantyGenerators;

/** transfer.drl: whether a warranty passes to a new owner (issue 17, transfers decided by the policy). */
class TransferRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String FOLLOWS = "The warranty follows the device to its new owner.";

    @Test
    void theDefaultPolicyLetsTheWarrantyFollowTheDeviceInEveryMarket() {
        for (String region : WarrantyGenerators.REGIONS) {
            PolicyDecision d = DroolsWarrantyRules.defaults().decide(PolicyQuery.fresh(device().region(region).build(), TODAY));
            assertThat(d.transfer()).as(region).isEqualTo(TransferVerdict.allow(FOLLOWS));
            assertThat(d.trace().firedRules()).contains("Transfer: the warranty follows the device to its new owner");
        }
    }

    @Test
    void aRefusalOutweighsAPermitAndEveryRefusalThatAppliesIsGiven(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.writeString(folder.resolve("transfer-au.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.DeviceFact;
                import org.warrantykit.rules.facts.TransferRefusal;
                rule "Transfer refused: AU terms"
                when $d : DeviceFact( region == "AU" )
                then insert( new TransferRefusal( $d.serial(), "Under the Australian terms it stays with the first owner." ) );
                end
                rule "Transfer refused: batteries"
                when $d : DeviceFact( region == "AU", category == "BATTERY" )
                then insert( new TransferRefusal( $d.serial(), "A battery's warranty stays with its first owner." ) );
                end
                """);
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(folder);

        assertThat(rules.decide(PolicyQuery.fresh(device().region("AU").build(), TODAY)).transfer())
                .isEqualTo(TransferVerdict.refuse("Under the Australian terms it stays with the first owner."));
        assertThat(rules.decide(PolicyQuery.fresh(device().region("AU").model("T-BAT-H5.8")
                .category(org.warrantykit.Category.BATTERY).build(), TODAY)).transfer())
                .isEqualTo(TransferVerdict.refuse("A battery's warranty stays with its first owner. "
                        + "Under the Australian terms it stays with the first owner."));
        assertThat(rules.decide(PolicyQuery.fresh(device().region("DE").build(), TODAY)).transfer())
                .isEqualTo(TransferVerdict.allow(FOLLOWS));
    }

    @Test
    void aFolderWithoutTransferRulesRefusesTransfersSayingSo(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.delete(folder.resolve("transfer.drl"));
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(folder);

        TransferVerdict verdict = rules.decide(PolicyQuery.fresh(device().model("X1-BOOST").build(), TODAY)).transfer();

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("No rule of rule set " + rules.version()
                + " lets the warranty of model X1-BOOST pass to a new owner.");
    }

    @Test
    void aTransferOutputWithoutAReasonIsRefusedAtItsRule(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        DefaultRuleFolder.replaceIn(folder.resolve("transfer.drl"),
                "\"The warranty follows the device to its new owner.\"", "\" \"");

        RuleSetException refused = catchThrowableOfType(RuleSetException.class,
                () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(refused.getMessage()).startsWith("Rule output failed validation");
        RuleProblem problem = refused.problems().get(0);
        assertThat(problem.file()).isEqualTo("transfer.drl");
        assertThat(problem.message()).contains("TransferPermit.reason must not be blank");
    }
}
