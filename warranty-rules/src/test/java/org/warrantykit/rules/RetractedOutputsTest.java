package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * A decision is what the rules leave in working memory: an output a rule deletes again is not part
 * of it, and one a rule replaces counts as its replacement. In a batch, each fired rule is credited
 * to its own device, whether it inserted an output, only deleted one, or touched none.
 */
class RetractedOutputsTest {
    private static final String NOT_UPGRADED = "Extensions can be bought once the free online upgrade is applied.";
    private static final String NOT_SOLD_ONLINE = "Model X3-MEGA-G2 cannot be extended online.";
    private static final String DROP_GB_REFUSAL = "Offer override: GB devices are not refused for the product line";
    private static final String DROP_GB_REFUSAL_DRL = """
            package org.warrantykit.rules.policy;
            import org.warrantykit.rules.facts.*;

            rule "%s"
            when
                DeviceFact( $sn : serial, region == "GB" )
                $refusal : NoOffer( serial == $sn, reason.startsWith( "Model " ) )
            then
                delete( $refusal );
            end
            """.formatted(DROP_GB_REFUSAL);

    @TempDir
    Path dir;

    @BeforeEach
    void copyDefaults() throws IOException {
        DefaultRuleFolder.copyTo(dir);
    }

    @Test
    void anOutputDeletedByARuleDoesNotCount() throws IOException {
        Files.writeString(dir.resolve("override.drl"), DROP_GB_REFUSAL_DRL);
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(dir);
        PolicyQuery megaInGb = sample("X3-MEGA-G2", "GB");
        PolicyQuery megaInDe = sample("X3-MEGA-G2", "DE");

        PolicyDecision gb = rules.decide(megaInGb);
        assertThat(gb.trace().firedRules()).contains(DROP_GB_REFUSAL);
        assertThat(gb.noOfferReason()).isEqualTo(NOT_UPGRADED);
        assertThat(rules.decide(megaInDe).noOfferReason()).isEqualTo(NOT_UPGRADED + " " + NOT_SOLD_ONLINE);
        // the same in a batch of several devices
        assertThat(rules.decideAll(List.of(megaInDe, megaInGb))).extracting(PolicyDecision::noOfferReason)
                .containsExactly(NOT_UPGRADED + " " + NOT_SOLD_ONLINE, NOT_UPGRADED);
    }

    @Test
    void anOutputReplacedByARuleCountsAsItsReplacement() throws IOException {
        Files.writeString(dir.resolve("override.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.*;

                rule "Offer override: GB devices get their own product-line reason"
                when
                    DeviceFact( $sn : serial, region == "GB" )
                    $refusal : NoOffer( serial == $sn, reason.startsWith( "Model " ) )
                then
                    drools.update( drools.getFactHandle( $refusal ), new NoOffer( $sn, "Sold by installers in GB." ) );
                end
                """);
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(dir);
        assertThat(rules.decide(sample("X3-MEGA-G2", "GB")).noOfferReason())
                .isEqualTo(NOT_UPGRADED + " Sold by installers in GB.");
        assertThat(rules.decideAll(List.of(sample("X3-MEGA-G2", "DE"), sample("X3-MEGA-G2", "GB"))))
                .extracting(PolicyDecision::noOfferReason)
                .containsExactly(NOT_UPGRADED + " " + NOT_SOLD_ONLINE, NOT_UPGRADED + " Sold by installers in GB.");
    }

    @Test
    void eachDeviceOfABatchIsCreditedWithTheRulesThatFiredForIt() throws IOException {
        String noteGb = "Audit: devices in GB are noted";
        Files.writeString(dir.resolve("override.drl"), DROP_GB_REFUSAL_DRL);
        Files.writeString(dir.resolve("audit.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.*;

                rule "%s"
                when
                    DeviceFact( region == "GB" )
                then
                    // fires without touching any output
                end
                """.formatted(noteGb));
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(dir);
        List<PolicyQuery> queries = List.of(sample("X3-MEGA-G2", "DE"), sample("X3-MEGA-G2", "GB"), sample("X1-BOOST", "GB"));

        List<PolicyDecision> batch = rules.decideAll(queries);

        assertThat(batch.get(0).trace().firedRules()).doesNotContain(noteGb, DROP_GB_REFUSAL);
        assertThat(batch.get(1).trace().firedRules()).contains(noteGb, DROP_GB_REFUSAL);
        assertThat(batch.get(2).trace().firedRules()).contains(noteGb).doesNotContain(DROP_GB_REFUSAL);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(batch.get(i).trace().firedRules()).as(queries.get(i).device().serial().value())
                    .containsExactlyInAnyOrderElementsOf(rules.decide(queries.get(i)).trace().firedRules());
        }
    }

    private static PolicyQuery sample(String model, String region) {
        return SampleCheck.sample().stream()
                .filter(q -> q.device().model().equals(model) && q.device().region().equals(region) && !q.upgraded())
                .findFirst().orElseThrow();
    }
}
