package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warrantykit.AccountId;
import org.warrantykit.Action;
import org.warrantykit.Coverage;
import org.warrantykit.CoverageKind;
import org.warrantykit.OfferUnavailableException;
import org.warrantykit.ReplacementRefusedException;
import org.warrantykit.Order;
import org.warrantykit.WarrantyState;
import org.warrantykit.Category;
import org.warrantykit.Device;
import org.warrantykit.ExtensionOffer;
import org.warrantykit.Money;
import org.warrantykit.SerialNumber;
import org.warrantykit.TransferRefusedException;
import org.warrantykit.UpgradeStatus;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.examples.DesignPolicy.Row;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;

/** The custom rules example, loaded from the classpath, on the sample data. */
class CustomRulesTest {

    private static final DroolsWarrantyRules RULES = CustomRules.load();
    /** The documented AU price list ({@code custom-rules/ruleset.properties}, change 4). */
    static final PolicyVariant.RegionalPriceList AUSTRALIAN_PRICES = new PolicyVariant.RegionalPriceList("AUD",
            Map.of(60, new BigDecimal("300"), 120, new BigDecimal("550"), 180, new BigDecimal("800")), 12);
    /** The documented changes: batteries 12 years; up to 10 kW, EUR +10 %; no transfers in AU; AU price list. */
    private static final PolicyVariant CUSTOM = PolicyVariant.DESIGN.withYears("BATTERY", 12)
            .withPrice(10, 60, new BigDecimal("297")).withPrice(10, 120, new BigDecimal("594"))
            .withoutTransferIn("AU").withPriceListIn("AU", AUSTRALIAN_PRICES);
    private static final AccountId OWNER = AccountId.of("first-owner");

    private static WarrantyService service() {
        return InMemoryStores.configure(WarrantyService.builder()).rules(RULES).devices(SampleData.devices())
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
    }

    @Test
    void shipsPrecompiledBesideItsDrlSoLoadingSkipsCompilation() {
        assertThat(CustomRulesTest.class.getClassLoader().getResource(CustomRules.FOLDER + "/ruleset.compiled"))
                .as("written by the build (exec precompile-custom-rules)").isNotNull();
    }

    @Test
    void loadsFromTheClasspathUnderItsOwnName() {
        assertThat(RULES.version()).startsWith(CustomRules.NAME + "@")
                .isNotEqualTo(DroolsWarrantyRules.defaults().version());
    }

    @Test
    void everySampleBatteryIsCoveredTwelveYears() {
        WarrantyService service = service();
        List<Row> batteries = DesignPolicy.rows().stream().filter(r -> r.category().equals("BATTERY")).toList();
        assertThat(batteries).hasSizeGreaterThanOrEqualTo(3);
        for (Row battery : batteries) {
            WarrantyView view = service.inquire(battery.serial());
            assertThat(view.start()).as(battery.serial()).isEqualTo(battery.standardStart());
            assertThat(view.end()).as(battery.serial()).isEqualTo(battery.standardStart().plusYears(12).minusDays(1));
        }
    }

    @Test
    void anUpgradedTenKilowattInverterIsOfferedTheDearerExtensions() {
        Row row = DesignPolicy.row("H3A10R2109203"); // alice's X3-HYBRID-G4, online, standard warranty running
        WarrantyService service = service();
        AccountId alice = Demo.ALICE; // the sample data's account
        assertThat(service.requestUpgrade(alice, row.serial()).status()).isEqualTo(UpgradeStatus.UPGRADED);
        List<ExtensionOffer> offers = service.offers(alice, row.serial());
        // The documented default policy (README): EUR 270 / 540, +10 %
        Currency eur = Currency.getInstance("EUR");
        BigDecimal plusTenPercent = new BigDecimal("1.1");
        assertThat(offers).extracting(ExtensionOffer::months, ExtensionOffer::price).containsExactly(
                tuple(60, Money.of(new BigDecimal("270").multiply(plusTenPercent), eur)),
                tuple(120, Money.of(new BigDecimal("540").multiply(plusTenPercent), eur)));
    }

    @Test
    void diffAgainstTheDefaultListsTheBatteriesAndTheTenKilowattInverters() {
        List<Row> rows = DesignPolicy.rows();
        List<PolicyVariant.Change> expected = PolicyVariant.DESIGN.changesTo(CUSTOM, rows, TODAY);
        assertThat(expected).extracting(PolicyVariant.Change::kind).containsOnly("standard end", "offers", "transfer");
        assertThat(expected).filteredOn(c -> c.kind().equals("transfer")).isNotEmpty()
                .allSatisfy(c -> assertThat(DesignPolicy.row(c.serial()).region()).isEqualTo("AU"))
                .allSatisfy(c -> assertThat(c.before() + " -> " + c.after()).isEqualTo("allowed -> refused"));
        assertThat(expected).filteredOn(c -> c.kind().equals("offers") && !DesignPolicy.row(c.serial()).region().equals("AU"))
                .allSatisfy(c -> assertThat(DesignPolicy.row(c.serial()).model()).isEqualTo("X3-HYBRID-G4"))
                .anySatisfy(c -> assertThat(c.after()).contains("GBP 252.00, +120 months GBP 505.00"));
        // the sample's AU inverters started in 2025, more than 12 months before TODAY: no longer sold
        assertThat(expected).filteredOn(c -> c.kind().equals("offers") && DesignPolicy.row(c.serial()).region().equals("AU"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.after()).isEqualTo("none"));

        RulesCliTest.Result result = RulesCliTest.rules("diff", RuleFolders.DEFAULT, RuleFolders.CUSTOM, "--today=" + TODAY);
        RulesCliTest.assertDiff(result, expected, rows.size());
    }

    /** An X1-HYBRID-G4 in AU, installed {@code installedMonthsAgo} before TODAY, never online (so never upgraded). */
    private static Device australianInverter(String serial, int installedMonthsAgo) {
        return new Device(SerialNumber.parse(serial), "X1-HYBRID-G4", Category.INVERTER, "AU",
                TODAY.minusMonths(installedMonthsAgo + 2), TODAY.minusMonths(installedMonthsAgo + 1),
                Optional.of(TODAY.minusMonths(installedMonthsAgo)), Optional.of(OWNER), Optional.empty());
    }

    private static WarrantyService serviceFor(Device... devices) {
        return InMemoryStores.configure(WarrantyService.builder()).rules(RULES)
                .devices(InMemoryDeviceRegistry.of(List.of(devices)))
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
    }

    @Test
    void inAustraliaAnExtensionIsSoldInAudWithinTwelveMonthsOfTheStartWithNoUpgrade() {
        WarrantyService service = serviceFor(australianInverter("AUSALE000001", 11));
        WarrantyView before = service.inquire("AUSALE000001");
        assertThat(before.coverages()).hasSize(1); // the standard warranty only: nothing granted, no upgrade
        assertThat(before.actions()).containsExactly(Action.BUY_EXTENSION);

        List<ExtensionOffer> offers = service.offers(OWNER, "AUSALE000001");
        Currency aud = Currency.getInstance("AUD");
        assertThat(offers).extracting(ExtensionOffer::offerId, ExtensionOffer::price).containsExactly(
                tuple("EXT-60M", Money.of(new BigDecimal("300"), aud)),
                tuple("EXT-120M", Money.of(new BigDecimal("550"), aud)),
                tuple("EXT-180M", Money.of(new BigDecimal("800"), aud)));

        Order order = service.purchase(OWNER, "AUSALE000001", "EXT-120M", "au-sale-1");
        assertThat(order.total()).isEqualTo(Money.of(new BigDecimal("550"), aud));
        service.confirmPayment(order.orderId(), "psp-au-1");

        WarrantyView after = service.inquire("AUSALE000001");
        assertThat(after.state()).isEqualTo(WarrantyState.EXTENDED);
        assertThat(after.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.EXTENSION);
        assertThat(after.end()).isEqualTo(before.end().plusMonths(120));
        assertThat(after.actions()).contains(Action.DOWNLOAD_CERTIFICATE, Action.EDIT);
    }

    @Test
    void inAustraliaNoExtensionIsSoldTwelveMonthsAfterTheStart() {
        WarrantyService service = serviceFor(australianInverter("AULATE000001", 12));
        LocalDate start = service.inquire("AULATE000001").start();

        assertThat(service.offers(OWNER, "AULATE000001")).isEmpty();
        assertThat(service.inquire("AULATE000001").actions()).doesNotContain(Action.BUY_EXTENSION);
        assertThatThrownBy(() -> service.purchase(OWNER, "AULATE000001", "EXT-60M", "au-late-1"))
                .isInstanceOf(OfferUnavailableException.class)
                .hasMessageContaining("In Australia extensions are sold within 12 months of the warranty's start ("
                        + start + "); that time has passed.");
        assertThat(service.orders(OWNER)).isEmpty();
    }

    /** An X1-EV charger in {@code region}, produced {@code producedBeforeInstall} months before it was installed {@code installedMonthsAgo} before TODAY. */
    private static Device evCharger(String serial, String region, int installedMonthsAgo, int producedBeforeInstall) {
        LocalDate installed = TODAY.minusMonths(installedMonthsAgo);
        return new Device(SerialNumber.parse(serial), "X1-EVC", Category.of("EV_CHARGER"), region,
                installed.minusMonths(producedBeforeInstall), installed.minusMonths(producedBeforeInstall).plusDays(7),
                Optional.of(installed), Optional.of(OWNER), Optional.empty());
    }

    @Test
    void anEvChargerIsCoveredThreeYearsAndSoldTwentyFourMonthsWithinTwelveMonthsOfItsStart() {
        Device charger = evCharger("EVCSALE00001", "DE", 5, 2);
        Device installedLate = evCharger("EVCLATE00001", "DE", 5, 8);
        WarrantyService service = serviceFor(charger, installedLate);

        WarrantyView before = service.inquire("EVCSALE00001");
        assertThat(before.start()).as("installed within 6 months of production").isEqualTo(TODAY.minusMonths(5));
        assertThat(before.end()).isEqualTo(TODAY.minusMonths(5).plusYears(3).minusDays(1));
        assertThat(service.inquire("EVCLATE00001").start()).as("installed 8 months after production")
                .isEqualTo(installedLate.productionDate().plusMonths(6));
        assertThat(service.requestUpgrade(OWNER, "EVCSALE00001").status()).isEqualTo(UpgradeStatus.NOT_ELIGIBLE);
        assertThat(before.actions()).containsExactly(Action.BUY_EXTENSION);
        assertThat(service.offers(OWNER, "EVCSALE00001")).extracting(ExtensionOffer::offerId, ExtensionOffer::price)
                .containsExactly(tuple("EXT-24M", Money.of("99", "EUR")));

        Order order = service.purchase(OWNER, "EVCSALE00001", "EXT-24M", "evc-1");
        service.confirmPayment(order.orderId(), "psp-evc-1");

        WarrantyView after = service.inquire("EVCSALE00001");
        assertThat(after.coverages()).extracting(Coverage::kind)
                .containsExactly(CoverageKind.STANDARD, CoverageKind.EXTENSION);
        assertThat(after.end()).isEqualTo(before.end().plusMonths(24));
    }

    @Test
    void anEvChargerIsPricedInPoundsInGbAndNotSoldTwelveMonthsAfterItsStart() {
        WarrantyService service = serviceFor(evCharger("EVCGB0000001", "GB", 3, 1), evCharger("EVCOLD000001", "GB", 12, 1));

        assertThat(service.offers(OWNER, "EVCGB0000001")).extracting(ExtensionOffer::price)
                .containsExactly(Money.of("84", "GBP"));
        assertThat(service.offers(OWNER, "EVCOLD000001")).isEmpty();
        assertThat(service.inquire("EVCOLD000001").actions()).isEmpty();
        assertThatThrownBy(() -> service.purchase(OWNER, "EVCOLD000001", "EXT-24M", "evc-old"))
                .isInstanceOf(OfferUnavailableException.class)
                .hasMessageEndingWith("EV chargers can be extended within 12 months of the warranty's start ("
                        + TODAY.minusMonths(12) + "); that time has passed.");
        assertThat(service.orders(OWNER)).isEmpty();
    }

    @Test
    void inAustraliaTheWarrantyStaysWithItsFirstOwnerAndElsewhereItFollowsTheDevice() {
        AccountId owner = AccountId.of("first-owner");
        AccountId buyer = AccountId.of("new-owner");
        Instant online = TODAY.minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        Device australian = new Device(SerialNumber.parse("AUTRANSFER01"), "X1-HYBRID-G4", Category.INVERTER, "AU",
                TODAY.minusMonths(6), TODAY.minusMonths(5), Optional.of(TODAY.minusMonths(4)), Optional.of(owner),
                Optional.of(online));
        Device german = new Device(SerialNumber.parse("DETRANSFER01"), "X1-HYBRID-G4", Category.INVERTER, "DE",
                TODAY.minusMonths(6), TODAY.minusMonths(5), Optional.of(TODAY.minusMonths(4)), Optional.of(owner),
                Optional.of(online));
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(RULES)
                .devices(InMemoryDeviceRegistry.of(List.of(australian, german)))
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();

        assertThatThrownBy(() -> service.transferOwnership("AUTRANSFER01", owner, buyer))
                .isInstanceOf(TransferRefusedException.class)
                .hasMessage("The warranty of device AUTRANSFER01 cannot be transferred: Under the Australian "
                        + "warranty terms the warranty stays with the original owner.");
        assertThat(service.devices(buyer)).isEmpty();

        service.transferOwnership("DETRANSFER01", owner, buyer);
        assertThat(service.devices(buyer)).extracting(v -> v.serial().value()).containsExactly("DETRANSFER01");
        assertThat(service.devices(owner)).extracting(v -> v.serial().value()).containsExactly("AUTRANSFER01");
    }

    /** An inverter in DE owned by {@link #OWNER}, never online; installed {@code installed} or never. */
    private static Device inverter(String serial, String model, Optional<LocalDate> installed) {
        return new Device(SerialNumber.parse(serial), model, Category.INVERTER, "DE", TODAY.minusMonths(12),
                TODAY.minusMonths(11), installed, Optional.of(OWNER), Optional.empty());
    }

    /**
     * Through a service as built by default, whose decision cache (CachingWarrantyRules) wraps the
     * rule set: the cache must pass the replacement judgement on to the rules.
     */
    @Test
    void aUnitOfAnotherModelLineCannotReplaceAFaultyUnitAndNothingChanges() {
        refusesAUnitOfAnotherModelLineAndChangesNothing(WarrantyService.builder());
    }

    /** The same, through a service without a decision cache: the rules as loaded. */
    @Test
    void aUnitOfAnotherModelLineCannotReplaceAFaultyUnitThroughAServiceWithoutDecisionCache() {
        refusesAUnitOfAnotherModelLineAndChangesNothing(WarrantyService.builder().decisionCache(0));
    }

    private static void refusesAUnitOfAnotherModelLineAndChangesNothing(WarrantyService.Builder builder) {
        WarrantyService service = InMemoryStores.configure(builder).rules(RULES)
                .devices(InMemoryDeviceRegistry.of(List.of(
                        inverter("X3FAULTY0001", "X3-HYBRID-G4", Optional.of(TODAY.minusMonths(10))),
                        inverter("X1SPARE00001", "X1-HYBRID-G4", Optional.empty()))))
                .clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
        WarrantyView faultyBefore = service.inquire("X3FAULTY0001");
        WarrantyView spareBefore = service.inquire("X1SPARE00001");

        assertThatThrownBy(() -> service.replaceDevice("X3FAULTY0001", "X1SPARE00001", TODAY))
                .isInstanceOf(ReplacementRefusedException.class)
                .hasMessage("Device X3FAULTY0001 cannot be replaced by X1SPARE00001: A unit of model line X1 "
                        + "(X1-HYBRID-G4) cannot take over the warranty of a unit of model line X3 (X3-HYBRID-G4); "
                        + "replace it with a unit of the X3 line.");

        assertThat(service.inquire("X3FAULTY0001")).isEqualTo(faultyBefore);
        assertThat(service.inquire("X1SPARE00001")).isEqualTo(spareBefore);
        assertThat(service.inquire("X3FAULTY0001").state()).isNotEqualTo(WarrantyState.REPLACED);
        assertThat(faultyBefore.replacedBy()).isEmpty();
        assertThat(spareBefore.replaces()).isEmpty();
    }

    @Test
    void aUnitOfTheSameModelLineTakesOverTheRemainingWarranty() {
        WarrantyService service = serviceFor(inverter("X3FAULTY0002", "X3-HYBRID-G4", Optional.of(TODAY.minusMonths(10))),
                inverter("X3SPARE00002", "X3-MEGA-G2", Optional.empty()));
        WarrantyView faultyBefore = service.inquire("X3FAULTY0002");

        WarrantyView spare = service.replaceDevice("X3FAULTY0002", "X3SPARE00002", TODAY);

        assertThat(spare.replaces()).contains("X3FAULTY0002");
        assertThat(spare.end()).isEqualTo(faultyBefore.end());
        assertThat(service.inquire("X3FAULTY0002").state()).isEqualTo(WarrantyState.REPLACED);
        assertThat(service.inquire("X3FAULTY0002").replacedBy()).contains("X3SPARE00002");
    }
}
