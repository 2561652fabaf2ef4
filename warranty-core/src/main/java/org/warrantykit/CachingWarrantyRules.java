package org.warrantykit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;
import org.warrantykit.spi.ReplacementQuery;
import org.warrantykit.spi.ReplacementVerdict;
import org.warrantykit.spi.WarrantyRules;

/**
 * A bounded, thread-safe cache of policy decisions in front of another {@link WarrantyRules}.
 *
 * <p><b>Key.</b> The whole {@link PolicyQuery}: a record of value types (the device's supply
 * data and online time, the day the decision applies to, whether it is upgraded and its current
 * end). The port requires rule sets to be deterministic and free of side effects, so an equal
 * query gets an equal decision. Anything that changes a decision (a grant in the ledger, the
 * device coming online, a new day) changes the query, so a stale entry is never hit; it just ages
 * out.
 *
 * <p><b>Rule-set version.</b> One cache belongs to one rule set: it wraps that object and
 * {@link #version()} delegates to it. A running service swaps rules by replacing the whole
 * {@link WarrantyRules} object, and {@link WarrantyService} wraps the new set in a new, empty
 * cache, so a swap invalidates every cached decision at once and no decision of the old set is
 * served after the swap.
 *
 * <p><b>Bound.</b> At most {@link #maxEntries()} decisions, in 16 stripes each evicting its least
 * recently used entry; a stripe is locked only for a map look-up or insert, never while the rule
 * set decides. Two threads missing the same key may both decide it; the decisions are equal.
 *
 * <p>Code eligibility ({@link #judgeCode}) is not cached: it is rare and its outcome feeds a state
 * change.
 */
public final class CachingWarrantyRules implements WarrantyRules {
    private static final int STRIPES = 16;

    private final WarrantyRules delegate;
    private final int maxEntries;
    private final Stripe[] stripes;

    private CachingWarrantyRules(WarrantyRules delegate, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maxEntries < 1) {
            throw new ConfigurationException("a decision cache needs at least 1 entry, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        int stripeCount = Math.min(STRIPES, maxEntries);
        this.stripes = new Stripe[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            // the stripes' capacities add up to exactly maxEntries
            stripes[i] = new Stripe(maxEntries / stripeCount + (i < maxEntries % stripeCount ? 1 : 0));
        }
    }

    /**
     * Caches up to {@code maxEntries} decisions of {@code delegate}.
     *
     * @param delegate   the rule set to ask on a miss; not null (a null is a NullPointerException)
     * @param maxEntries the bound, at least 1
     * @return a new, empty cache in front of {@code delegate}
     * @throws ConfigurationException if {@code maxEntries} is below 1
     */
    public static CachingWarrantyRules wrap(WarrantyRules delegate, int maxEntries) {
        return new CachingWarrantyRules(delegate, maxEntries);
    }

    /** @return the rule set whose decisions are cached */
    public WarrantyRules delegate() {
        return delegate;
    }

    /** @return the most decisions this cache holds */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return how many decisions are cached now (at most {@link #maxEntries()}) */
    public int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    /** @return the delegate's version: the cache does not change what is decided */
    @Override
    public String version() {
        return delegate.version();
    }

    /**
     * The cached decision for an equal query, or the delegate's, which is then cached.
     *
     * @param query the query; not null (a null is a NullPointerException)
     * @return the decision
     * @throws NullPointerException if the delegate returns no decision
     */
    @Override
    public PolicyDecision decide(PolicyQuery query) {
        Stripe stripe = stripeOf(query);
        PolicyDecision cached;
        synchronized (stripe) {
            cached = stripe.get(query);
        }
        if (cached != null) {
            return cached;
        }
        PolicyDecision decided = Objects.requireNonNull(delegate.decide(query), "decision");
        synchronized (stripe) {
            stripe.put(query, decided);
        }
        return decided;
    }

    /**
     * Answers cached queries from the cache and decides the others in one batch of the delegate.
     *
     * @param queries the queries; not null, nor any of them (a null is a NullPointerException)
     * @return the decisions in query order, unmodifiable
     * @throws IllegalStateException if the delegate returns a different number of decisions than asked
     * @throws NullPointerException  if the delegate returns a null decision
     */
    @Override
    public List<PolicyDecision> decideAll(List<PolicyQuery> queries) {
        PolicyDecision[] decisions = new PolicyDecision[queries.size()];
        List<PolicyQuery> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        for (int i = 0; i < decisions.length; i++) {
            PolicyQuery query = queries.get(i);
            Stripe stripe = stripeOf(query);
            synchronized (stripe) {
                decisions[i] = stripe.get(query);
            }
            if (decisions[i] == null) {
                missing.add(query);
                missingAt.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<PolicyDecision> decided = delegate.decideAll(missing);
            if (decided.size() != missing.size()) {
                throw new IllegalStateException("rule set " + delegate.version() + " returned " + decided.size()
                        + " decisions for " + missing.size() + " queries");
            }
            for (int j = 0; j < decided.size(); j++) {
                PolicyDecision decision = Objects.requireNonNull(decided.get(j), "decision");
                PolicyQuery query = missing.get(j);
                decisions[missingAt.get(j)] = decision;
                Stripe stripe = stripeOf(query);
                synchronized (stripe) {
                    stripe.put(query, decision);
                }
            }
        }
        return List.of(decisions);
    }

    /**
     * The delegate's judgement, never cached.
     *
     * @param query the code query, passed on as it is
     * @return the delegate's decision
     */
    @Override
    public CodeDecision judgeCode(CodeQuery query) {
        return delegate.judgeCode(query);
    }

    /**
     * The delegate's verdict, never cached (a swap is rare and writes).
     *
     * @param query the replacement query, passed on as it is
     * @return the delegate's verdict
     */
    @Override
    public ReplacementVerdict judgeReplacement(ReplacementQuery query) {
        return delegate.judgeReplacement(query);
    }

    /** @return a description naming the delegate and the bound */
    @Override
    public String toString() {
        return "CachingWarrantyRules[" + delegate + ", max " + maxEntries + "]";
    }

    private Stripe stripeOf(PolicyQuery query) {
        int h = query.hashCode();
        h ^= h >>> 16;
        return stripes[Math.floorMod(h, stripes.length)];
    }

    /** One LRU segment; guarded by its own monitor. */
    private static final class Stripe extends LinkedHashMap<PolicyQuery, PolicyDecision> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        Stripe(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<PolicyQuery, PolicyDecision> eldest) {
            return size() > capacity;
        }
    }
}
