package org.warrantykit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.nio.file.Path;
import org.warrantykit.Campaign;
import org.warrantykit.Certificate;
import org.warrantykit.ClaimCheck;
import org.warrantykit.CodeRejectedException;
import org.warrantykit.ExtensionOffer;
import org.warrantykit.Order;
import org.warrantykit.pdf.CertificatePdf;
import org.warrantykit.AccessDeniedException;
import org.warrantykit.AccountId;
import org.warrantykit.InvalidSerialNumberException;
import org.warrantykit.UpgradeResult;
import org.warrantykit.WarrantyException;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;

/**
 * The README's runnable story, on the embedded sample data ({@link SampleData}) with the default
 * DRL policy and a fixed clock, so its output is the same on every run:
 * inquiry, an upgrade requested while the inverter is offline, the inverter coming online, the
 * inquiry after the upgrade, a refused upgrade, a wrong owner, a malformed serial number and the
 * owner's dashboard; then the Edit step with an extended-warranty code and a promotion code (and
 * two refused codes), an online extension purchase with its payment, and the signed certificate
 * as a PDF.
 *
 * <p>Each step is one small method listed in {@link #steps()}; add a step there to extend the story.
 */
public final class Demo {
    /** The demo's "now": every date below is computed against this instant. */
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    /** alice's X1-HYBRID-G4, installed but not online yet. */
    static final String ALICE_INVERTER = "H1B50A1234567";
    /** alice's T-BAT-H5.8 battery: batteries have no online upgrade. */
    static final String ALICE_BATTERY = "TP58H24060217";
    /** What a person might type instead of a serial number. */
    static final String MALFORMED_SERIAL = "H1B-50A/1234";
    static final Period EXPIRING_WITHIN = Period.ofMonths(6);
    /** A campaign of the default codes.drl: German 2025 installations of X1/X3 hybrid inverters. */
    static final String PROMOTION = "SUMMER25";
    static final int PROMOTION_MONTHS = 12;
    static final int CODE_YEARS = 2;

    private final WarrantyService service;
    private final Clock clock;
    private final PrintStream out;
    private final Path certificateFolder;
    /** The extension code alice redeemed, kept to show that it cannot be used twice. */
    private String redeemedCode = "";

    /** A step of the story: a heading and what it does. */
    record Step(String title, Runnable action) {
    }

    public Demo(WarrantyService service, Clock clock, PrintStream out) {
        this(service, clock, out, Path.of("target", "warranty-kit-demo"));
    }

    /** As above, writing the certificate PDF into {@code certificateFolder}. */
    public Demo(WarrantyService service, Clock clock, PrintStream out, Path certificateFolder) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.certificateFolder = Objects.requireNonNull(certificateFolder, "certificateFolder");
    }

    public static void main(String[] args) {
        StoryClock clock = new StoryClock(NOW);
        new Demo(sampleService(clock), clock, System.out).run();
        System.out.flush();
    }

    /** The service the demo runs on: embedded devices, default DRL, the given clock. */
    public static WarrantyService sampleService(Clock clock) {
        return InMemoryStores.configure(WarrantyService.builder())
                .rules(DroolsWarrantyRules.defaults())
                .devices(SampleData.devices())
                .clock(clock)
                .build();
    }

    /** The story, in order. */
    List<Step> steps() {
        return List.of(
                new Step("Inquiry (public, no login): " + ALICE_INVERTER, this::inquireStandardWarranty),
                new Step("alice asks for the free upgrade while the inverter is offline", this::requestUpgradeWhileOffline),
                new Step("The inverter comes online (sends its first data)", this::deviceComesOnline),
                new Step("Inquiry after the upgrade: " + ALICE_INVERTER, this::inquireAfterUpgrade),
                new Step("alice asks to upgrade her battery " + ALICE_BATTERY, this::upgradeNotEligible),
                new Step("bob tries to upgrade alice's inverter", this::wrongOwner),
                new Step("Someone types a malformed serial number", this::malformedSerial),
                new Step("alice's dashboard", this::dashboard),
                new Step("Back office issues extended-warranty codes; alice enters one (Edit)", this::redeemExtensionCode),
                new Step("alice enters the promotion code " + PROMOTION, this::redeemPromotionCode),
                new Step("alice mistypes a code, then reuses a redeemed one", this::rejectedCodes),
                new Step("alice buys an extension online (Wty Extend)", this::buyExtension),
                new Step("alice downloads her warranty certificate", this::downloadCertificate),
                new Step("Years later the inverter fails: the installer checks the claim", this::claimCheck),
                new Step("The service desk swaps the faulty inverter (RMA): the new unit carries the rest",
                        this::replaceFaultyInverter));
    }

    public void run() {
        LocalDate today = LocalDate.now(clock);
        out.println("warranty-kit demo");
        out.println("  Today          " + today + " (fixed clock " + clock.instant() + ")");
        out.println("  Devices        embedded sample data " + SampleData.DEVICES_CSV);
        out.println("  Rule set       " + service.rules().version());
        List<Step> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            out.println();
            String heading = (i + 1) + ". " + steps.get(i).title();
            out.println(heading);
            out.println("-".repeat(heading.length()));
            steps.get(i).action().run();
        }
    }

    void inquireStandardWarranty() {
        print(Views.warranty(service.inquire(ALICE_INVERTER), false));
    }

    void requestUpgradeWhileOffline() {
        UpgradeResult result = service.requestUpgrade(ALICE, ALICE_INVERTER);
        print(Views.upgrade(result, false));
    }

    void deviceComesOnline() {
        Instant at = clock.instant();
        out.println("  The host reports: " + ALICE_INVERTER + " online at " + at);
        service.deviceOnline(ALICE_INVERTER, at);
        out.println("  The pending upgrade is applied; the warranty is now "
                + service.inquire(ALICE_INVERTER).state() + ".");
    }

    void inquireAfterUpgrade() {
        print(Views.warranty(service.inquire(ALICE_INVERTER), true));
    }

    void upgradeNotEligible() {
        UpgradeResult result = service.requestUpgrade(ALICE, ALICE_BATTERY);
        print(Views.upgrade(result, false));
    }

    void wrongOwner() {
        try {
            service.requestUpgrade(BOB, ALICE_INVERTER);
            out.println("  unexpected: the upgrade was accepted");
        } catch (AccessDeniedException e) {
            out.println("  Refused (" + e.getClass().getSimpleName() + "): " + e.getMessage());
        }
    }

    void malformedSerial() {
        try {
            service.inquire(MALFORMED_SERIAL);
            out.println("  unexpected: the serial number was accepted");
        } catch (InvalidSerialNumberException e) {
            out.println("  Refused before any look-up (" + e.getClass().getSimpleName() + "): " + e.getMessage());
        }
    }

    void dashboard() {
        List<WarrantyView> devices = service.devices(ALICE);
        out.println("  Devices of " + ALICE + " (" + devices.size() + "):");
        print(Views.table(devices));
        out.println();
        LocalDate horizon = LocalDate.now(clock).plus(EXPIRING_WITHIN);
        List<WarrantyView> expiring = service.expiringWithin(ALICE, EXPIRING_WITHIN);
        out.println("  Expiring within " + EXPIRING_WITHIN.toTotalMonths() + " months (by " + horizon + "), "
                + expiring.size() + ":");
        print(Views.table(expiring));
    }

    void redeemExtensionCode() {
        LocalDate today = LocalDate.now(clock);
        List<String> codes = service.codeIssuer().issueExtensionCodes("X1-HYBRID-G4", CODE_YEARS, 3, today.plusYears(1));
        out.println("  Issued " + codes.size() + " codes for X1-HYBRID-G4, +" + CODE_YEARS + " years, valid until "
                + today.plusYears(1) + " (shown once; only their keyed hashes are stored):");
        codes.forEach(code -> out.println("    " + code));
        redeemedCode = codes.get(0);
        out.println("  alice enters " + redeemedCode + " for " + ALICE_INVERTER + ":");
        print(Views.warranty(service.redeem(ALICE, ALICE_INVERTER, redeemedCode), false));
    }

    void redeemPromotionCode() {
        LocalDate today = LocalDate.now(clock);
        service.codeIssuer().createCampaign(Campaign.of(PROMOTION, today.minusMonths(1), today.plusMonths(2), 500,
                PROMOTION_MONTHS));
        out.println("  Campaign " + PROMOTION + ": +" + PROMOTION_MONTHS + " months, up to 500 devices, eligibility in codes.drl");
        print(Views.warranty(service.redeem(ALICE, ALICE_INVERTER, PROMOTION.toLowerCase(Locale.ROOT)), true));
    }

    void rejectedCodes() {
        String typo = redeemedCode.substring(0, 3) + (redeemedCode.charAt(3) == 'A' ? 'B' : 'A') + redeemedCode.substring(4);
        for (String code : List.of(typo, redeemedCode)) {
            try {
                service.redeem(ALICE, ALICE_INVERTER, code);
                out.println("  unexpected: " + code + " was accepted");
            } catch (CodeRejectedException e) {
                out.println("  " + code + " -> " + e.reason() + ": " + e.getMessage());
            }
        }
        out.println("  The warranty still ends " + service.inquire(ALICE_INVERTER).end() + ".");
    }

    void buyExtension() {
        List<ExtensionOffer> offers = service.offers(ALICE, ALICE_INVERTER);
        out.println("  Offers for " + ALICE_INVERTER + " (VAT excluded):");
        offers.forEach(o -> out.println("    " + o.offerId() + "  +" + o.months() / 12 + " years  " + o.price()
                + "  new end " + o.newEnd()));
        ExtensionOffer chosen = offers.get(0);
        Order order = service.purchase(ALICE, ALICE_INVERTER, chosen.offerId(), "demo-checkout-1");
        out.println("  Order " + order.orderId() + ": " + order.state() + ", total " + order.total() + ", pay by "
                + order.payBy());
        Order paid = service.confirmPayment(order.orderId(), "psp-demo-0001");
        out.println("  Payment confirmed by the host: " + paid.state());
        print(Views.warranty(service.inquire(ALICE_INVERTER), false));
    }

    void downloadCertificate() {
        Certificate certificate = service.certificate(ALICE, ALICE_INVERTER);
        Path pdf = certificateFolder.resolve("certificate-" + certificate.number() + ".pdf");
        CertificatePdf.render(certificate, pdf);
        out.println("  Certificate " + certificate.number() + " for " + certificate.serial() + ", "
                + certificate.coverages().size() + " coverage lines, valid " + certificate.validFrom() + " .. "
                + certificate.validUntil());
        out.println("  Signature genuine: " + service.certificateVerifier().verify(certificate));
        out.println("  PDF written to " + pdf.toAbsolutePath());
        Path czech = certificateFolder.resolve("certificate-" + certificate.number() + "-cs.pdf");
        CertificatePdf.render(certificate, czech, CZECH);
        out.println("  Czech PDF (záruční certifikát) written to " + czech.toAbsolutePath());
    }

    /** The language of the maker's portal page this library comes from. */
    static final Locale CZECH = Locale.forLanguageTag("cs");

    /** The day the story jumps to for the claim: in the upgrade years of alice's inverter. */
    static final Instant CLAIM_DAY = Instant.parse("2031-06-15T09:00:00Z");

    void claimCheck() {
        if (clock instanceof StoryClock story) {
            story.advanceTo(CLAIM_DAY);
        }
        LocalDate failed = LocalDate.now(clock).minusDays(3);
        out.println("  Today is " + LocalDate.now(clock) + "; " + ALICE_INVERTER + " failed on " + failed + ".");
        print(Views.claim(service.claimCheck(ALICE_INVERTER, failed)));
        ClaimCheck early = service.claimCheck(ALICE_INVERTER, LocalDate.of(2026, 6, 1));
        out.println("  Had it failed on 2026-06-01: " + early.reason());
    }

    /** A new X1-HYBRID-G4 from the warehouse: no owner, nothing granted. */
    static final String SPARE_INVERTER = "H1B50A2506018";

    void replaceFaultyInverter() {
        LocalDate on = LocalDate.now(clock);
        out.println("  " + ALICE_INVERTER + " is replaced by " + SPARE_INVERTER + " on " + on + ".");
        print(Views.warranty(service.replaceDevice(ALICE_INVERTER, SPARE_INVERTER, on), false));
        out.println();
        print(Views.warranty(service.inquire(ALICE_INVERTER), false));
        out.println("  Claim on the old unit today: " + service.claimCheck(ALICE_INVERTER, on).reason());
        try {
            service.certificate(ALICE, ALICE_INVERTER);
        } catch (WarrantyException e) {
            out.println("  Certificate for the old unit: refused: " + e.getMessage());
        }
        out.println("  alice's devices now include " + SPARE_INVERTER + ": " + service.devices(ALICE).stream()
                .anyMatch(v -> v.serial().value().equals(SPARE_INVERTER)));
    }

    private void print(List<String> lines) {
        lines.forEach(out::println);
    }
}
