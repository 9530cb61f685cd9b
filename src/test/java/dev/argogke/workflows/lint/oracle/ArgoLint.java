package dev.argogke.workflows.lint.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the real {@code argo lint --offline -o simple} and reads its answer file by file.
 *
 * <p>How the CLI behaves (Argo v4.0.7, cmd/argo/lint/lint.go and pkg/apiclient/offline-client.go):
 * <ul>
 * <li>It prints a line only for a file with errors ({@code FILE: in "NAME" (Kind): ERROR}); a clean file,
 *     a document it skips (invalid YAML, no kind, not an Argo kind) and a WorkflowEventBinding print
 *     nothing on stdout. A document it cannot read is logged on stderr as {@code yaml file is not valid},
 *     without the file's name.</li>
 * <li>Before linting, {@code --offline} reads every file given into an index of WorkflowTemplates and
 *     ClusterWorkflowTemplates, and the whole run stops at the first document that does not decode
 *     ({@code Error: failed to parse YAML from file FILE: ...}) or at a duplicate template name.</li>
 * </ul>
 * So each file is followed by a marker file whose one error line is known: the output between two markers
 * belongs to the file between them, log lines included (stdout and stderr are one pipe, and the CLI writes
 * both unbuffered). Files meant to be linted alone are batched when they cannot hold a template (then no
 * file of a batch can change another's answer); a batch stopped by a file that does not decode records that
 * file's answer (the same as alone: the index reads each file on its own) and runs again without it.
 */
final class ArgoLint {
    private static final String MARKER_NAME = "lint-oracle-marker";
    // A file can define a template only if "Template" is in it, or spelled with escapes in a quoted scalar.
    private static final Pattern MAY_HOLD_TEMPLATE = Pattern.compile("Template|\\\\[xuU]");
    private static final Pattern ERROR_LINE = Pattern.compile(
            "(?s)in (?:\"(.*?)\" \\((ClusterWorkflowTemplate|CronWorkflow|WorkflowTemplate|Workflow)\\))?: (.*)");
    private static final String ABORT = "Error: failed to parse YAML from file ";

    private final Path argo;
    private final Path marker;
    private final int workers;
    private final int batchSize;
    private int processes;

    ArgoLint(Path argo, Path workDir, int workers, int batchSize) {
        this.argo = argo;
        this.marker = workDir.resolve(MARKER_NAME + ".yaml").toAbsolutePath();
        this.workers = workers;
        this.batchSize = batchSize;
        try {
            Files.createDirectories(workDir);
            // Argo's strict decoding refuses the unknown field: one known error line per marker.
            Files.writeString(marker, "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: " + MARKER_NAME
                    + "\nspec:\n  lintOracleMarker: 1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many argo processes ran. */
    synchronized int processes() {
        return processes;
    }

    /** The files linted together in one run, so that templates resolve across them. */
    Map<Path, ArgoAnswer> lintAsSet(List<Path> files) {
        Map<Path, ArgoAnswer> answers = new ConcurrentHashMap<>();
        runUntilDone(files, answers);
        return answers;
    }

    /** Each file as if linted on its own. */
    Map<Path, ArgoAnswer> lintEachAlone(List<Path> files) {
        List<List<Path>> jobs = new ArrayList<>();
        List<Path> batchable = new ArrayList<>();
        for (Path f : files) {
            if (mayHoldTemplate(f)) {
                jobs.add(List.of(f));
            } else {
                batchable.add(f);
            }
        }
        for (int i = 0; i < batchable.size(); i += batchSize) {
            jobs.add(batchable.subList(i, Math.min(batchable.size(), i + batchSize)));
        }
        Map<Path, ArgoAnswer> answers = new ConcurrentHashMap<>();
        inParallel(jobs.stream().<Runnable>map(job -> () -> runUntilDone(job, answers)).toList());
        return answers;
    }

    /**
     * The files in which argo, given each file alone, lints nothing ({@code found nothing to lint in the specified
     * paths}): where it printed nothing for a document, this tells a document it linted and found clean from one
     * it dropped without a word (duplicate keys, which its strict YAML-to-JSON step refuses; a kind it does not lint).
     */
    Set<Path> lintingNothing(Collection<Path> files) {
        Set<Path> nothing = ConcurrentHashMap.newKeySet();
        inParallel(files.stream().<Runnable>map(f -> () -> {
            if (run(List.of(abs(f).toString())).contains("found nothing to lint in the specified paths")) {
                nothing.add(f);
            }
        }).toList());
        return nothing;
    }

    /** Runs the tasks on {@code workers} threads (argo processes at a time) and waits for all of them. */
    private void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                done.add(pool.submit(task));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("argo lint failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path abs(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static boolean mayHoldTemplate(Path file) {
        try {
            return MAY_HOLD_TEMPLATE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the files; a file that stops the run is answered and left out of the next run. */
    private void runUntilDone(List<Path> files, Map<Path, ArgoAnswer> answers) {
        List<Path> left = new ArrayList<>(files);
        while (!left.isEmpty()) {
            String output = runWithMarkers(left);
            Path stopper = stopper(output, left);
            if (stopper == null) {
                answers.putAll(parse(output, left));
                return;
            }
            String line = output.lines().filter(l -> l.startsWith("Error: ")).findFirst().orElseThrow();
            answers.put(stopper, ArgoAnswer.aborted(stopper, line.substring("Error: ".length())));
            left.remove(stopper);
        }
    }

    /** The file that stopped the run before linting, or null when the run linted everything. */
    private Path stopper(String output, List<Path> files) {
        if (output.contains("\n" + marker + ": in \"") || output.startsWith(marker + ": in \"")) {
            return null;
        }
        for (String line : output.lines().filter(l -> l.startsWith("Error: ")).toList()) {
            for (Path f : files) {
                if (line.startsWith(ABORT + abs(f) + ": ")) {
                    return f;
                }
            }
            if (files.size() == 1) {
                return files.get(0); // e.g. "duplicate WorkflowTemplate found", which names no file
            }
        }
        throw new IllegalStateException("argo lint linted nothing and named no file; its output:\n" + output);
    }

    /** Runs the files, each followed by a marker; returns stdout and stderr as one text. */
    private String runWithMarkers(List<Path> files) {
        List<String> args = new ArrayList<>(List.of(marker.toString()));
        for (Path f : files) {
            args.add(abs(f).toString());
            args.add(marker.toString());
        }
        return run(args);
    }

    private String run(List<String> files) {
        List<String> command = new ArrayList<>(List.of(argo.toString(), "lint", "--offline", "-o", "simple"));
        command.addAll(files);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // A short-lived process: collecting garbage costs more than it saves (a capped heap guards memory).
        pb.environment().put("GOGC", "off");
        pb.environment().put("GOMEMLIMIT", "1GiB");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("argo lint did not finish in 120 s on " + files);
            }
            synchronized (this) {
                processes++;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Splits a run's output at the markers: what lies between marker i and i+1 is file i's answer. */
    Map<Path, ArgoAnswer> parse(String output, List<Path> files) {
        String markerLine = marker + ": in \"" + MARKER_NAME + "\" (Workflow): ";
        List<StringBuilder> segments = new ArrayList<>();
        StringBuilder current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(markerLine)) {
                current = new StringBuilder();
                segments.add(current);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (segments.size() != files.size() + 1) {
            throw new IllegalStateException("expected " + (files.size() + 1) + " marker lines from argo lint, got "
                    + segments.size() + "; its output:\n" + output);
        }
        Map<Path, ArgoAnswer> answers = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            answers.put(files.get(i), answer(files.get(i), segments.get(i).toString()));
        }
        return answers;
    }

    private static ArgoAnswer answer(Path file, String segment) {
        String prefix = abs(file) + ": ";
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        String[] entries = segment.split("(?m)(?=^\\Q" + prefix + "\\E|^time=)");
        for (String entry : entries) {
            String e = entry.strip();
            if (e.startsWith(prefix)) {
                var m = ERROR_LINE.matcher(e.substring(prefix.length()));
                if (!m.matches()) {
                    throw new IllegalStateException("unexpected argo lint line: " + e);
                }
                // By name and kind: a WorkflowTemplate and the CronWorkflow that runs it share a name and a file.
                String key = m.group(1) == null ? "" : m.group(1) + " (" + m.group(2) + ")";
                errors.computeIfAbsent(key, k -> new ArrayList<>()).add(m.group(3));
            } else if (e.startsWith("time=") && e.contains("msg=\"yaml file is not valid\"")) {
                unread.add(e.substring(e.indexOf("error=") + "error=".length()).replaceAll(" index=\\d+$", ""));
            }
        }
        return new ArgoAnswer(file, errors, unread, null);
    }
}
