package org.warrantykit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.spi.CertificateStore;
import org.warrantykit.spi.CodeAttemptLog;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.CoverageLedger;
import org.warrantykit.spi.DeviceRegistry;
import org.warrantykit.spi.OrderStore;
import org.warrantykit.spi.OwnershipStore;
import org.warrantykit.spi.ReplacementStore;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.UpgradeRequestStore;
import org.warrantykit.spi.WarrantyRules;

/**
 * The end-user warranty operations. Thread-safe. A call refused with a {@link WarrantyException}
 * changes nothing; with transactional stores (warranty-jdbc) every operation is one transaction.
 * Build one with {@link #builder()}.
 *
 * <p>Null arguments: a null serial number given as text is an {@link InvalidSerialNumberException}
 * (as a malformed one); any other null argument, a parsed {@link SerialNumber} included, is an
 * {@link InvalidValueException} naming it. No method returns null; absence is an empty
 * {@code Optional} or list. Every method may also throw what the configured stores or rule set throw
 * (e.g. {@code JdbcStoreException}); such a failure of a transactional store leaves nothing written.
 */
public final class WarrantyService {
    private static final Logger LOG = LoggerFactory.getLogger(WarrantyService.class);
    /** Decisions cached by default (see {@link Builder#decisionCache}). */
    public static final int DEFAULT_DECISION_CACHE = 10_000;

    /** The rule set serving decisions: the given one, behind the decision cache when that is on. */
    private volatile WarrantyRules rules;
    /** The rule set as given to the builder or {@link #replaceRules}, without the cache. */
    private volatile WarrantyRules givenRules;
    private final int decisionCache;
    private final BulkViews bulk;
    private final DeviceWarranties warranties;
    private final Upgrades upgrades;
    private final Redemptions redemptions;
    private final CodeIssuer codeIssuer;
    private final Purchases purchases;
    private final Certificates certificates;
    private final Transfers transfers;
    private final Replacements replacements;

    private WarrantyService(Builder builder) {
        this.decisionCache = builder.decisionCache;
        this.givenRules = builder.rules;
        this.rules = cached(builder.rules);
        this.warranties = new DeviceWarranties(() -> rules, builder.devices, builder.clock, builder.ledger,
                builder.upgrades, builder.ownership, builder.replacements);
        this.replacements = new Replacements(warranties, builder.replacements, builder.transactions);
        this.transfers = new Transfers(warranties, builder.ownership, builder.transactions);
        this.bulk = new BulkViews(warranties);
        this.upgrades = new Upgrades(warranties, builder.upgrades, builder.transactions);
        CodeHasher codeHasher = builder.codePepper != null ? new CodeHasher(builder.codePepper)
                : CodeHasher.defaultFor(builder.codeVault);
        this.redemptions = new Redemptions(warranties, builder.codeVault, codeHasher,
                new AttemptLimiter(builder.codeMaxFailures, builder.codeLockoutWindow, builder.clock,
                        builder.codeAttemptLog), builder.transactions);
        this.codeIssuer = new CodeIssuer(builder.codeVault, codeHasher, builder.clock);
        this.purchases = new Purchases(warranties, builder.orders, builder.paymentWindow, builder.transactions);
        this.certificates = new Certificates(warranties, builder.upgrades, builder.certificateStore,
                builder.certificateSigner);
    }

    /** @return a new builder with no rule set, device registry or stores set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rule set serving decisions now, as it was given (without the service's decision cache) */
    public WarrantyRules rules() {
        return givenRules;
    }

    /**
     * Replaces the rule set for all later decisions; decisions already running finish on the
     * old one. Every decision reads the rule set once, so no decision mixes two of them. The new
     * set gets a new, empty decision cache, so no decision of the old set is served after the swap.
     *
     * @param next the new rule set
     * @throws InvalidValueException if {@code next} is null
     */
    public void replaceRules(WarrantyRules next) {
        WarrantyRules previous = rules;
        InvalidValueException.require("rules", next);
        givenRules = next;
        rules = cached(next);
        LOG.info("rule set {} replaced by {}", previous.version(), next.version());
    }

    /** A parsed serial number back as the text the String forms take; a null is refused, naming it. */
    private static String text(SerialNumber serial) {
        return InvalidValueException.require("serial", serial).value();
    }

    private WarrantyRules cached(WarrantyRules given) {
        return decisionCache > 0 ? CachingWarrantyRules.wrap(given, decisionCache) : given;
    }

    /**
     * Claim check for a service desk or an installer: whether a failure on {@code failureDay} is
     * covered, by which line, and what that line pays for (in the upgrade years, parts only under the
     * default policy). Reads only; the host authorizes its desk, so no account is checked.
     *
     * @param serial     the device's serial number as typed
     * @param failureDay the day the device failed; not after today (service clock)
     * @return the answer, with a sentence for the desk
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws InvalidValueException        if {@code failureDay} is null or after today
     * @throws UnknownDeviceException       if no device has this serial number
     */
    public ClaimCheck claimCheck(String serial, LocalDate failureDay) {
        SerialNumber sn = SerialNumber.parse(serial);
        InvalidValueException.require("failureDay", failureDay);
        LocalDate today = warranties.today();
        if (failureDay.isAfter(today)) {
            throw new InvalidValueException("failureDay", "a claim is for a failure that happened; " + failureDay
                    + " is after today, " + today);
        }
        DeviceWarranties.Snapshot snapshot = warranties.snapshot(warranties.device(sn), rules, today);
        return ClaimCheck.of(sn, failureDay, snapshot.view(), snapshot.swaps().replacedBy().map(r -> r.on()));
    }

    /**
     * Public inquiry by serial number: the warranty as it stands today.
     *
     * @param serial the device's serial number as typed (surrounding blanks and case are ignored)
     * @return the device's warranty today (service clock)
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     */
    public WarrantyView inquire(String serial) {
        Device device = warranties.device(SerialNumber.parse(serial));
        return warranties.snapshot(device, rules, warranties.today()).view();
    }

    /**
     * As {@link #inquire(String)}, for a parsed serial number.
     *
     * @param serial the device
     * @return the device's warranty today
     * @throws InvalidValueException  if {@code serial} is null
     * @throws UnknownDeviceException if no device has this serial number
     */
    public WarrantyView inquire(SerialNumber serial) {
        return inquire(text(serial));
    }

    /**
     * {@link #inquire} for many serial numbers, in order: decided lazily in batches of 1,000 per
     * rule-set call (one engine session each), through the decision cache. Fails like
     * {@code inquire} at the first malformed or unknown serial number; close the stream to close
     * {@code serials}.
     *
     * @param serials serial numbers as typed; read as the result is consumed
     * @return the views, one per serial number in order (a repeated serial number repeats its view)
     * @throws InvalidValueException if {@code serials} is null
     * @throws InvalidSerialNumberException while consuming, at a null or malformed serial number
     * @throws UnknownDeviceException       while consuming, at an unknown serial number
     */
    public Stream<WarrantyView> inquireAll(Stream<String> serials) {
        return bulk.inquireAll(InvalidValueException.require("serials", serials), rules);
    }

    /**
     * Recomputes the warranty of every device in the registry, as of today, and hands each view
     * to {@code sink} on the calling thread, in registry order. Devices are streamed from
     * {@link DeviceRegistry#all()} in batches of 1,000 per rule-set call, decided on up to
     * {@code parallelism} worker threads, so only a few batches are held at once; the decision
     * cache is bypassed (a full sweep would only evict the hot entries). Returns the device count.
     *
     * @param sink        receives each view on the calling thread; an exception it throws ends the sweep
     * @param parallelism worker threads deciding batches, at least 1 (1 decides on the calling thread)
     * @return how many views were handed to {@code sink}
     * @throws InvalidValueException if {@code sink} is null or {@code parallelism} is below 1
     * @throws IllegalStateException if the calling thread is interrupted while waiting for a batch
     */
    public long recomputeAll(Consumer<? super WarrantyView> sink, int parallelism) {
        InvalidValueException.require("sink", sink);
        if (parallelism < 1) {
            throw new InvalidValueException("parallelism", "must be at least 1, was " + parallelism);
        }
        return bulk.recomputeAll(givenRules, sink, parallelism);
    }

    /**
     * {@link #recomputeAll(Consumer, int)} on one worker per available processor.
     *
     * @param sink receives each view on the calling thread
     * @return how many views were handed to {@code sink}
     * @throws InvalidValueException if {@code sink} is null
     */
    public long recomputeAll(Consumer<? super WarrantyView> sink) {
        return recomputeAll(sink, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The owner asks for the free upgrade. Applied at once when the device is online and
     * eligible; stored and applied by {@link #deviceOnline} when it is not online yet. Asking
     * again never stacks.
     *
     * @param account the authenticated owner
     * @param serial  the device's serial number as typed (surrounding blanks and case are ignored)
     * @return UPGRADED, PENDING_ONLINE or NOT_ELIGIBLE, with a reason for the owner and the view after
     * @throws InvalidValueException        if {@code account} is null
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     * @throws AccessDeniedException        when the account does not own the device
     * @throws ConcurrentUpdateException    if the device kept changing under concurrent writes
     */
    public UpgradeResult requestUpgrade(AccountId account, String serial) {
        return upgrades.request(account, serial);
    }

    /**
     * As {@link #requestUpgrade(AccountId, String)}, for a parsed serial number.
     *
     * @param account the authenticated owner
     * @param serial  the device
     * @return as {@link #requestUpgrade(AccountId, String)}
     * @throws InvalidValueException if {@code serial} or {@code account} is null; otherwise as
     *                               {@link #requestUpgrade(AccountId, String)}
     */
    public UpgradeResult requestUpgrade(AccountId account, SerialNumber serial) {
        return requestUpgrade(account, text(serial));
    }

    /**
     * The host reports that a device sent data. Records the first online time and applies a
     * pending upgrade request, if any, on the later of the request day and this day.
     *
     * @param serial the device's serial number as typed
     * @param at     when the device sent data; at most a day ahead of the service clock
     * @throws InvalidValueException        if {@code at} is null or more than a day in the future
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     * @throws ConcurrentUpdateException    if the device kept changing under concurrent writes
     */
    public void deviceOnline(String serial, Instant at) {
        upgrades.deviceOnline(serial, at);
    }

    /**
     * As {@link #deviceOnline(String, Instant)}, for a parsed serial number.
     *
     * @param serial the device
     * @param at     when the device sent data
     * @throws InvalidValueException if {@code serial} is null; otherwise as {@link #deviceOnline(String, Instant)}
     */
    public void deviceOnline(SerialNumber serial, Instant at) {
        deviceOnline(text(serial), at);
    }

    /**
     * "Edit": the owner enters an extended-warranty code ({@code XXXX-XXXX-XXXX-XXXX}, from an
     * offline sale) or a promotion code (e.g. {@code SUMMER25}, any case). An extension code adds an
     * EXTENSION of its batch's years, a promotion its PROMOTION months (and, if the campaign says
     * so, the free upgrade the device missed), each starting the day after the current end. The
     * view's trace names the rules that accepted the code.
     *
     * <p>Each extension code is used once, each promotion once per device and never beyond its
     * limit, also under concurrency. Refused attempts count per account: after
     * {@link Builder#codeLockout 5 within 15 minutes} (default) further attempts are LOCKED_OUT
     * until the window has passed.
     *
     * @param account the authenticated owner
     * @param serial  the device's serial number as typed (surrounding blanks and case are ignored)
     * @param code    the code as typed (any case, dashes or spaces between the groups optional)
     * @return the warranty after the grant; its trace is the code decision's
     * @throws InvalidValueException        if {@code account} is null
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed (counts toward the lockout)
     * @throws UnknownDeviceException       if no device has this serial number (counts toward the lockout)
     * @throws AccessDeniedException  when the account does not own the device (counts toward the lockout)
     * @throws ConcurrentUpdateException    if the device kept changing under concurrent writes
     * @throws CodeRejectedException  with {@link CodeRejectedException#reason()} MALFORMED, UNKNOWN,
     *                                ALREADY_USED, EXPIRED, NOT_APPLICABLE (naming the refusing rule) or
     *                                LOCKED_OUT; nothing was granted or used up. A null or blank
     *                                {@code code} is MALFORMED.
     */
    public WarrantyView redeem(AccountId account, String serial, String code) {
        return redemptions.redeem(account, serial, code);
    }

    /**
     * As {@link #redeem(AccountId, String, String)}, for a parsed serial number.
     *
     * @param account the authenticated owner
     * @param serial  the device
     * @param code    the code as typed
     * @return as {@link #redeem(AccountId, String, String)}
     * @throws InvalidValueException if {@code serial} is null (this refusal does not count toward the
     *                               lockout); otherwise as {@link #redeem(AccountId, String, String)}
     */
    public WarrantyView redeem(AccountId account, SerialNumber serial, String code) {
        return redeem(account, text(serial), code);
    }

    /** @return the back office: issues extension-code batches and registers promotion campaigns */
    public CodeIssuer codeIssuer() {
        return codeIssuer;
    }

    /**
     * Dashboard: every device the account owns, by serial number, decided in one batch.
     *
     * @param account the authenticated account
     * @return the views of its devices ordered by serial number; empty when it owns none
     * @throws InvalidValueException if {@code account} is null
     */
    public List<WarrantyView> devices(AccountId account) {
        InvalidValueException.require("account", account);
        List<Device> owned = warranties.ownedBy(account);
        return warranties.snapshots(owned, rules, warranties.today()).stream()
                .map(DeviceWarranties.Snapshot::view).toList();
    }

    /**
     * Inquiry as of a day: the coverages recorded up to the end of {@code date} (in the service
     * clock's zone), with the state, actions and policy decision of that day. Before the first grant
     * was recorded this is the computed standard warranty, as {@link #inquire} showed it then.
     *
     * @param serial the device's serial number as typed
     * @param date   the day, on the service clock's zone
     * @return the warranty as it stood at the end of {@code date}
     * @throws InvalidValueException        if {@code date} is null
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     */
    public WarrantyView inquireAsOf(String serial, LocalDate date) {
        SupportedDates.require("date", date);
        Device device = warranties.device(SerialNumber.parse(serial));
        return warranties.snapshotAsOf(device, rules, date).view();
    }

    /**
     * As {@link #inquireAsOf(String, LocalDate)}, for a parsed serial number.
     *
     * @param serial the device
     * @param date   the day, on the service clock's zone
     * @return as {@link #inquireAsOf(String, LocalDate)}
     * @throws InvalidValueException if {@code serial} is null; otherwise as {@link #inquireAsOf(String, LocalDate)}
     */
    public WarrantyView inquireAsOf(SerialNumber serial, LocalDate date) {
        return inquireAsOf(text(serial), date);
    }

    /**
     * The warranty follows the device (house sale): moves the device from its current owner
     * {@code from} to {@code to}, coverage intact; {@code to} then sees it in {@link #devices} and may
     * act on it, {@code from} no longer. Recorded in the {@link Builder#ownership ownership store},
     * as the device registry is read-only. Transferring to the current owner changes nothing. The
     * policy decides whether the warranty may pass to a new owner ({@code transfer.drl}); the default
     * lets it follow the device everywhere.
     *
     * @param serial the device's serial number as typed
     * @param from   the current owner
     * @param to     the new owner
     * @return the warranty as it stands after the transfer
     * @throws InvalidValueException        if {@code from} or {@code to} is null
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     * @throws AccessDeniedException when {@code from} is not the device's current owner
     * @throws TransferRefusedException     if the policy keeps the warranty with its current owner
     * @throws ConcurrentUpdateException    if the owner kept changing under concurrent transfers
     */
    public WarrantyView transferOwnership(String serial, AccountId from, AccountId to) {
        return transfers.transfer(serial, from, to);
    }

    /**
     * Records a device swap (RMA, back office): from {@code on}, {@code replacementSerial} carries what
     * was left of {@code faultySerial}'s warranty, the same lines with their kinds, sources and scopes,
     * the one in force cut to start on {@code on}; it belongs to the faulty unit's owner and its view
     * names the unit it {@linkplain WarrantyView#replaces() replaces}. The faulty unit becomes
     * {@link WarrantyState#REPLACED}: its warranty ends the day before, its view names its
     * {@linkplain WarrantyView#replacedBy() replacement}, and codes, purchases, upgrades, certificates
     * and transfers for it are refused with a {@link DeviceReplacedException}. A replacement may be
     * replaced in turn. An order of the faulty unit still awaiting payment extends the replacement once
     * paid. No account is checked: the host authorizes its back office.
     *
     * @param faultySerial      the unit taken out of service, as typed
     * @param replacementSerial the unit put in its place, as typed; in the supply data, of the same category,
     *                          with nothing granted, never replaced and never used as a replacement
     * @param on                the day of the swap: not after today, within the faulty unit's warranty and
     *                          after its first day
     * @return the replacement's warranty as it stands afterwards
     * @throws InvalidSerialNumberException if a serial number is null or malformed
     * @throws InvalidValueException        if {@code on} is null, unsupported or after today
     * @throws UnknownDeviceException       if either device is not in the supply data
     * @throws ReplacementRefusedException  if the swap is not possible or the policy refuses it; nothing changed
     * @throws ConcurrentUpdateException    if the devices kept changing under concurrent calls
     */
    public WarrantyView replaceDevice(String faultySerial, String replacementSerial, LocalDate on) {
        return replacements.replace(faultySerial, replacementSerial, on);
    }

    /**
     * As {@link #transferOwnership(String, AccountId, AccountId)}, for a parsed serial number.
     *
     * @param serial the device
     * @param from   the current owner
     * @param to     the new owner
     * @return as {@link #transferOwnership(String, AccountId, AccountId)}
     * @throws InvalidValueException if {@code serial} is null; otherwise as
     *                               {@link #transferOwnership(String, AccountId, AccountId)}
     */
    public WarrantyView transferOwnership(SerialNumber serial, AccountId from, AccountId to) {
        return transferOwnership(text(serial), from, to);
    }

    /**
     * The account's devices whose warranty is still running but ends within {@code within}.
     *
     * @param account the authenticated account
     * @param within  how far ahead of today to look, not negative ({@code Period.ZERO}: ending today)
     * @return those devices' views, ordered by serial number; empty when none
     * @throws InvalidValueException if an argument is null, {@code within} is negative or reaches past
     *                               the last representable date
     */
    public List<WarrantyView> expiringWithin(AccountId account, Period within) {
        InvalidValueException.require("within", within);
        if (within.isNegative()) {
            throw new InvalidValueException("within", "must not be negative, was " + within);
        }
        LocalDate horizon;
        try {
            horizon = warranties.today().plus(within);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValueException("within", within + " reaches past the last representable date");
        }
        return devices(account).stream()
                .filter(v -> v.state() != WarrantyState.EXPIRED && v.state() != WarrantyState.REPLACED
                        && !v.end().isAfter(horizon))
                .toList();
    }

    /**
     * The extensions the owner can buy for the device now, by ascending term; empty (not an error)
     * when there are none, and then the device's {@code actions()} lack BUY_EXTENSION.
     *
     * @param account the authenticated owner
     * @param serial  the device's serial number as typed (surrounding blanks and case are ignored)
     * @return the offers, by ascending term; empty when there are none
     * @throws InvalidValueException        if {@code account} is null
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws UnknownDeviceException       if no device has this serial number
     * @throws AccessDeniedException when the account does not own the device
     */
    public List<ExtensionOffer> offers(AccountId account, String serial) {
        return purchases.offers(account, serial);
    }

    /**
     * As {@link #offers(AccountId, String)}, for a parsed serial number.
     *
     * @param account the authenticated owner
     * @param serial  the device
     * @return as {@link #offers(AccountId, String)}
     * @throws InvalidValueException if {@code serial} is null; otherwise as {@link #offers(AccountId, String)}
     */
    public List<ExtensionOffer> offers(AccountId account, SerialNumber serial) {
        return offers(account, text(serial));
    }

    /**
     * Orders one extension for one device; see {@link #purchase(AccountId, List, String)}.
     *
     * @param account        the authenticated owner
     * @param serial         the device's serial number as typed
     * @param offerId        an id from {@link #offers}, e.g. {@code "EXT-60M"} (any case)
     * @param idempotencyKey the client's key for this purchase, 1 to 255 characters
     * @return the order, PENDING_PAYMENT (or the one this key placed before)
     * @throws InvalidSerialNumberException if {@code serial} is null or malformed
     * @throws InvalidValueException        if {@code offerId} is null or blank; otherwise as
     *                                      {@link #purchase(AccountId, List, String)}
     */
    public Order purchase(AccountId account, String serial, String offerId, String idempotencyKey) {
        return purchase(account, List.of(OfferSelection.of(serial, offerId)), idempotencyKey);
    }

    /**
     * As {@link #purchase(AccountId, String, String, String)}, for a parsed serial number.
     *
     * @param account        the authenticated owner
     * @param serial         the device
     * @param offerId        an id from {@link #offers}
     * @param idempotencyKey the client's key for this purchase
     * @return as {@link #purchase(AccountId, String, String, String)}
     * @throws InvalidValueException if {@code serial} is null; otherwise as
     *                               {@link #purchase(AccountId, String, String, String)}
     */
    public Order purchase(AccountId account, SerialNumber serial, String offerId, String idempotencyKey) {
        return purchase(account, text(serial), offerId, idempotencyKey);
    }

    /**
     * Places an order for extensions of one or more of the account's devices, in one currency,
     * with each price locked now and a payment window from now. The idempotency key is scoped to the
     * account: the same key returns the order it placed first (whatever its state now), never a
     * second one, also under concurrency; reusing it for a different request is refused.
     *
     * @param account        the authenticated owner
     * @param selections     the devices and the offer chosen for each, at least one, no device twice
     * @param idempotencyKey the client's key for this purchase: 1 to 255 characters, not blank, no
     *                       control characters
     * @return the order, PENDING_PAYMENT (or the one this key placed before, in whatever state)
     * @throws InvalidValueException     if {@code account}, {@code selections} or a selection is null,
     *                                   or the key is null, blank, too long or has control characters
     * @throws InvalidSerialNumberException if a selection's serial number is malformed
     * @throws UnknownDeviceException    if no device has one of the serial numbers
     * @throws AccessDeniedException     when a device is not the account's
     * @throws OfferUnavailableException when a device has no such offer now (the message says why)
     * @throws InvalidOrderException     no devices, a device twice, mixed currencies, key reused
     */
    public Order purchase(AccountId account, List<OfferSelection> selections, String idempotencyKey) {
        return purchases.purchase(account, selections, idempotencyKey);
    }

    /**
     * The host confirms that the order was paid (after its payment provider said so): the order
     * becomes PAID and each line's EXTENSION is appended, starting the day after the device's end at
     * that moment. Exactly once: confirming again with the same reference returns the paid order
     * and applies nothing twice; if a confirmation failed after recording the payment, confirming
     * again completes it.
     *
     * @param orderId          the order
     * @param paymentReference the payment provider's id of the payment: 1 to 255 characters, not blank,
     *                         no control characters
     * @return the order, PAID
     * @throws InvalidValueException if an argument is null, or the reference is blank, too long or has
     *                               control characters
     * @throws UnknownOrderException when no order has this id
     * @throws OrderStateException   when the order is cancelled, expired, past its payment window or
     *                               paid under another reference
     * @throws ConcurrentUpdateException if a device of the order kept changing under concurrent writes
     */
    public Order confirmPayment(OrderId orderId, String paymentReference) {
        return purchases.confirmPayment(orderId, paymentReference);
    }

    /**
     * As {@link #confirmPayment(OrderId, String)}, for an order id as text (surrounding blanks are ignored).
     *
     * @param orderId          the order id as text
     * @param paymentReference the payment provider's id of the payment
     * @return as {@link #confirmPayment(OrderId, String)}
     * @throws InvalidValueException if {@code orderId} is null or not an order id; otherwise as
     *                               {@link #confirmPayment(OrderId, String)}
     */
    public Order confirmPayment(String orderId, String paymentReference) {
        return confirmPayment(OrderId.parse(orderId), paymentReference);
    }

    /**
     * Cancels a pending order; cancelling an already cancelled order returns it unchanged.
     *
     * @param account the authenticated account that placed the order
     * @param orderId the order
     * @return the order, CANCELLED
     * @throws InvalidValueException if an argument is null
     * @throws UnknownOrderException when no order has this id
     * @throws AccessDeniedException when another account placed the order
     * @throws OrderStateException   when the order is paid or expired
     */
    public Order cancel(AccountId account, OrderId orderId) {
        return purchases.cancel(account, orderId);
    }

    /**
     * As {@link #cancel(AccountId, OrderId)}, for an order id as text (surrounding blanks are ignored).
     *
     * @param account the authenticated account that placed the order
     * @param orderId the order id as text
     * @return as {@link #cancel(AccountId, OrderId)}
     * @throws InvalidValueException if {@code orderId} is null or not an order id; otherwise as
     *                               {@link #cancel(AccountId, OrderId)}
     */
    public Order cancel(AccountId account, String orderId) {
        return cancel(account, OrderId.parse(orderId));
    }

    /**
     * Marks every pending order whose payment window closed (on the service's clock) EXPIRED and
     * returns how many; the host calls it on a schedule.
     *
     * @return how many orders this call expired (0 when none was overdue or others expired them first)
     */
    public int expireOverdueOrders() {
        return purchases.expireOverdueOrders();
    }

    /**
     * One of the account's orders, as it stands now.
     *
     * @param account the authenticated account that placed the order
     * @param orderId the order
     * @return the order
     * @throws InvalidValueException if an argument is null
     * @throws UnknownOrderException when no order has this id
     * @throws AccessDeniedException when another account placed it
     */
    public Order order(AccountId account, OrderId orderId) {
        return purchases.order(account, orderId);
    }

    /**
     * As {@link #order(AccountId, OrderId)}, for an order id as text (surrounding blanks are ignored).
     *
     * @param account the authenticated account that placed the order
     * @param orderId the order id as text
     * @return as {@link #order(AccountId, OrderId)}
     * @throws InvalidValueException if {@code orderId} is null or not an order id; otherwise as
     *                               {@link #order(AccountId, OrderId)}
     */
    public Order order(AccountId account, String orderId) {
        return order(account, OrderId.parse(orderId));
    }

    /**
     * The account's orders, oldest first.
     *
     * @param account the authenticated account
     * @return its orders in every state; empty when it placed none
     * @throws InvalidValueException if {@code account} is null
     */
    public List<Order> orders(AccountId account) {
        return purchases.orders(account);
    }

    /**
     * A signed warranty certificate for the owner's upgraded or extended device: every coverage
     * line, a new unique number on each call, recorded in the certificate store. Check it with
     * {@link #certificateVerifier()} or with {@link CertificateVerifier} and the public key alone.
     *
     * @param account the authenticated owner
     * @param serial  the device's serial number as typed (surrounding blanks and case are ignored)
     * @return the signed certificate, already recorded
     * @throws InvalidValueException            if {@code account} is null
     * @throws InvalidSerialNumberException     if {@code serial} is null or malformed
     * @throws UnknownDeviceException           if no device has this serial number
     * @throws AccessDeniedException            when the account does not own the device
     * @throws CertificateUnavailableException when the device has only its standard warranty
     * @throws ConfigurationException           if the signer's first signature does not verify with its
     *                                          own public key
     * @throws ConcurrentUpdateException        if no unused certificate number was drawn in 8 tries
     */
    public Certificate certificate(AccountId account, String serial) {
        return certificates.issue(account, serial);
    }

    /**
     * As {@link #certificate(AccountId, String)}, for a parsed serial number.
     *
     * @param account the authenticated owner
     * @param serial  the device
     * @return as {@link #certificate(AccountId, String)}
     * @throws InvalidValueException if {@code serial} is null; otherwise as {@link #certificate(AccountId, String)}
     */
    public Certificate certificate(AccountId account, SerialNumber serial) {
        return certificate(account, text(serial));
    }

    /**
     * Verifies this service's certificates; holds only the public key of its signer.
     *
     * @return the verifier of the configured signer (or of the demo key, created on first use)
     */
    public CertificateVerifier certificateVerifier() {
        return certificates.verifier();
    }

    /**
     * Assembles a service. Rules, devices and the stores are required: a production service must not
     * fall back to memory by accident. {@code JdbcWarrantyStores.configure(builder, dataSource)} sets
     * the durable stores, {@code InMemoryStores.configure(builder)} the in-memory ones; clock, limits,
     * caches, transactions and the certificate signer have defaults. Every setter refuses null with a
     * {@link ConfigurationException} naming it; a setter called twice keeps the last value. Not
     * thread-safe.
     */
    public static final class Builder {
        /**
         * The longest payment window: a year and a day. Deadlines are instants on the service clock,
         * so an unbounded window would overflow them and break every purchase.
         */
        public static final Duration MAX_PAYMENT_WINDOW = Duration.ofDays(366);
        /** The longest lockout window, 30 days; failures older than it are forgotten. */
        public static final Duration MAX_LOCKOUT_WINDOW = Duration.ofDays(30);

        private WarrantyRules rules;
        private DeviceRegistry devices;
        private Clock clock = Clock.systemUTC();
        private CoverageLedger ledger;
        private UpgradeRequestStore upgrades;
        private CodeVault codeVault;
        private byte[] codePepper;
        private int codeMaxFailures = AttemptLimiter.DEFAULT_MAX_FAILURES;
        private Duration codeLockoutWindow = AttemptLimiter.DEFAULT_WINDOW;
        private CodeAttemptLog codeAttemptLog;
        private OrderStore orders;
        private Duration paymentWindow = Purchases.DEFAULT_PAYMENT_WINDOW;
        private CertificateStore certificateStore;
        private CertificateSigner certificateSigner;
        private OwnershipStore ownership;
        private Transactions transactions = Transactions.none();
        private ReplacementStore replacements;

        private int decisionCache = DEFAULT_DECISION_CACHE;

        private Builder() {
        }

        /**
         * How many policy decisions to cache, keyed by the whole policy query (device facts, day,
         * ledger state) per rule set; a rule swap starts an empty cache. 0 turns the cache off.
         * Default {@value WarrantyService#DEFAULT_DECISION_CACHE}. Needs a deterministic rule set,
         * which the {@link WarrantyRules} port requires anyway.
         *
         * @param maxEntries the bound, or 0 for no cache
         * @return this builder
         * @throws ConfigurationException if {@code maxEntries} is negative
         */
        public Builder decisionCache(int maxEntries) {
            if (maxEntries < 0) {
                throw new ConfigurationException("decisionCache must be 0 (off) or positive, was " + maxEntries);
            }
            this.decisionCache = maxEntries;
            return this;
        }

        /**
         * The rule set every decision comes from (required), e.g. {@code DroolsWarrantyRules.defaults()}.
         *
         * @param rules the rule set
         * @return this builder
         * @throws ConfigurationException if {@code rules} is null
         */
        public Builder rules(WarrantyRules rules) {
            this.rules = ConfigurationException.require("rules", rules);
            return this;
        }

        /**
         * The supply data the devices are looked up in (required); the service only reads it.
         *
         * @param devices the device registry
         * @return this builder
         * @throws ConfigurationException if {@code devices} is null
         */
        public Builder devices(DeviceRegistry devices) {
            this.devices = ConfigurationException.require("devices", devices);
            return this;
        }

        /**
         * The clock every date and deadline is measured on; default system UTC.
         *
         * @param clock the clock; its zone decides which day an instant falls on
         * @return this builder
         * @throws ConfigurationException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = ConfigurationException.require("clock", clock);
            return this;
        }

        /**
         * Where each device's grants are appended (required).
         *
         * @param ledger the coverage ledger
         * @return this builder
         * @throws ConfigurationException if {@code ledger} is null
         */
        public Builder ledger(CoverageLedger ledger) {
            this.ledger = ConfigurationException.require("ledger", ledger);
            return this;
        }

        /**
         * Where pending upgrade requests and online observations are kept (required).
         *
         * @param upgrades the upgrade request store
         * @return this builder
         * @throws ConfigurationException if {@code upgrades} is null
         */
        public Builder upgradeRequests(UpgradeRequestStore upgrades) {
            this.upgrades = ConfigurationException.require("upgradeRequests", upgrades);
            return this;
        }

        /**
         * Where extension-code batches (keyed hashes only) and promotion campaigns are kept. A
         * {@linkplain CodeVault#durable() durable} vault needs {@link #codePepper}. Required.
         *
         * @param vault the code vault
         * @return this builder
         * @throws ConfigurationException if {@code vault} is null
         */
        public Builder codeVault(CodeVault vault) {
            this.codeVault = ConfigurationException.require("codeVault", vault);
            return this;
        }

        /**
         * The secret key (at least 16 bytes; 32 random bytes recommended) for the HMAC-SHA256 under
         * which extension codes are stored. Keep it outside the code vault's database, so a leaked
         * vault reveals no usable code, and keep it stable, or issued codes stop working. Default: a
         * random key per service instance, which suits only a vault that is not
         * {@linkplain CodeVault#durable() durable}; a durable vault without a pepper is refused at build.
         *
         * @param key the secret key; copied
         * @return this builder
         * @throws ConfigurationException if {@code key} is null or shorter than 16 bytes
         */
        public Builder codePepper(byte[] key) {
            ConfigurationException.require("codePepper", key);
            if (key.length < CodeHasher.MIN_KEY_BYTES) {
                throw new ConfigurationException("codePepper must be at least " + CodeHasher.MIN_KEY_BYTES
                        + " bytes (32 random bytes recommended), was " + key.length);
            }
            this.codePepper = key.clone();
            return this;
        }

        /**
         * Lockout against guessing codes: after {@code maxFailures} refused codes by one account within
         * {@code window} (on the service's clock), its further attempts are LOCKED_OUT until the oldest
         * of those failures is {@code window} old. Default 5 within 15 minutes.
         *
         * @param maxFailures refused codes allowed within the window, at least 1
         * @param window      the sliding window, positive
         * @return this builder
         * @throws ConfigurationException if {@code window} is null, not positive or longer than
         *                                {@link #MAX_LOCKOUT_WINDOW}, or {@code maxFailures} is below 1
         */
        public Builder codeLockout(int maxFailures, Duration window) {
            ConfigurationException.require("window", window);
            if (maxFailures < 1 || window.isNegative() || window.isZero() || window.compareTo(MAX_LOCKOUT_WINDOW) > 0) {
                throw new ConfigurationException("codeLockout needs at least 1 failure and a positive window of at "
                        + "most " + MAX_LOCKOUT_WINDOW.toDays() + " days, was " + maxFailures + " within " + window);
            }
            this.codeMaxFailures = maxFailures;
            this.codeLockoutWindow = window;
            return this;
        }

        /**
         * Where failed code attempts are counted for {@link #codeLockout}. An in-memory log
         * counts per service instance; instances sharing one log (e.g.
         * {@code JdbcWarrantyStores.codeAttempts(dataSource)}) share the lockout. Required.
         *
         * @param log the attempt log
         * @return this builder
         * @throws ConfigurationException if {@code log} is null
         */
        public Builder codeAttemptLog(CodeAttemptLog log) {
            this.codeAttemptLog = ConfigurationException.require("codeAttemptLog", log);
            return this;
        }

        /**
         * Where owner changes made by {@link WarrantyService#transferOwnership} are kept (required).
         *
         * @param ownership the ownership store
         * @return this builder
         * @throws ConfigurationException if {@code ownership} is null
         */
        public Builder ownership(OwnershipStore ownership) {
            this.ownership = ConfigurationException.require("ownership", ownership);
            return this;
        }

        /**
         * Where device swaps made by {@link WarrantyService#replaceDevice} are kept (required).
         *
         * @param replacements the replacement store
         * @return this builder
         * @throws ConfigurationException if {@code replacements} is null
         */
        public Builder replacements(ReplacementStore replacements) {
            this.replacements = ConfigurationException.require("replacements", replacements);
            return this;
        }

        /**
         * Makes each service operation one unit of work across the stores (see
         * {@link Transactions}); {@code JdbcWarrantyStores.configure} sets the
         * database's. Default {@link Transactions#none()}: in-memory stores have
         * no rollback across stores, and the service's compensations keep them consistent.
         *
         * @param transactions how operations become units of work
         * @return this builder
         * @throws ConfigurationException if {@code transactions} is null
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = ConfigurationException.require("transactions", transactions);
            return this;
        }

        /**
         * Where extension orders are kept (required).
         *
         * @param orders the order store
         * @return this builder
         * @throws ConfigurationException if {@code orders} is null
         */
        public Builder orders(OrderStore orders) {
            this.orders = ConfigurationException.require("orders", orders);
            return this;
        }

        /**
         * How long an order may stay unpaid, measured on the service's clock; default 7 days.
         *
         * @param window the payment window, positive
         * @return this builder
         * @throws ConfigurationException if {@code window} is null, not positive or longer than
         *                                {@link #MAX_PAYMENT_WINDOW}
         */
        public Builder paymentWindow(Duration window) {
            ConfigurationException.require("paymentWindow", window);
            if (window.isNegative() || window.isZero() || window.compareTo(MAX_PAYMENT_WINDOW) > 0) {
                throw new ConfigurationException("paymentWindow must be positive and at most "
                        + MAX_PAYMENT_WINDOW.toDays() + " days, was " + window);
            }
            this.paymentWindow = window;
            return this;
        }

        /**
         * Signs certificates; in production the maker's Ed25519 key, e.g.
         * {@code CertificateSigner.ed25519(keyPair)}. Default: a key generated per service instance,
         * for demos only (its certificates cannot be verified once the service is gone).
         *
         * @param signer the signer; checked at {@link #build()}
         * @return this builder
         * @throws ConfigurationException if {@code signer} is null
         */
        public Builder certificateSigner(CertificateSigner signer) {
            this.certificateSigner = ConfigurationException.require("certificateSigner", signer);
            return this;
        }

        /**
         * Records issued certificates so a number is never reused (required).
         *
         * @param store the certificate store
         * @return this builder
         * @throws ConfigurationException if {@code store} is null
         */
        public Builder certificateStore(CertificateStore store) {
            this.certificateStore = ConfigurationException.require("certificateStore", store);
            return this;
        }

        /**
         * Builds the service. The builder may be used again afterwards; the service does not see later changes.
         *
         * @return a new service
         * @throws ConfigurationException if the rule set, the device registry or a store is not set, a
         *                                {@linkplain CodeVault#durable() durable} code vault has no
         *                                {@link #codePepper}, or the certificate signer's key is not
         *                                Ed25519 or its key id does not match its public key
         */
        public WarrantyService build() {
            if (rules == null) {
                throw new ConfigurationException("WarrantyService needs rules(...): e.g. DroolsWarrantyRules.defaults()");
            }
            if (devices == null) {
                throw new ConfigurationException("WarrantyService needs devices(...): e.g. InMemoryDeviceRegistry.fromCsv(path)");
            }
            List<String> missing = new ArrayList<>();
            addIfMissing(missing, ledger, "ledger");
            addIfMissing(missing, upgrades, "upgradeRequests");
            addIfMissing(missing, codeVault, "codeVault");
            addIfMissing(missing, codeAttemptLog, "codeAttemptLog");
            addIfMissing(missing, orders, "orders");
            addIfMissing(missing, certificateStore, "certificateStore");
            addIfMissing(missing, ownership, "ownership");
            addIfMissing(missing, replacements, "replacements");
            if (!missing.isEmpty()) {
                throw new ConfigurationException("WarrantyService needs its stores: " + String.join("(...), ", missing)
                        + "(...) not set. Durable stores: JdbcWarrantyStores.configure(builder, dataSource); "
                        + "for tests and demos: InMemoryStores.configure(builder)");
            }
            return new WarrantyService(this);
        }

        private static void addIfMissing(List<String> missing, Object store, String setter) {
            if (store == null) {
                missing.add(setter);
            }
        }
    }
}
