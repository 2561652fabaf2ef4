package org.warrantykit.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.warrantykit.Campaign;
import org.warrantykit.SerialNumber;
import org.warrantykit.spi.CampaignReservation;
import org.warrantykit.spi.CodeBatch;
import org.warrantykit.spi.CodeUse;
import org.warrantykit.spi.CodeVault;
import org.warrantykit.spi.StoredCode;

/**
 * Code batches and campaigns in maps; thread-safe, lost on restart. Holds only keyed hashes of
 * extension codes. A claim is a {@code replace(hash, unused, used)} compare-and-set; a campaign's
 * count and its set of devices change together under the campaign's own lock.
 */
public final class InMemoryCodeVault implements CodeVault {
    private final ConcurrentMap<String, CodeBatch> batches = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, StoredCode> codes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> redeemedByBatch = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CampaignState> campaigns = new ConcurrentHashMap<>();
    private final Object batchLock = new Object();

    /** A campaign and its redemptions; guarded by its own monitor. */
    private static final class CampaignState {
        final Campaign campaign;
        final Map<SerialNumber, CodeUse> uses = new HashMap<>();

        CampaignState(Campaign campaign) {
            this.campaign = campaign;
        }
    }

    @Override
    public boolean addBatch(CodeBatch batch, Collection<String> codeHashes) {
        Objects.requireNonNull(batch, "batch");
        Set<String> hashes = new HashSet<>(codeHashes);
        if (hashes.size() != codeHashes.size()) {
            return false;
        }
        // Batches are rare and all-or-nothing: one lock keeps a half-stored batch invisible to other adds.
        synchronized (batchLock) {
            if (batches.containsKey(batch.id()) || hashes.stream().anyMatch(codes::containsKey)) {
                return false;
            }
            for (String hash : hashes) {
                codes.put(hash, new StoredCode(hash, batch.id(), Optional.empty()));
            }
            redeemedByBatch.put(batch.id(), new AtomicInteger());
            batches.put(batch.id(), batch);
            return true;
        }
    }

    @Override
    public Optional<CodeBatch> batch(String batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    @Override
    public Optional<StoredCode> code(String codeHash) {
        StoredCode code = codes.get(codeHash);
        // A code becomes visible with its batch; a lookup during addBatch sees neither.
        return code != null && batches.containsKey(code.batchId()) ? Optional.of(code) : Optional.empty();
    }

    @Override
    public boolean claim(String codeHash, CodeUse use) {
        Objects.requireNonNull(use, "use");
        StoredCode current = code(codeHash).orElse(null);
        if (current == null || current.used()) {
            return false;
        }
        StoredCode used = new StoredCode(codeHash, current.batchId(), Optional.of(use));
        boolean claimed = codes.replace(codeHash, current, used);
        if (claimed) {
            redeemedByBatch.get(current.batchId()).incrementAndGet();
        }
        return claimed;
    }

    @Override
    public boolean release(String codeHash, CodeUse use) {
        StoredCode current = codes.get(codeHash);
        if (current == null || current.use().filter(use::equals).isEmpty()) {
            return false;
        }
        StoredCode unused = new StoredCode(codeHash, current.batchId(), Optional.empty());
        boolean released = codes.replace(codeHash, current, unused);
        if (released) {
            redeemedByBatch.get(current.batchId()).decrementAndGet();
        }
        return released;
    }

    @Override
    public int redeemed(String batchId) {
        AtomicInteger count = redeemedByBatch.get(batchId);
        return count == null ? 0 : count.get();
    }

    @Override
    public boolean addCampaign(Campaign campaign) {
        Objects.requireNonNull(campaign, "campaign");
        return campaigns.putIfAbsent(campaign.code(), new CampaignState(campaign)) == null;
    }

    @Override
    public Optional<Campaign> campaign(String code) {
        CampaignState state = campaigns.get(code);
        return state == null ? Optional.empty() : Optional.of(state.campaign);
    }

    @Override
    public Optional<CodeUse> campaignUse(String code, SerialNumber serial) {
        CampaignState state = campaigns.get(code);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.uses.get(serial));
        }
    }

    @Override
    public int redemptions(String code) {
        CampaignState state = campaigns.get(code);
        if (state == null) {
            return 0;
        }
        synchronized (state) {
            return state.uses.size();
        }
    }

    @Override
    public CampaignReservation reserve(String code, CodeUse use) {
        Objects.requireNonNull(use, "use");
        CampaignState state = campaigns.get(code);
        if (state == null) {
            return CampaignReservation.UNKNOWN_CAMPAIGN;
        }
        synchronized (state) {
            if (state.uses.containsKey(use.serial())) {
                return CampaignReservation.DEVICE_ALREADY_REDEEMED;
            }
            if (state.uses.size() >= state.campaign.redemptionLimit()) {
                return CampaignReservation.LIMIT_REACHED;
            }
            state.uses.put(use.serial(), use);
            return CampaignReservation.RESERVED;
        }
    }

    @Override
    public boolean unreserve(String code, CodeUse use) {
        CampaignState state = campaigns.get(code);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return state.uses.remove(use.serial(), use);
        }
    }

    /** Lost on restart, and so are the codes: a random hashing key per service instance is enough. */
    @Override
    public boolean durable() {
        return false;
    }
}
