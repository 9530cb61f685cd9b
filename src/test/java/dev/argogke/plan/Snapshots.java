package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files in the test resources that hold what the program produced (plan fixtures, urn lists).
 * They are recorded from the program, so they prove nothing by themselves: they make a change
 * visible in review. A test compares; {@code -Dargogke.updateSnapshots=true} rewrites them on
 * purpose, after which {@code git diff} shows the change to review.
 */
final class Snapshots {
    static final String UPDATE = "argogke.updateSnapshots";

    private Snapshots() {
    }

    static String command(String testClass) {
        return "mvn -B -q test -Dtest=" + testClass + " -D" + UPDATE + "=true";
    }

    /** Asserts {@code file} holds {@code actual}; rewrites it instead when updating on purpose. */
    static void check(Path file, String actual, String message) {
        if (Boolean.getBoolean(UPDATE)) {
            assertFalse("true".equals(System.getenv("CI")), "snapshots are not rewritten in CI");
            try {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        // Not assertEquals: a whole plan twice would bury the message.
        assertTrue(read(file).equals(actual), message);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
