package org.warrantykit.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The demo's clock: fixed, so every run prints the same story, and moved forward by the story
 * itself when it jumps years ahead (a claim in the upgrade years). Thread-safe.
 */
public final class StoryClock extends Clock {
    private volatile Instant now;

    /** @param start the story's first moment (UTC) */
    public StoryClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the story to {@code later}; a clock never goes back. */
    void advanceTo(Instant later) {
        if (later.isBefore(now)) {
            throw new IllegalArgumentException("the story moves forward only: " + later + " is before " + now);
        }
        now = later;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo runs in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
