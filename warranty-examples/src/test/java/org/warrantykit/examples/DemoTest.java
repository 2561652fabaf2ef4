package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warrantykit.examples.DesignPolicy.SIX_MONTHS;
import static org.warrantykit.examples.DesignPolicy.TODAY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warrantykit.WarrantyService;
import org.warrantykit.WarrantyView;
import org.warrantykit.examples.DesignPolicy.Row;

/** The demo runs end to end and tells the story with the dates the documented default policy (README) gives for the sample data. */
class DemoTest {
    private static final Clock CLOCK = Clock.fixed(Demo.NOW, ZoneOffset.UTC);
    private static final Row INVERTER = DesignPolicy.row(Demo.ALICE_INVERTER);
    private static final Row BATTERY = DesignPolicy.row(Demo.ALICE_BATTERY);
    private static String output;
    private static final Path PDF_FOLDER = createTempFolder();

    private static Path createTempFolder() {
        try {
            return Files.createTempDirectory("demo-certificates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void runDemo() {
        output = run();
    }

    static String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            StoryClock clock = new StoryClock(Demo.NOW); // the story moves it years ahead for the claim
            new Demo(Demo.sampleService(clock), clock, out, PDF_FOLDER).run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Codes, batch ids, order ids and certificate numbers are random by design (they must not be
     * guessable), and the PDF folder differs between runs; everything else must repeat exactly.
     */
    static String withoutRandomParts(String text) {
        return text.replaceAll("O-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", "<order>")
                .replaceAll("WK-\\d{8}-[0-9A-Z]{5}-[0-9A-Z]{5}", "<certificate>")
                .replaceAll("B-\\d{8}-[0-9A-Z]{6}", "<batch>")
                .replaceAll("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b", "<code>")
                .replaceAll("written to .*", "written to <path>");
    }

    /** The text under the heading "n. ..." up to the next heading. */
    static String section(int n) {
        Matcher heading = Pattern.compile("(?m)^(\\d+)\\. ").matcher(output);
        int start = -1;
        while (heading.find()) {
            if (start >= 0) {
                return output.substring(start, heading.start());
            }
            if (Integer.parseInt(heading.group(1)) == n) {
                start = heading.start();
            }
        }
        assertThat(start).as("section %d in%n%s", n, output).isNotNegative();
        return output.substring(start);
    }

    @Test
    void theDemoClockIsTheDayTheExpectationsAreComputedFor() {
        assertThat(LocalDate.ofInstant(Demo.NOW, ZoneOffset.UTC)).isEqualTo(TODAY);
        assertThat(output).contains("Today          " + TODAY);
    }

    @Test
    void firstInquiryShowsTheStandardWarrantyFromTheSupplyData() {
        assertThat(section(1))
                .contains("Serial number  " + Demo.ALICE_INVERTER)
                .contains("State          STANDARD")
                .contains("Warranty       " + INVERTER.standardStart() + " to " + INVERTER.standardEnd())
                .contains("Actions        none");
    }

    @Test
    void upgradeIsPendingWhileOfflineThenAppliedWhenOnline() {
        assertThat(section(2)).contains("Upgrade        PENDING_ONLINE").contains("State          STANDARD")
                .doesNotContain("UPGRADED");
        assertThat(section(3)).contains(Demo.ALICE_INVERTER + " online at " + Demo.NOW).contains("now UPGRADED");
        assertThat(output.indexOf("PENDING_ONLINE")).isLessThan(output.indexOf("State          UPGRADED"));
    }

    @Test
    void inquiryAfterTheUpgradeShowsTheNewEndCoveragesAndActions() {
        LocalDate upgradeStart = INVERTER.standardEnd().plusDays(1);
        assertThat(INVERTER.upgradedEnd()).isEqualTo(LocalDate.of(2035, 4, 21)); // 2025-04-22 + 5 y - 1 d + 5 y
        assertThat(section(4))
                .contains("State          UPGRADED")
                .contains("Warranty       " + INVERTER.standardStart() + " to " + INVERTER.upgradedEnd())
                .contains("STANDARD   " + INVERTER.standardStart() + " to " + INVERTER.standardEnd())
                .contains("UPGRADE    " + upgradeStart + " to " + INVERTER.upgradedEnd())
                // X1-HYBRID-G4 is sold with online extension and has years left: all three actions
                .contains("Actions        EDIT, DOWNLOAD_CERTIFICATE, BUY_EXTENSION");
    }

    @Test
    void inquiryAfterTheUpgradeExplainsItselfWithTheRuleSetAndEveryFiredRule() {
        WarrantyService service = Demo.sampleService(CLOCK);
        service.requestUpgrade(Demo.ALICE, Demo.ALICE_INVERTER);
        service.deviceOnline(Demo.ALICE_INVERTER, Demo.NOW);
        WarrantyView view = service.inquire(Demo.ALICE_INVERTER);
        String step = section(4);
        assertThat(step).contains("Rule set       " + view.trace().ruleSetVersion());
        assertThat(view.trace().firedRules()).isNotEmpty();
        for (String rule : view.trace().firedRules()) {
            assertThat(step).contains(rule);
        }
    }

    @Test
    void batteryUpgradeIsNotEligibleWithAReason() {
        String step = section(5);
        assertThat(step).contains("Upgrade        NOT_ELIGIBLE")
                .contains("Warranty       " + BATTERY.standardStart() + " to " + BATTERY.standardEnd());
        String reason = line(step, "Reason");
        assertThat(reason).contains("T-BAT-H5.8").containsIgnoringCase("upgrade");
    }

    @Test
    void wrongOwnerAndMalformedSerialAreRefusedWithTheLibraryMessages() {
        assertThat(section(6)).contains("AccessDeniedException")
                .contains("Account bob may not act on device " + Demo.ALICE_INVERTER);
        assertThat(section(7)).contains("InvalidSerialNumberException")
                .contains("Invalid serial number \"" + Demo.MALFORMED_SERIAL + "\"");
    }

    @Test
    void dashboardListsAlicesDevicesAndThoseExpiringWithinSixMonths() {
        String step = section(8);
        List<Row> alice = DesignPolicy.ownedBy("alice");
        assertThat(step).contains("Devices of alice (" + alice.size() + ")");
        String all = step.substring(0, step.indexOf("Expiring within"));
        String expiring = step.substring(step.indexOf("Expiring within"));
        for (Row row : alice) {
            boolean upgraded = row.serial().equals(Demo.ALICE_INVERTER);
            LocalDate end = upgraded ? row.upgradedEnd() : row.standardEnd();
            String state = upgraded ? "UPGRADED" : row.expiredOn(TODAY) ? "EXPIRED" : "STANDARD";
            assertThat(tableLine(all, row.serial())).as(row.serial())
                    .containsSubsequence(row.model(), state, row.standardStart().toString(), end.toString());
        }
        List<String> expected = alice.stream()
                .filter(r -> !r.serial().equals(Demo.ALICE_INVERTER)) // upgraded to 2035 in step 3
                .filter(r -> r.expiringWithin(TODAY, SIX_MONTHS)).map(Row::serial).sorted().toList();
        assertThat(expected).isNotEmpty();
        assertThat(expiring).startsWith("Expiring within 6 months (by " + TODAY.plus(SIX_MONTHS) + "), "
                + expected.size() + ":");
        assertThat(serialsIn(expiring)).containsExactlyElementsOf(expected);
    }

    @Test
    void outputIsReproducible() {
        String again = run();
        assertThat(again).isNotEqualTo(output); // fresh codes and numbers each run ...
        assertThat(withoutRandomParts(again)).isEqualTo(withoutRandomParts(output)); // ... and nothing else differs
    }

    @Test
    void extensionCodeMovesTheEndByItsYearsAndNamesTheBatchNotTheCode() {
        String step = section(9);
        LocalDate codeEnd = INVERTER.upgradedEnd().plusYears(Demo.CODE_YEARS);
        List<String> codes = Pattern.compile("(?m)^    ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})$").matcher(step).results()
                .map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        assertThat(step).contains("State          EXTENDED")
                .contains("Warranty       " + INVERTER.standardStart() + " to " + codeEnd)
                .contains("EXTENSION  " + INVERTER.upgradedEnd().plusDays(1) + " to " + codeEnd + "  (extension batch B-");
        String coverages = step.substring(step.indexOf("Coverages"));
        codes.forEach(code -> assertThat(coverages).doesNotContain(code));
    }

    @Test
    void promotionAddsItsMonthsAndTheTraceNamesTheCampaignRule() {
        LocalDate codeEnd = INVERTER.upgradedEnd().plusYears(Demo.CODE_YEARS);
        LocalDate promoEnd = codeEnd.plusMonths(Demo.PROMOTION_MONTHS);
        assertThat(section(10)).contains("Warranty       " + INVERTER.standardStart() + " to " + promoEnd)
                .contains("PROMOTION  " + codeEnd.plusDays(1) + " to " + promoEnd + "  (promotion SUMMER25)")
                .contains("Campaign SUMMER25 accepted");
    }

    @Test
    void aTypoAndAReusedCodeAreRefusedAndChangeNothing() {
        LocalDate promoEnd = INVERTER.upgradedEnd().plusYears(Demo.CODE_YEARS).plusMonths(Demo.PROMOTION_MONTHS);
        String step = section(11);
        assertThat(step).contains("-> MALFORMED: ").contains("-> ALREADY_USED: ")
                .contains("The warranty still ends " + promoEnd + ".");
    }

    @Test
    void boughtExtensionIsPricedByTheDesignTableAndStartsAtTheCurrentEnd() {
        LocalDate promoEnd = INVERTER.upgradedEnd().plusYears(Demo.CODE_YEARS).plusMonths(Demo.PROMOTION_MONTHS);
        String step = section(12);
        // X1-HYBRID-G4 is 5 kW, installed in DE: EUR 200 for +5 years, EUR 400 for +10 years
        assertThat(step).contains("EXT-60M  +5 years  EUR 200.00  new end " + promoEnd.plusYears(5))
                .contains("EXT-120M  +10 years  EUR 400.00  new end " + promoEnd.plusYears(10))
                .contains("PENDING_PAYMENT, total EUR 200.00, pay by " + Demo.NOW.plus(Duration.ofDays(7)))
                .contains("Payment confirmed by the host: PAID")
                .contains("Warranty       " + INVERTER.standardStart() + " to " + promoEnd.plusYears(5))
                .contains("EXTENSION  " + promoEnd.plusDays(1) + " to " + promoEnd.plusYears(5) + "  (order O-");
    }

    @Test
    void certificateIsGenuineAndWrittenAsAPdf() throws IOException {
        LocalDate end = INVERTER.upgradedEnd().plusYears(Demo.CODE_YEARS).plusMonths(Demo.PROMOTION_MONTHS).plusYears(5);
        String step = section(13);
        assertThat(step).contains("5 coverage lines, valid " + INVERTER.standardStart() + " .. " + end)
                .contains("Signature genuine: true");
        String path = line(step, "PDF written to").strip().substring("PDF written to ".length());
        assertThat(Path.of(path)).startsWith(PDF_FOLDER).isRegularFile();
        byte[] head = Arrays.copyOf(Files.readAllBytes(Path.of(path)), 5);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String czech = line(step, "Czech PDF").strip().replaceFirst("^.* written to ", "");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(Path.of(czech).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Záruční certifikát", "Kryje: pouze díly", "online upgrade záruky");
        }
    }

    @Test
    void theClaimInTheUpgradeYearsIsCoveredForPartsOnly() {
        LocalDate failed = LocalDate.ofInstant(Demo.CLAIM_DAY, ZoneOffset.UTC).minusDays(3);
        assertThat(failed).isAfter(INVERTER.standardEnd()).isBefore(INVERTER.upgradedEnd());
        assertThat(section(14)).contains("Covered        yes, parts only")
                .contains("Reason         Covered on " + failed + " by the upgrade term (online upgrade, "
                        + INVERTER.standardEnd().plusDays(1) + " to " + INVERTER.upgradedEnd()
                        + "): parts only; labour and transport are not covered.")
                .contains("Had it failed on 2026-06-01: Covered on 2026-06-01 by the standard term");
    }

    @Test
    void theSwappedUnitCarriesTheRestOfTheWarrantyAndTheOldOneEndsTheDayBefore() {
        LocalDate swap = LocalDate.ofInstant(Demo.CLAIM_DAY, ZoneOffset.UTC);
        String step = section(15);
        String replacement = step.substring(step.indexOf("Serial number  " + Demo.SPARE_INVERTER),
                step.indexOf("Serial number  " + Demo.ALICE_INVERTER));
        assertThat(replacement).contains("Replaces       " + Demo.ALICE_INVERTER)
                .contains("Coverages      UPGRADE    " + swap + " to " + INVERTER.upgradedEnd() + "  (online upgrade)  covers parts only")
                .doesNotContain("STANDARD");
        String old = step.substring(step.indexOf("Serial number  " + Demo.ALICE_INVERTER));
        assertThat(old).contains("State          REPLACED")
                .contains("Warranty       " + INVERTER.standardStart() + " to " + swap.minusDays(1))
                .contains("Replaced by    " + Demo.SPARE_INVERTER)
                .contains("Actions        none")
                .contains("Claim on the old unit today: Not covered on this unit: it was replaced by "
                        + Demo.SPARE_INVERTER + " on " + swap)
                .contains("Certificate for the old unit: refused: Device " + Demo.ALICE_INVERTER + " was replaced by "
                        + Demo.SPARE_INVERTER + " on " + swap)
                .contains("alice's devices now include " + Demo.SPARE_INVERTER + ": true");
    }

    @Test
    void mainPrintsTheSameStoryToStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(withoutRandomParts(bytes.toString(StandardCharsets.UTF_8))).isEqualTo(withoutRandomParts(output));
    }

    private static String line(String text, String label) {
        return Arrays.stream(text.split("\\R")).filter(l -> l.strip().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label + " in\n" + text));
    }

    private static String tableLine(String text, String serial) {
        return Arrays.stream(text.split("\\R")).filter(l -> l.strip().startsWith(serial + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + serial + " in\n" + text));
    }

    /** Serial numbers of the table rows in the text, in order. */
    static List<String> serialsIn(String text) {
        List<String> serials = new ArrayList<>();
        for (String l : text.split("\\R")) {
            String first = l.strip().split("\\s+")[0];
            if (first.matches("[A-Z0-9]{10,20}") && !first.equals("SERIAL")) {
                serials.add(first);
            }
        }
        return serials;
    }
}
