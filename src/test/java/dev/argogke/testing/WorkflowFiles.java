package dev.argogke.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's {@code workflows/} read as plain text, so a test can count what the code under
 * test should deploy without asking the loader it is testing: each document there starts with a
 * top-level {@code kind:} line (the folder's own convention, one line per document).
 */
public final class WorkflowFiles {
    public static final Path FOLDER = Path.of("workflows");

    private WorkflowFiles() {
    }

    /** The documents of {@code kind} (e.g. CronWorkflow) in the folder's .yaml files; never zero. */
    public static long count(String kind) {
        return lines().stream().filter(("kind: " + kind)::equals).count();
    }

    /** Every document in the folder's .yaml files, whatever its kind. */
    public static long documents() {
        return lines().stream().filter(l -> l.startsWith("kind: ")).count();
    }

    /** The documents of Argo's API group (each starts with a top-level apiVersion line). */
    public static long argoDocuments() {
        return lines().stream().filter(l -> l.startsWith("apiVersion: argoproj.io/")).count();
    }

    /** The documents of Argo Workflows' kinds (not Argo Events' EventSources and Sensors, deployed elsewhere). */
    public static long argoWorkflowsDocuments() {
        return argoDocuments() - count("EventSource") - count("Sensor");
    }

    private static List<String> lines() {
        try (var files = Files.list(FOLDER)) {
            List<String> lines = files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .flatMap(WorkflowFiles::read).toList();
            if (lines.stream().noneMatch(l -> l.startsWith("kind: "))) {
                throw new AssertionError(FOLDER + " holds no documents: nothing to count");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.stream.Stream<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
