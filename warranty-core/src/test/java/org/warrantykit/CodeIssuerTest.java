package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warrantykit.CodeFixture.TODAY;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryCodeVault;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeVault;

class CodeIssuerTest {
    final CodeFixture fx = new CodeFixture(List.of());
    final CodeIssuer issuer = fx.service.codeIssuer();

    @Test
    void aBatchHoldsDistinctHumanTypeableCodesBoundToOneModelAndTerm() {
        IssuedBatch batch = issuer.issueExtensionBatch(" x1-hybrid-g4 ", 5, 500, LocalDate.of(2027, 12, 31));

        assertThat(batch.codes()).hasSize(500).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}"), "XXXX-XXXX-XXXX-XXXX without 0/O/1/I/L")
                .allMatch(c -> CodeFormat.parse(c) instanceof CodeFormat.ExtensionText, "check character valid");
        CodeBatch stored = batch.batch();
        assertThat(stored.id()).matches("B-20261127-[2-9A-HJKMNP-Z]{6}");
        assertThat(stored).isEqualTo(fx.vault.batch(stored.id()).orElseThrow());
        assertThat(stored.model()).isEqualTo("X1-HYBRID-G4");
        assertThat(stored.years()).isEqualTo(5);
        assertThat(stored.size()).isEqualTo(500);
        assertThat(stored.source()).isEqualTo(CoverageSource.batch(stored.id()));
        assertThat(batch.codes()).allMatch(c -> fx.stored(c).orElseThrow().batchId().equals(stored.id()));
        assertThat(issuer.redeemed(stored.id())).isZero();
    }

    @Test
    void batchesGetTheirOwnIdsAndCodes() {
        List<String> first = issuer.issueExtensionCodes("X1-BOOST", 5, 50, TODAY);
        List<String> second = issuer.issueExtensionCodes("X1-BOOST", 5, 50, TODAY);
        HashSet<String> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).hasSize(100);
        assertThat(fx.stored(first.get(0)).orElseThrow().batchId())
                .isNotEqualTo(fx.stored(second.get(0)).orElseThrow().batchId());
    }

    @Test
    void theCsvExportListsEachCodeWithItsBatch() throws Exception {
        IssuedBatch batch = issuer.issueExtensionBatch("X3-HYBRID-G4", 10, 3, LocalDate.of(2027, 6, 30));
        String csv = batch.toCsv();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("code,batch,model,years,expires_on");
        for (int i = 0; i < 3; i++) {
            assertThat(lines[i + 1]).isEqualTo(batch.codes().get(i) + "," + batch.batch().id() + ",X3-HYBRID-G4,10,2027-06-30");
        }
        StringWriter out = new StringWriter();
        batch.writeCsv(out);
        assertThat(out.toString()).isEqualTo(csv);
    }

    @Test
    void badBatchRequestsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> issuer.issueExtensionCodes(" ", 5, 1, TODAY)).isInstanceOf(InvalidValueException.class)
                .hasMessage("model: an extension batch has no model; a model is named like X1-HYBRID-G4");
        assertThatThrownBy(() -> issuer.issueExtensionCodes("X1-BOOST", 0, 1, TODAY))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("adds 1 to 50 years");
        assertThatThrownBy(() -> issuer.issueExtensionCodes("X1-BOOST", 5, 0, TODAY))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("1 to 100000 codes");
        assertThatThrownBy(() -> issuer.issueExtensionCodes("X1-BOOST", 5, 1, TODAY.minusDays(1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("could never be redeemed");
    }

    @Test
    void aRefusedBatchNamesNoBatchIdAndWritesNothing() {
        List<String> writes = new ArrayList<>();
        InMemoryCodeVault vault = new InMemoryCodeVault();
        CodeVault watched = (CodeVault) Proxy.newProxyInstance(CodeVault.class.getClassLoader(),
                new Class<?>[] {CodeVault.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("add")) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(vault, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CodeIssuer watchedIssuer = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(List.of())).clock(fx.clock).codeVault(watched)
                .codePepper(CodeFixture.PEPPER).build().codeIssuer();

        assertThatThrownBy(() -> watchedIssuer.issueExtensionCodes("X1-BOOST", -1, 1, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("years: a code adds 1 to 50 years, was -1");
        assertThatThrownBy(() -> watchedIssuer.issueExtensionCodes("X".repeat(300), 5, 1, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("model: the model of an extension batch, \"" + "X".repeat(60) + "\"…, is not a model "
                        + "name: 1 to 64 characters without line breaks or other control characters, e.g. X1-HYBRID-G4");
        assertThatThrownBy(() -> watchedIssuer.issueExtensionCodes("X1\nBOOST", 5, 1, TODAY))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("\"X1\\nBOOST\"");
        assertThat(writes).as("no refused batch reached the vault").isEmpty();

        assertThat(watchedIssuer.issueExtensionCodes("x".repeat(ModelName.MAX_LENGTH), 5, 1, TODAY)).hasSize(1);
        assertThat(writes).containsExactly("addBatch");
    }

    @Test
    void campaignsAreValidatedAndRegisteredOnce() {
        Campaign summer = issuer.createCampaign(Campaign.of(" summer25 ", TODAY, TODAY.plusMonths(1), 1000, 6));
        assertThat(summer.code()).isEqualTo("SUMMER25");
        assertThat(issuer.campaign("Summer25")).contains(summer);
        assertThat(issuer.redemptions("SUMMER25")).isZero();
        assertThatThrownBy(() -> issuer.createCampaign(Campaign.of("SUMMER25", TODAY, TODAY, 1, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> issuer.createCampaign(Campaign.of("OLD1", TODAY.minusDays(9), TODAY.minusDays(1), 1, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ended on");

        assertThatThrownBy(() -> Campaign.of("SUMMER-25", TODAY, TODAY, 1, 1)).hasMessageContaining("3 to 12 letters");
        assertThatThrownBy(() -> Campaign.of("ABCD1234ABCD1234", TODAY, TODAY, 1, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Campaign.of("X25", TODAY, TODAY.minusDays(1), 1, 1)).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> Campaign.of("X25", TODAY, TODAY, 0, 1)).hasMessageContaining("at least 1 redemption");
        assertThatThrownBy(() -> Campaign.of("X25", TODAY, TODAY, 1, 0)).hasMessageContaining("grants nothing");
        assertThat(new Campaign("X25", TODAY, TODAY, 1, 0, 5).upgradeYears()).isEqualTo(5);
    }
}
