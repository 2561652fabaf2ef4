package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * A decision is what the rules leave in working memory: an output a rule deletes again is not part
 * of it, and one a rule replaces counts as its replacement.
 */
class RetractedOutputsTest {
    private static final String NOT_UPGRADED = "Extensions can be bought once the free online upgrade is applied.";
    private static final String NOT_SOLD_ONLINE = "Model X3-MEGA-G2 cannot be extended online.";

    @TempDir
    Path dir;

    @BeforeEach
    void copyDefaults() throws IOException {
        DefaultRuleFolder.copyTo(dir);
    }

    @Test
    void anOutputDeletedByARuleDoesNotCount() throws IOException {
        Files.writeString(dir.resolve("override.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.*;

                rule "Offer override: GB devices are not refused for the product line"
                when
                    DeviceFact( $sn : serial, region == "GB" )
                    $refusal : NoOffer( serial == $sn, reason.startsWith( "Model " ) )
                then
                    delete( $refusal );
                end
                """);
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(dir);
        PolicyQuery megaInGb = sample("X3-MEGA-G2", "GB");
        PolicyQuery megaInDe = sample("X3-MEGA-G2", "DE");

        PolicyDecision gb = rules.decide(megaInGb);
        assertThat(gb.trace().firedRules()).contains("Offer override: GB devices are not refused for the product line");
        assertThat(gb.noOfferReason()).isEqualTo(NOT_UPGRADED);
        assertThat(rules.decide(megaInDe).noOfferReason()).isEqualTo(NOT_UPGRADED + " " + NOT_SOLD_ONLINE);
        // the same in a batch of several devices
        assertThat(rules.decideAll(java.util.List.of(megaInDe, megaInGb))).extracting(PolicyDecision::noOfferReason)
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
        assertThat(rules.decideAll(java.util.List.of(sample("X3-MEGA-G2", "DE"), sample("X3-MEGA-G2", "GB"))))
                .extracting(PolicyDecision::noOfferReason)
                .containsExactly(NOT_UPGRADED + " " + NOT_SOLD_ONLINE, NOT_UPGRADED + " Sold by installers in GB.");
    }

    private static PolicyQuery sample(String model, String region) {
        return SampleCheck.sample().stream()
                .filter(q -> q.device().model().equals(model) && q.device().region().equals(region) && !q.upgraded())
                .findFirst().orElseThrow();
    }
}
