package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * In a session of several devices each fired rule is credited to its own device: a rule that
 * inserts an output, one that only deletes one, and one whose consequence touches nothing.
 */
class BatchTraceTest {
    private static final String NOTE_GB = "Audit: devices in GB are noted";
    private static final String DROP_GB_REFUSAL = "Offer override: GB devices are not refused for the product line";

    @Test
    void eachDeviceOfABatchIsCreditedWithTheRulesThatFiredForIt(@TempDir Path dir) throws IOException {
        DefaultRuleFolder.copyTo(dir);
        Files.writeString(dir.resolve("audit.drl"), """
                package org.warrantykit.rules.policy;
                import org.warrantykit.rules.facts.*;

                rule "%s"
                when
                    DeviceFact( region == "GB" )
                then
                    // fires without touching any output
                end

                rule "%s"
                when
                    DeviceFact( $sn : serial, region == "GB" )
                    $refusal : NoOffer( serial == $sn, reason.startsWith( "Model " ) )
                then
                    delete( $refusal );
                end
                """.formatted(NOTE_GB, DROP_GB_REFUSAL));
        DroolsWarrantyRules rules = DroolsWarrantyRules.fromDirectory(dir);
        PolicyQuery megaInDe = sample("X3-MEGA-G2", "DE");
        PolicyQuery megaInGb = sample("X3-MEGA-G2", "GB");
        PolicyQuery boostInGb = sample("X1-BOOST", "GB");

        List<PolicyDecision> batch = rules.decideAll(List.of(megaInDe, megaInGb, boostInGb));

        assertThat(batch.get(0).trace().firedRules()).doesNotContain(NOTE_GB, DROP_GB_REFUSAL);
        assertThat(batch.get(1).trace().firedRules()).contains(NOTE_GB, DROP_GB_REFUSAL);
        assertThat(batch.get(2).trace().firedRules()).contains(NOTE_GB).doesNotContain(DROP_GB_REFUSAL);
        List<PolicyQuery> queries = List.of(megaInDe, megaInGb, boostInGb);
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
