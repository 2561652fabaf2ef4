package org.warrantykit.testkit;

import org.warrantykit.Category;
import org.warrantykit.Covered;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.warrantykit.DecisionTrace;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;
import org.warrantykit.Money;
import org.warrantykit.spi.OfferTerm;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.StandardTerm;
import org.warrantykit.spi.TransferVerdict;
import org.warrantykit.spi.UpgradeVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * The shipped default policy in plain Java, without a rules engine.
 *
 * <p>It decides exactly what the shipped DRL ({@code org/warrantykit/rules/default}) decides:
 * the same {@link StandardTerm}, the same {@link UpgradeVerdict} (eligibility, years and reason
 * text), the same offers (months and {@link Money} price) and the same no-offer reason. That makes
 * it the oracle for differential tests of a Drools rule set and the baseline for benchmarks; it is
 * stateless, thread-safe and allocates little per decision (offer lists, grant verdicts and traces
 * are shared constants).
 *
 * <p>The policy:
 * <ul>
 *   <li>Standard start: the installation date when installed within 9 months of production (on or
 *       before production + 9 months, which includes an installation date before production),
 *       otherwise production + 9 months; production + 9 months when never installed.</li>
 *   <li>Standard term by category: inverters 5 years, batteries 10, accessories 2; the last
 *       covered day is {@code start.plusYears(years).minusDays(1)}.</li>
 *   <li>Upgrade: X1-BOOST, X1-HYBRID-G4, X3-HYBRID-G4 gain 5 years and X3-MEGA-G2 1 year, while
 *       the standard warranty runs on the query's day ({@code end >= on}); any other model has no
 *       upgrade. Every refusal that applies is given, distinct, sorted, joined with one space.</li>
 *   <li>Offers: only for models sold with online extension (X1-BOOST 4 kW, X1-HYBRID-G4 5 kW,
 *       X3-HYBRID-G4 10 kW), only when upgraded, only while {@code currentEnd >= on + 6 months}.
 *       Up to 5 kW: 60 months EUR 200, 120 months EUR 400; up to 10 kW: EUR 270 / 540; up to
 *       25 kW: EUR 450 / 900 and 180 months EUR 1350. In GB the price is in GBP, 0.85 of the EUR
 *       figure rounded half-up to whole pounds. Every reason for no offer that applies is given,
 *       distinct, sorted, joined with one space; when no reason applies and nothing is priced (an
 *       upgraded device whose {@code currentEnd} is unknown) the reason is
 *       {@value #NOTHING_PRICED}.</li>
 *   <li>Transfer: the warranty follows the device to a new owner in every market.</li>
 *   <li>Replacement ({@link #judgeReplacement}): a unit of the same category (which the service
 *       has checked) takes over the faulty unit's remaining warranty, whatever its model, region or
 *       line in force; the trace names the one replacement rule.</li>
 * </ul>
 *
 * <p><b>Trace.</b> {@link DecisionTrace#ruleSetVersion()} is {@value #VERSION};
 * {@link DecisionTrace#firedRules()} lists, under the names the default DRL gives its rules, every
 * rule that would fire for the device, each as often as the engine fires it (a currency rule fires
 * once per priced term). The order is fixed: standard start, standard years, the term, the product
 * line, the upgrade rules, the pricing rules (offer window, no-offer rules, price table,
 * currency), then the transfer rule. The engine's firing order is not guaranteed, so compare traces as multisets.
 */
public final class ReferencePolicy implements WarrantyRules {

    /** {@link #version()} and the {@link DecisionTrace#ruleSetVersion()} of every decision. */
    public static final String VERSION = "reference";

    /** The no-offer reason when nothing forbids an offer but nothing is priced either. */
    public static final String NOTHING_PRICED = "No extension is priced for this device.";

    // Rule names, as in the default DRL, so that traces of both implementations compare.
    static final String START_INSTALLED =
            "Standard start: installation date, when installed within 9 months of production";
    static final String START_INSTALLED_LATE =
            "Standard start: production date + 9 months, when installed later";
    static final String START_NEVER_INSTALLED =
            "Standard start: production date + 9 months, when never installed";
    static final String YEARS_INVERTER = "Standard term: inverters 5 years";
    static final String YEARS_BATTERY = "Standard term: batteries 10 years";
    static final String YEARS_ACCESSORY = "Standard term: accessories 2 years";
    static final String TERM = "Standard term: start and length make the term";
    static final String UPGRADE_HYBRID =
            "Upgrade: X1 and X3 hybrid inverters gain 5 years while the standard warranty runs";
    static final String UPGRADE_MEGA = "Upgrade: X3-MEGA-G2 gains 1 year while the standard warranty runs";
    static final String UPGRADE_REFUSED_EXPIRED =
            "Upgrade refused: the standard warranty ended before the upgrade day";
    static final String UPGRADE_REFUSED_MODEL = "Upgrade refused: the product line has no online upgrade";
    static final String OFFER_WINDOW = "Offer window: upgraded, sold online, and at least 6 months of cover left";
    static final String NO_OFFER_NOT_UPGRADED = "No offer: extensions are sold only after the free upgrade";
    static final String NO_OFFER_NOT_ONLINE = "No offer: the product line is not sold with online extension";
    static final String NO_OFFER_LESS_THAN_6_MONTHS = "No offer: less than 6 months of cover left";
    static final String PRICE_UP_TO_5 = "Price up to 5 kW: +5 years EUR 200, +10 years EUR 400";
    static final String PRICE_UP_TO_10 = "Price up to 10 kW: +5 years EUR 270, +10 years EUR 540";
    static final String PRICE_UP_TO_25 =
            "Price up to 25 kW: +5 years EUR 450, +10 years EUR 900, +15 years EUR 1350";
    static final String CURRENCY_EUR = "Currency: EUR list price outside GB";
    static final String CURRENCY_GBP = "Currency: GBP in GB, 0.85 of the EUR price rounded half-up to whole pounds";
    static final String TRANSFER = "Transfer: the warranty follows the device to its new owner";
    static final String REPLACEMENT = "Replacement: a unit of the same category takes over the remaining warranty";
    static final String SCOPE_STANDARD = "Scope: the standard warranty covers parts and labour";
    static final String SCOPE_TRANSPORT =
            "Scope: the standard warranty covers transport of replacements in the EU/EEA, GB and CH";
    static final String SCOPE_UPGRADE = "Scope: the online upgrade years cover parts only";
    static final String SCOPE_EXTENSIONS = "Scope: extensions and promotions cover what the standard warranty covers";

    /** Where the default's standard term covers transport: the EU, the rest of the EEA, GB and CH. */
    private static final Set<String> TRANSPORT_REGIONS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
            "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
            "ES", "SE", "IS", "LI", "NO", "GB", "CH");
    private static final Set<Covered> PARTS_AND_LABOUR = Covered.scope(Covered.PARTS, Covered.LABOUR);
    private static final Set<Covered> WITH_TRANSPORT = Covered.scope(Covered.PARTS, Covered.LABOUR, Covered.TRANSPORT);
    private static final Set<Covered> PARTS_ONLY = Covered.scope(Covered.PARTS);

    // Texts shown to the owner, as the default DRL words them.
    static final String GRANT_5_REASON = "Free online upgrade: 5 more years of warranty.";
    static final String GRANT_1_REASON = "Free online upgrade: 1 more year of warranty.";
    /** The default's standard years, in the order of {@link Category#wellKnown()}: inverters, batteries, accessories. */
    private static final int[] STANDARD_YEARS = {5, 10, 2};
    static final String NOT_UPGRADED_REASON = "Extensions can be bought once the free online upgrade is applied.";

    private static final UpgradeVerdict GRANT_5 = UpgradeVerdict.grant(5, GRANT_5_REASON, PARTS_ONLY);
    private static final UpgradeVerdict GRANT_1 = UpgradeVerdict.grant(1, GRANT_1_REASON, PARTS_ONLY);
    private static final TransferVerdict TRANSFERABLE =
            TransferVerdict.allow("The warranty follows the device to its new owner.");
    /** The reason of every replacement the default policy allows. */
    public static final String TAKES_OVER = "The replacement unit takes over the remaining warranty of the faulty unit.";
    private static final ReplacementVerdict REPLACEABLE =
            ReplacementVerdict.allow(TAKES_OVER, new DecisionTrace(VERSION, List.of(REPLACEMENT)));

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final BigDecimal GBP_PER_EUR = new BigDecimal("0.85");

    /** Terms of the price table, in months: +5, +10, +15 years. */
    private static final int[] TERM_MONTHS = {60, 120, 180};
    /** EUR list prices by power class (up to 5, 10, 25 kW), then by term; -1 = not sold. */
    private static final int[][] EUR_PRICES = {{200, 400, -1}, {270, 540, -1}, {450, 900, 1350}};
    private static final String[] PRICE_RULES = {PRICE_UP_TO_5, PRICE_UP_TO_10, PRICE_UP_TO_25};
    /** Offers by power class, currency (0 EUR, 1 GBP) and scope (0 without, 1 with transport). Shared, immutable. */
    private static final List<OfferTerm>[][][] OFFERS = buildOffers();

    /** Product lines of the default table; OTHER stands for every model not listed. */
    private enum Line {
        X1_BOOST("X1-BOOST", 4, true, 5,
                "Product line: X1-BOOST is a 4 kW inverter sold with online extension"),
        X1_HYBRID_G4("X1-HYBRID-G4", 5, true, 5,
                "Product line: X1-HYBRID-G4 is a 5 kW inverter sold with online extension"),
        X3_HYBRID_G4("X3-HYBRID-G4", 10, true, 5,
                "Product line: X3-HYBRID-G4 is a 10 kW inverter sold with online extension"),
        X3_MEGA_G2("X3-MEGA-G2", 50, false, 1,
                "Product line: X3-MEGA-G2 is a 50 kW inverter without online extension"),
        OTHER(null, 0, false, 0, "Product line: any other model has no online extension");

        final String model;
        final int powerKw;
        final boolean onlineExtension;
        final int upgradeYears;
        final String rule;
        /** Price-table row for the power, or -1 above 25 kW. */
        final int powerClass;
        /** "Model M cannot be extended online." for a listed model without online extension. */
        final String notOnlineReason;

        Line(String model, int powerKw, boolean onlineExtension, int upgradeYears, String rule) {
            this.model = model;
            this.powerKw = powerKw;
            this.onlineExtension = onlineExtension;
            this.upgradeYears = upgradeYears;
            this.rule = rule;
            this.powerClass = powerKw <= 5 ? 0 : powerKw <= 10 ? 1 : powerKw <= 25 ? 2 : -1;
            this.notOnlineReason = model == null || onlineExtension ? null : notOnlineReason(model);
        }

        static Line of(String model) {
            return switch (model) {
                case "X1-BOOST" -> X1_BOOST;
                case "X1-HYBRID-G4" -> X1_HYBRID_G4;
                case "X3-HYBRID-G4" -> X3_HYBRID_G4;
                case "X3-MEGA-G2" -> X3_MEGA_G2;
                default -> OTHER;
            };
        }
    }

    private static final Line[] LINES = Line.values();

    // Trace key: which rules fire is a function of these few facts, so every distinct trace is
    // built once and shared.
    private static final int START_SHIFT = 0;       // 2 bits: 0 installed, 1 installed late, 2 never
    private static final int CATEGORY_SHIFT = 2;    // 2 bits: index in Category.wellKnown()
    private static final int LINE_SHIFT = 4;        // 3 bits: Line ordinal
    private static final int EXPIRED = 1 << 7;
    private static final int NOT_UPGRADED = 1 << 8;
    private static final int LESS_THAN_6_MONTHS = 1 << 9;
    private static final int WINDOW = 1 << 10;
    private static final int IN_GB = 1 << 11;
    private static final int TRANSPORT = 1 << 12;
    private static final AtomicReferenceArray<DecisionTrace> TRACES = new AtomicReferenceArray<>(1 << 13);

    /** Creates the reference policy; it holds no state, so one instance can serve everyone. */
    public ReferencePolicy() {
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public PolicyDecision decide(PolicyQuery query) {
        Device device = query.device();
        LocalDate on = query.on();
        int key = 0;

        // Standard term.
        LocalDate latestStart = device.productionDate().plusMonths(9);
        LocalDate start;
        Optional<LocalDate> install = device.installDate();
        if (install.isEmpty()) {
            start = latestStart;
            key |= 2 << START_SHIFT;
        } else if (install.get().isAfter(latestStart)) {
            start = latestStart;
            key |= 1 << START_SHIFT;
        } else {
            start = install.get();
        }
        int category = Category.wellKnown().indexOf(device.category());
        if (category < 0) {
            // as the default rules: they name no term for it, so they decide nothing for such a device
            throw new IllegalArgumentException("the reference policy, as the default rules, has no standard term "
                    + "for category " + device.category() + " (device " + device.serial() + ")");
        }
        int years = STANDARD_YEARS[category];
        key |= category << CATEGORY_SHIFT;
        boolean transport = TRANSPORT_REGIONS.contains(device.region());
        if (transport) {
            key |= TRANSPORT;
        }
        StandardTerm standard = new StandardTerm(start, years, transport ? WITH_TRANSPORT : PARTS_AND_LABOUR);
        LocalDate standardEnd = standard.end();

        // Upgrade.
        String model = device.model();
        Line line = Line.of(model);
        key |= line.ordinal() << LINE_SHIFT;
        boolean running = !standardEnd.isBefore(on);
        String expiredReason = null;
        if (!running) {
            key |= EXPIRED;
            expiredReason = "The standard warranty ended on " + standardEnd
                    + "; the upgrade applies only while it is running.";
        }
        String noUpgradeReason = line == Line.OTHER ? "Model " + model + " has no online warranty upgrade." : null;
        UpgradeVerdict upgrade;
        if (expiredReason != null || noUpgradeReason != null) {
            upgrade = UpgradeVerdict.refuse(joinSorted(noUpgradeReason, expiredReason));
        } else if (line.upgradeYears > 0) {
            upgrade = line.upgradeYears == 5 ? GRANT_5 : GRANT_1; // the only two upgrades in the table
        } else {
            // Unreachable with the default table (every listed line has an upgrade); kept as the
            // DRL adapter words a decision that neither grants nor refuses.
            upgrade = UpgradeVerdict.refuse("No upgrade applies to model " + model + ".");
        }

        // Online extension.
        boolean upgraded = query.upgraded();
        LocalDate currentEnd = query.currentEnd().orElse(null);
        String notUpgradedReason = null;
        String notOnlineReason = null;
        String endsSoonReason = null;
        if (!upgraded) {
            key |= NOT_UPGRADED;
            notUpgradedReason = NOT_UPGRADED_REASON;
        }
        if (!line.onlineExtension) {
            notOnlineReason = line.notOnlineReason != null ? line.notOnlineReason : notOnlineReason(model);
        }
        boolean window = false;
        if (upgraded && currentEnd != null) {
            if (currentEnd.isBefore(on.plusMonths(6))) {
                key |= LESS_THAN_6_MONTHS;
                endsSoonReason = "The warranty ends on " + currentEnd
                        + "; extensions are sold only while at least 6 months remain.";
            } else if (line.onlineExtension) {
                window = true;
                key |= WINDOW;
            }
        }
        boolean inGb = "GB".equals(device.region());
        if (inGb) {
            key |= IN_GB;
        }
        List<OfferTerm> offers = List.of();
        String noOfferReason;
        if (notUpgradedReason != null || notOnlineReason != null || endsSoonReason != null) {
            // At most two apply: "not upgraded" and "ends soon" exclude each other.
            noOfferReason = joinSorted(notOnlineReason, notUpgradedReason != null ? notUpgradedReason : endsSoonReason);
        } else {
            if (window && line.powerClass >= 0) {
                offers = OFFERS[line.powerClass][inGb ? 1 : 0][transport ? 1 : 0];
            }
            noOfferReason = offers.isEmpty() ? NOTHING_PRICED : "";
        }
        return new PolicyDecision(standard, upgrade, offers, noOfferReason, TRANSFERABLE, trace(key));
    }

    /** As {@link #decide} for each query, in order. */
    @Override
    public List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
        PolicyDecision[] decisions = new PolicyDecision[queries.size()];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = decide(queries.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(decisions));
    }

    /**
     * As {@code replacement.drl}: every swap the service asks about is allowed, the replacement
     * taking over the remaining warranty ({@value #TAKES_OVER}).
     *
     * @throws InvalidValueException if the query is null or its two units are one device (as the
     *                               Drools rule set refuses it)
     */
    @Override
    public ReplacementVerdict judgeReplacement(ReplacementQuery query) {
        InvalidValueException.require("query", query);
        if (query.faulty().serial().equals(query.replacement().serial())) {
            throw new InvalidValueException("replacement", "device " + query.faulty().serial() + " cannot replace itself");
        }
        return REPLACEABLE;
    }

    @Override
    public String toString() {
        return "ReferencePolicy[" + VERSION + "]";
    }

    /** The two texts (either may be null), distinct and in natural order, joined with one space. */
    private static String joinSorted(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    private static String notOnlineReason(String model) {
        return "Model " + model + " cannot be extended online.";
    }

    private static DecisionTrace trace(int key) {
        DecisionTrace trace = TRACES.get(key);
        if (trace == null) {
            trace = new DecisionTrace(VERSION, firedRules(key));
            TRACES.set(key, trace); // racing threads build equal traces; either one may stay
        }
        return trace;
    }

    /** The rules that fire for a device described by the trace key, in the documented order. */
    private static List<String> firedRules(int key) {
        List<String> fired = new ArrayList<>(12);
        fired.add(switch ((key >> START_SHIFT) & 3) {
            case 0 -> START_INSTALLED;
            case 1 -> START_INSTALLED_LATE;
            default -> START_NEVER_INSTALLED;
        });
        fired.add(switch ((key >> CATEGORY_SHIFT) & 3) {
            case 0 -> YEARS_INVERTER;
            case 1 -> YEARS_BATTERY;
            default -> YEARS_ACCESSORY;
        });
        fired.add(TERM);
        Line line = LINES[(key >> LINE_SHIFT) & 7];
        fired.add(line.rule);
        if ((key & EXPIRED) == 0 && line.upgradeYears > 0) {
            fired.add(line.upgradeYears == 1 ? UPGRADE_MEGA : UPGRADE_HYBRID);
        }
        if ((key & EXPIRED) != 0) {
            fired.add(UPGRADE_REFUSED_EXPIRED);
        }
        if (line == Line.OTHER) {
            fired.add(UPGRADE_REFUSED_MODEL);
        }
        if ((key & WINDOW) != 0) {
            fired.add(OFFER_WINDOW);
        }
        if ((key & NOT_UPGRADED) != 0) {
            fired.add(NO_OFFER_NOT_UPGRADED);
        }
        if (!line.onlineExtension) {
            fired.add(NO_OFFER_NOT_ONLINE);
        }
        if ((key & LESS_THAN_6_MONTHS) != 0) {
            fired.add(NO_OFFER_LESS_THAN_6_MONTHS);
        }
        if ((key & WINDOW) != 0 && line.powerClass >= 0) {
            fired.add(PRICE_RULES[line.powerClass]);
            String currency = (key & IN_GB) != 0 ? CURRENCY_GBP : CURRENCY_EUR;
            for (int price : EUR_PRICES[line.powerClass]) {
                if (price >= 0) {
                    fired.add(currency);
                }
            }
        }
        fired.add(TRANSFER);
        fired.add(SCOPE_STANDARD);
        fired.add(SCOPE_UPGRADE);
        // the extension rule fires once per item of the standard scope
        fired.add(SCOPE_EXTENSIONS);
        fired.add(SCOPE_EXTENSIONS);
        if ((key & TRANSPORT) != 0) {
            fired.add(SCOPE_TRANSPORT);
            fired.add(SCOPE_EXTENSIONS);
        }
        return List.copyOf(fired);
    }

    /**
     * The price of a term for a power class, as {@code pricing.drl} lists it: the EUR list price, or in
     * GB 0.85 of it rounded half-up to whole pounds. Empty when the class does not sell that term.
     *
     * @param powerKw the device's power; up to 5, up to 10 and up to 25 kW are priced
     * @param months  60, 120 or 180
     * @param inGb    whether the device is in GB
     * @return the price in EUR, or GBP in GB; empty when the power class does not sell {@code months}
     */
    public static Optional<Money> listPrice(int powerKw, int months, boolean inGb) {
        int powerClass = powerKw <= 5 ? 0 : powerKw <= 10 ? 1 : powerKw <= 25 ? 2 : -1;
        if (powerClass < 0) {
            return Optional.empty();
        }
        for (OfferTerm offer : OFFERS[powerClass][inGb ? 1 : 0][1]) {
            if (offer.months() == months) {
                return Optional.of(offer.price());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<OfferTerm>[][][] buildOffers() {
        List<OfferTerm>[][][] offers = new List[EUR_PRICES.length][2][2];
        for (int powerClass = 0; powerClass < EUR_PRICES.length; powerClass++) {
            for (int scope = 0; scope < 2; scope++) {
                Set<Covered> covers = scope == 1 ? WITH_TRANSPORT : PARTS_AND_LABOUR;
                List<OfferTerm> eur = new ArrayList<>();
                List<OfferTerm> gbp = new ArrayList<>();
                for (int term = 0; term < TERM_MONTHS.length; term++) {
                    int price = EUR_PRICES[powerClass][term];
                    if (price < 0) {
                        continue;
                    }
                    BigDecimal listPrice = BigDecimal.valueOf(price);
                    eur.add(new OfferTerm(TERM_MONTHS[term], Money.of(listPrice, EUR), covers));
                    gbp.add(new OfferTerm(TERM_MONTHS[term],
                            Money.of(listPrice.multiply(GBP_PER_EUR).setScale(0, RoundingMode.HALF_UP), GBP), covers));
                }
                offers[powerClass][0][scope] = List.copyOf(eur);
                offers[powerClass][1][scope] = List.copyOf(gbp);
            }
        }
        return offers;
    }
}
