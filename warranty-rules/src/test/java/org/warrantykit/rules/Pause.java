package org.warrantykit.rules;

/**
 * What a rule of a test folder calls to wait, standing for a slow service a rule should never call:
 * the static check cannot know what a class of the host does.
 */
public final class Pause {
    private Pause() {
    }

    /** Sleeps; an interrupt ends the sleep and fails the calling rule. */
    public static boolean forMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing", e);
        }
        return true;
    }
}
