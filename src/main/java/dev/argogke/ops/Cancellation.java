package dev.argogke.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stop request shared by a long operation and whoever wants it to stop (Ctrl-C's shutdown hook).
 *
 * <p>Waits go through {@link #sleep} so a stop request ends them at once instead of after the
 * backoff or poll interval; the operation checks {@link #isCancelled} before each new step.
 */
public final class Cancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits {@code duration} unless cancelled first; returns false when cancelled (or interrupted). */
    public boolean sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return !isCancelled();
        }
        try {
            return !cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return false;
        }
    }
}
