package org.warrantykit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.WarrantyService;

/**
 * Reloads a rule folder into a running service when its files change. A new rule set goes live
 * only after it compiled and passed the sample check ({@link DroolsWarrantyRules#fromDirectory});
 * a refused one is reported to {@code onRejected} and the previous rule set keeps serving.
 *
 * <pre>{@code
 * try (var watcher = RuleFolderWatcher.start(service, Path.of("/etc/warranty/rules"), e -> alert(e.problems()))) {
 *     ... // serve
 * }
 * }</pre>
 */
public final class RuleFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
    /** Editors save in several steps; wait for the folder to settle before compiling. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final WarrantyService service;
    private final Path folder;
    private final Consumer<RuleSetException> onRejected;
    private final RuleLimits limits;
    private final WatchService watchService;
    private final Thread thread;

    private RuleFolderWatcher(WarrantyService service, Path folder, RuleLimits limits,
                              Consumer<RuleSetException> onRejected) throws IOException {
        this.service = service;
        this.folder = folder;
        this.limits = limits;
        this.onRejected = onRejected;
        this.watchService = FileSystems.getDefault().newWatchService();
        folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::loop, "warranty-rules-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Watches {@code folder} and swaps the service's rules on every settled change.
     *
     * @param service    the service whose rules are replaced
     * @param folder     the rule folder to watch (not its sub-folders)
     * @param onRejected told of every change that is refused; the service then keeps its rules
     * @return the running watcher; close it to stop watching
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if the folder cannot be watched
     */
    public static RuleFolderWatcher start(WarrantyService service, Path folder, Consumer<RuleSetException> onRejected) {
        return start(service, folder, RuleLimits.defaults(), onRejected);
    }

    /**
     * As {@link #start(WarrantyService, Path, Consumer)}, loading every change within the given limits.
     *
     * @param service    the service whose rules are replaced
     * @param folder     the rule folder to watch (not its sub-folders)
     * @param limits     the bounds of each load and of the loaded rule set's decisions
     * @param onRejected told of every change that is refused; the service then keeps its rules
     * @return the running watcher; close it to stop watching
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if the folder cannot be watched
     */
    public static RuleFolderWatcher start(WarrantyService service, Path folder, RuleLimits limits,
                                          Consumer<RuleSetException> onRejected) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(onRejected, "onRejected");
        try {
            RuleFolderWatcher watcher = new RuleFolderWatcher(service, folder, limits, onRejected);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder, e);
        }
    }

    /**
     * Compiles the folder now and swaps it in if it is accepted.
     *
     * @return whether the new rule set went live
     */
    public boolean reload() {
        try {
            service.replaceRules(DroolsWarrantyRules.fromDirectory(folder, limits));
            return true;
        } catch (RuleSetException e) {
            return refused(e);
        } catch (RuntimeException e) {
            // e.g. a file vanishing mid-save: report it like any refusal, the watcher must keep running
            return refused(new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(folder.toString(), 0, e.toString())), e));
        }
    }

    private boolean refused(RuleSetException e) {
        LOG.warn("rule folder {} refused, {} keeps serving: {}", folder, service.rules().version(), e.getMessage());
        onRejected.accept(e);
        return false;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                // Drain the burst of events one save produces, then compile once.
                do {
                    key.pollEvents();
                    key.reset();
                    key = watchService.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
                } while (key != null);
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service of {}", folder, e);
        }
    }
}
