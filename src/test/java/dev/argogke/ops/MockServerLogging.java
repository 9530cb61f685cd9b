package dev.argogke.ops;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The fabric8 mock server logs every request at INFO; tests keep it to warnings. */
final class MockServerLogging {
    /** Held so the logger (and its level) is not garbage-collected. */
    private static final Logger LOGGER = Logger.getLogger("io.fabric8.mockwebserver");

    private MockServerLogging() {
    }

    static void quiet() {
        LOGGER.setLevel(Level.WARNING);
    }
}
