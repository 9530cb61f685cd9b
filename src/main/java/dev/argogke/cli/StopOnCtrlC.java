package dev.argogke.cli;

import dev.argogke.ops.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into a stop request: the JVM's shutdown hook cancels the operation, then waits (a
 * little) until the command has finished its current step and printed what it did, which happens
 * when this is closed.
 */
final class StopOnCtrlC implements AutoCloseable {
    private static final long GRACE_SECONDS = 20;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopOnCtrlC(Cancellation cancellation) {
        hook = new Thread(() -> {
            cancellation.cancel();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "argo-gke-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }
}
