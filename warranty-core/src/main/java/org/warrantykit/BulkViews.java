package org.warrantykit;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.warrantykit.spi.WarrantyRules;

/**
 * Warranty views of many devices, decided in batches of {@link #BATCH} devices per policy call
 * ({@link WarrantyRules#decideAll}, one engine session for a Drools rule set), streamed so that
 * only a few batches are in memory at any time. Package-private: {@link WarrantyService} exposes it.
 */
final class BulkViews {
    /** Devices per policy call. */
    static final int BATCH = 1_000;

    private final DeviceWarranties warranties;

    BulkViews(DeviceWarranties warranties) {
        this.warranties = warranties;
    }

    /**
     * Every device of the registry, in registry order, to {@code sink} on the calling thread; the
     * policy decides up to {@code parallelism} batches at once on worker threads, with at most
     * {@code 2 × parallelism} decided batches waiting. Returns how many devices were handed over.
     */
    long recomputeAll(WarrantyRules policy, Consumer<? super WarrantyView> sink, int parallelism) {
        LocalDate today = warranties.today();
        long count = 0;
        try (Stream<Device> all = warranties.registry().all()) {
            Iterator<Device> devices = all.iterator();
            if (parallelism <= 1) {
                while (devices.hasNext()) {
                    count += deliver(decide(nextBatch(devices), policy, today), sink);
                }
                return count;
            }
            ExecutorService workers = Executors.newFixedThreadPool(parallelism, workerThreads());
            try {
                ArrayDeque<Future<List<WarrantyView>>> inFlight = new ArrayDeque<>();
                while (devices.hasNext()) {
                    List<Device> batch = nextBatch(devices);
                    inFlight.add(workers.submit(() -> decide(batch, policy, today)));
                    if (inFlight.size() >= 2 * parallelism) {
                        count += deliver(await(inFlight.poll()), sink);
                    }
                }
                while (!inFlight.isEmpty()) {
                    count += deliver(await(inFlight.poll()), sink);
                }
                return count;
            } finally {
                workers.shutdownNow();
            }
        }
    }

    /**
     * The views of the given serial numbers, in order, decided lazily in batches; fails like
     * {@link WarrantyService#inquire} at the first malformed or unknown serial number.
     */
    Stream<WarrantyView> inquireAll(Stream<String> serials, WarrantyRules policy) {
        LocalDate today = warranties.today();
        Iterator<String> input = serials.iterator();
        Spliterator<List<WarrantyView>> batches = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super List<WarrantyView>> action) {
                if (!input.hasNext()) {
                    return false;
                }
                List<SerialNumber> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && input.hasNext()) {
                    batch.add(SerialNumber.parse(input.next()));
                }
                action.accept(decideSerials(batch, policy, today));
                return true;
            }
        };
        return StreamSupport.stream(batches, false).flatMap(List::stream).onClose(serials::close);
    }

    /** One policy call per batch; a serial number asked twice is decided once (batches tell devices apart by serial). */
    private List<WarrantyView> decideSerials(List<SerialNumber> serials, WarrantyRules policy, LocalDate today) {
        Map<SerialNumber, Integer> index = new LinkedHashMap<>();
        List<Device> devices = new ArrayList<>(serials.size());
        for (SerialNumber serial : serials) {
            if (!index.containsKey(serial)) {
                index.put(serial, devices.size());
                devices.add(warranties.device(serial));
            }
        }
        List<DeviceWarranties.Snapshot> snapshots = warranties.snapshots(devices, policy, today);
        List<WarrantyView> views = new ArrayList<>(serials.size());
        for (SerialNumber serial : serials) {
            views.add(snapshots.get(index.get(serial)).view());
        }
        return views;
    }

    private List<WarrantyView> decide(List<Device> registered, WarrantyRules policy, LocalDate today) {
        List<Device> devices = new ArrayList<>(registered.size());
        for (Device device : registered) {
            devices.add(warranties.withObservedOnline(device));
        }
        List<DeviceWarranties.Snapshot> snapshots = warranties.snapshots(devices, policy, today);
        List<WarrantyView> views = new ArrayList<>(snapshots.size());
        for (DeviceWarranties.Snapshot snapshot : snapshots) {
            views.add(snapshot.view());
        }
        return views;
    }

    private static List<Device> nextBatch(Iterator<Device> devices) {
        List<Device> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && devices.hasNext()) {
            batch.add(devices.next());
        }
        return batch;
    }

    private static long deliver(List<WarrantyView> views, Consumer<? super WarrantyView> sink) {
        for (WarrantyView view : views) {
            sink.accept(view);
        }
        return views.size();
    }

    private static List<WarrantyView> await(Future<List<WarrantyView>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recomputing warranties", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "warranty-recompute-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
