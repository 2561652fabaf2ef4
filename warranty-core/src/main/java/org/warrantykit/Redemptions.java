package org.warrantykit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warrantykit.CodeRejectedException.Reason;
import org.warrantykit.DeviceWarranties.Snapshot;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.CodeUse;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.LedgerEntry;
import org.warrantykit.spi.StoredCode;
import org.warrantykit.spi.Transactions;
import org.warrantykit.spi.WarrantyRules;

/**
 * "Edit": an owner enters an extension code or a promotion code for a device.
 *
 * <p>Checks run cheapest first and stop at the first refusal: the account's lockout, the code's
 * shape and check character (MALFORMED, no look-up), existence (UNKNOWN), use (ALREADY_USED), expiry
 * or validity window (EXPIRED), then the rule set (NOT_APPLICABLE, naming the rule). Every refusal
 * but LOCKED_OUT counts toward the lockout.
 *
 * <p>Exactly once: the code is claimed (or the campaign redemption reserved) in the vault by one
 * compare-and-set before the grant is appended to the ledger with optimistic retries. When the
 * append cannot be made, the claim is given back, so a code is either used and granted or neither.
 * Only when the ledger store fails in a way that leaves it unknown whether the grant was written is
 * the claim kept (at most once; the claim records device, account and time for reconciliation).
 *
 * <p>Each redemption runs as one {@link Transactions unit of work}: with durable stores the claim (or
 * reservation) and the grant commit together or not at all, so a crash or a failure between them
 * leaves neither behind; the give-back above is then only what in-memory stores rely on.
 */
final class Redemptions {
    private static final Logger LOG = LoggerFactory.getLogger(Redemptions.class);

    private final DeviceWarranties warranties;
    private final CodeVault vault;
    private final CodeHasher hasher;
    private final AttemptLimiter limiter;
    private final Transactions transactions;

    Redemptions(DeviceWarranties warranties, CodeVault vault, CodeHasher hasher, AttemptLimiter limiter,
                Transactions transactions) {
        this.warranties = warranties;
        this.vault = vault;
        this.hasher = hasher;
        this.limiter = limiter;
        this.transactions = transactions;
    }

    /**
     * One attempt at the grant: the snapshot it appends to, the decision that allows it, the entries
     * and the view once they are appended, all decided before anything is written.
     */
    private record Applied(Snapshot before, CodeDecision decision, List<LedgerEntry> added, WarrantyView after) {
    }

    /** The ledger store failed and re-reading could not tell whether the grant was written. */
    private static final class OutcomeUnknown extends RuntimeException {
        OutcomeUnknown(RuntimeException cause) {
            super(cause);
        }
    }

    WarrantyView redeem(AccountId account, String serial, String code) {
        InvalidValueException.require("account", account);
        // Admitted before anything else: a failed attempt of any reason the caller controls (bad
        // serial, someone else's device, a refused code) counts toward the lockout.
        AttemptLimiter.Permit permit = limiter.admit(account);
        try {
            Device owned = warranties.ownedDevice(account, serial);
            CodeFormat.Parsed parsed = CodeFormat.parse(code);
            WarrantyView view = transactions.inTransaction(() -> parsed instanceof CodeFormat.ExtensionText extension
                    ? redeemExtension(account, owned.serial(), extension)
                    : redeemCampaign(account, owned.serial(), (CodeFormat.CampaignText) parsed));
            permit.release();
            return view;
        } catch (CodeRejectedException | InvalidSerialNumberException | UnknownDeviceException
                 | AccessDeniedException | InvalidValueException e) {
            permit.failed();
            LOG.debug("redeem refused for account {} on {}: {}", account, serial, e.getMessage());
            throw e;
        } finally {
            permit.release(); // no effect when the outcome was reported above
        }
    }

    private WarrantyView redeemExtension(AccountId account, SerialNumber sn, CodeFormat.ExtensionText text) {
        String hash = hasher.hash(text.compact());
        Optional<StoredCode> found = vault.code(hash);
        Optional<CodeBatch> batchOf = found.flatMap(c -> vault.batch(c.batchId()));
        if (found.isEmpty() || batchOf.isEmpty()) {
            throw reject(Reason.UNKNOWN, "No extension code like this was issued; please compare it with your "
                    + "voucher.");
        }
        StoredCode stored = found.get();
        CodeBatch batch = batchOf.get();
        if (stored.used()) {
            throw reject(Reason.ALREADY_USED, "This extension code was redeemed already, on "
                    + warranties.dayOf(stored.use().get().at()) + "; each code can be used once.");
        }
        LocalDate today = warranties.today();
        if (today.isAfter(batch.expiresOn())) {
            throw reject(Reason.EXPIRED, "This extension code expired on " + batch.expiresOn()
                    + "; it could be redeemed until that day.");
        }
        WarrantyRules policy = warranties.rules();
        Function<Snapshot, CodeQuery> query = at -> CodeQuery.extension(at.device(), today, at.upgraded(),
                at.view().end(), batch).inZone(warranties.clock().getZone());
        BiFunction<Snapshot, CodeDecision, List<LedgerEntry>> entries = (at, allowed) ->
                warranties.grant(at, CoverageKind.EXTENSION, batch.years() * 12, batch.source(),
                        scope(allowed, CoverageKind.EXTENSION, policy), allowed.trace());
        // Everything the policy decides comes before the claim, so a failing rule set leaves the code unused.
        Applied first = attempt(policy, sn, today, warranties.snapshot(warranties.device(sn), policy, today), query,
                entries);

        CodeUse use = new CodeUse(sn, account, warranties.clock().instant());
        if (!vault.claim(hash, use)) {
            throw reject(Reason.ALREADY_USED, "This extension code was redeemed already; each code can be used once.");
        }
        Applied applied;
        try {
            applied = apply(sn, policy, today, first, query, entries);
        } catch (OutcomeUnknown e) {
            LOG.error("ledger failed while granting {} to {}; the code stays claimed by {} for reconciliation",
                    batch.source(), sn, use, e.getCause());
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            vault.release(hash, use);
            throw e;
        }
        LOG.info("device {} redeemed a code of {} ({} +{} y) for {}", sn, batch.id(), batch.model(), batch.years(),
                account);
        return applied.after();
    }

    private WarrantyView redeemCampaign(AccountId account, SerialNumber sn, CodeFormat.CampaignText text) {
        String code = text.code();
        Optional<Campaign> found = vault.campaign(code);
        if (found.isEmpty()) {
            throw reject(Reason.UNKNOWN, "There is no promotion with code " + code + "; please check the code. "
                    + "(Extension codes look like XXXX-XXXX-XXXX-XXXX.)");
        }
        Campaign campaign = found.get();
        Optional<CodeUse> earlier = vault.campaignUse(code, sn);
        if (earlier.isPresent()) {
            throw alreadyRedeemed(campaign, sn, Optional.of(warranties.dayOf(earlier.get().at())));
        }
        if (vault.redemptions(code) >= campaign.redemptionLimit()) {
            throw fullyRedeemed(campaign);
        }
        LocalDate today = warranties.today();
        if (today.isBefore(campaign.validFrom())) {
            throw reject(Reason.EXPIRED, "Promotion " + code + " can be redeemed from " + campaign.validFrom()
                    + " to " + campaign.validUntil() + "; it has not started yet.");
        }
        if (today.isAfter(campaign.validUntil())) {
            throw reject(Reason.EXPIRED, "Promotion " + code + " ended on " + campaign.validUntil() + ".");
        }
        WarrantyRules policy = warranties.rules();
        Function<Snapshot, CodeQuery> query = at -> CodeQuery.campaign(at.device(), today, at.upgraded(),
                at.view().end(), campaign).inZone(warranties.clock().getZone());
        BiFunction<Snapshot, CodeDecision, List<LedgerEntry>> entries = (at, allowed) ->
                campaignEntries(at, campaign, allowed, policy);
        // Decided before reserving: a failing rule set, or nothing to grant, leaves the campaign untouched.
        Applied first = attempt(policy, sn, today, warranties.snapshot(warranties.device(sn), policy, today), query,
                entries);

        CodeUse use = new CodeUse(sn, account, warranties.clock().instant());
        switch (vault.reserve(code, use)) {
            case RESERVED -> {
            }
            case DEVICE_ALREADY_REDEEMED -> throw alreadyRedeemed(campaign, sn, Optional.empty());
            case LIMIT_REACHED -> throw fullyRedeemed(campaign);
            case UNKNOWN_CAMPAIGN -> throw reject(Reason.UNKNOWN, "There is no promotion with code " + code + ".");
        }
        Applied applied;
        try {
            applied = apply(sn, policy, today, first, query, entries);
        } catch (OutcomeUnknown e) {
            LOG.error("ledger failed while granting {} to {}; the redemption stays reserved by {} for reconciliation",
                    campaign.source(), sn, use, e.getCause());
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            vault.unreserve(code, use);
            throw e;
        }
        LOG.info("device {} redeemed promotion {} for {}", sn, code, account);
        return applied.after();
    }

    /**
     * The entries a campaign adds: the missed upgrade first when it grants one and the device has
     * none, then its PROMOTION months, each starting the day after the one before.
     */
    private List<LedgerEntry> campaignEntries(Snapshot at, Campaign campaign, CodeDecision decision,
                                              WarrantyRules policy) {
        boolean upgrade = campaign.upgradeYears() > 0 && !at.upgraded();
        if (!upgrade && campaign.months() == 0) {
            throw reject(Reason.NOT_APPLICABLE, "Promotion " + campaign.code() + " grants only the free online "
                    + "upgrade, and device " + at.device().serial() + " has it already.");
        }
        if (!upgrade) {
            return warranties.grant(at, CoverageKind.PROMOTION, campaign.months(), campaign.source(),
                    scope(decision, CoverageKind.PROMOTION, policy), decision.trace());
        }
        List<LedgerEntry> added = new ArrayList<>(warranties.grant(at, CoverageKind.UPGRADE,
                campaign.upgradeYears() * 12, CoverageSource.upgradeVia(campaign.code()),
                scope(decision, CoverageKind.UPGRADE, policy), decision.trace()));
        if (campaign.months() > 0) {
            LedgerEntry upgradeEntry = added.get(added.size() - 1);
            Coverage promotion = upgradeEntry.coverage().followedByMonths(CoverageKind.PROMOTION, campaign.months(),
                    campaign.source(), scope(decision, CoverageKind.PROMOTION, policy));
            added.add(new LedgerEntry(promotion, decision.trace(), upgradeEntry.recordedAt()));
        }
        return added;
    }

    /**
     * Appends the grant, re-reading the device and asking the policy again (for the same redemption
     * day) whenever another caller appended first. A refusal on a later attempt is thrown as NOT_APPLICABLE.
     */
    private Applied apply(SerialNumber sn, WarrantyRules policy, LocalDate today, Applied first,
                          Function<Snapshot, CodeQuery> query,
                          BiFunction<Snapshot, CodeDecision, List<LedgerEntry>> entries) {
        return warranties.retrying(sn, "redeeming a code", first,
                () -> attempt(policy, sn, today, warranties.snapshot(warranties.device(sn), policy, today), query,
                        entries),
                attempt -> appendChecked(attempt.before(), attempt.added()) ? Optional.of(attempt) : Optional.empty());
    }

    /**
     * Judges the code on {@code at} and makes the entries and the view after them, the view explained
     * by the code decision; writes nothing.
     */
    private Applied attempt(WarrantyRules policy, SerialNumber sn, LocalDate today, Snapshot at,
                            Function<Snapshot, CodeQuery> query,
                            BiFunction<Snapshot, CodeDecision, List<LedgerEntry>> entries) {
        CodeDecision decision = judge(policy, sn, query.apply(at));
        List<LedgerEntry> added = entries.apply(at, decision);
        WarrantyView view = warranties.afterAppending(at, added, policy, today).view();
        return new Applied(at, decision, added, new WarrantyView(view.serial(), view.model(), view.state(),
                view.coverages(), view.actions(), decision.trace()));
    }

    /** Appends; when the store throws, re-reads the ledger to learn whether the entries were written. */
    private boolean appendChecked(Snapshot at, List<LedgerEntry> added) {
        try {
            return warranties.append(at, added);
        } catch (RuntimeException e) {
            List<LedgerEntry> now;
            try {
                now = warranties.ledger().entries(at.device().serial());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw new OutcomeUnknown(e);
            }
            int from = at.entries().size();
            if (now.size() >= from + added.size() && now.subList(from, from + added.size()).equals(added)) {
                return true;
            }
            throw e;
        }
    }

    /** The scope the code decision gives lines of {@code kind}; a rule set that decided none is incomplete. */
    private static Set<Covered> scope(CodeDecision decision, CoverageKind kind, WarrantyRules policy) {
        return decision.scopeOf(kind).orElseThrow(() -> new RuleSetException("The rule set is incomplete", List.of(
                new RuleProblem("(rule set " + policy.version() + ")", 0, "rule \"" + decision.rule()
                        + "\" accepted the code, but no rule decided what its " + kind + " line covers"))));
    }

    private CodeDecision judge(WarrantyRules policy, SerialNumber sn, CodeQuery query) {
        CodeDecision decision = policy.judgeCode(query);
        if (decision == null) {
            throw new IllegalStateException("rule set " + policy.version() + " returned no code decision");
        }
        if (!decision.allowed()) {
            String subject = query.kind() == CodeKind.EXTENSION
                    ? "This extension code (batch " + query.name() + ", " + query.model().orElse("?") + ")"
                    : "Promotion " + query.name();
            throw reject(Reason.NOT_APPLICABLE, subject + " does not apply to device " + sn + ": "
                    + decision.reason() + " (rule \"" + decision.rule() + "\")");
        }
        return decision;
    }

    private static CodeRejectedException alreadyRedeemed(Campaign campaign, SerialNumber sn, Optional<LocalDate> on) {
        return reject(Reason.ALREADY_USED, "Promotion " + campaign.code() + " was redeemed for device " + sn
                + " already" + on.map(d -> ", on " + d).orElse("") + "; it applies once per device.");
    }

    private static CodeRejectedException fullyRedeemed(Campaign campaign) {
        return reject(Reason.ALREADY_USED, "Promotion " + campaign.code() + " is fully redeemed: all "
                + campaign.redemptionLimit() + " redemptions are taken.");
    }

    private static CodeRejectedException reject(Reason reason, String message) {
        return new CodeRejectedException(reason, message);
    }
}
