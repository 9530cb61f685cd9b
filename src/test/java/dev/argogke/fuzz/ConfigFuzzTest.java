package dev.argogke.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.policy.Policies;
import dev.argogke.program.Inputs;
import dev.argogke.testing.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;

/**
 * Config fuzzing: generated stack files through the settings loader and through
 * {@code argo-gke plan --stack-file}. Every run must end in success or in a {@link UserError}
 * whose every line is one mistake naming a key or the file, never another exception or a stack trace; and a plan that fails
 * must fail before the program runs under the mock engine, so nothing is half registered.
 *
 * <p>jqwik's generators make the values; the loop is ours, so that the number of cases is a flag
 * ({@code -Dargogke.fuzz.tries=100000}) and the seed is fixed ({@code -Dargogke.fuzz.seed}).
 * Every case goes through the loader; the plan path gets every 10th rejected case and the first
 * {@code argogke.fuzz.plans} accepted ones (a full plan under the mock engine costs ~0.1 s).
 * A failing case is kept in {@code target/fuzz-failures/}.
 */
class ConfigFuzzTest {
    static final int TRIES = Integer.getInteger("argogke.fuzz.tries", 10_000);
    static final long SEED = Long.getLong("argogke.fuzz.seed", 20260407L);
    static final int PLANS = Integer.getInteger("argogke.fuzz.plans", 120);
    static final Path ROOT = Path.of(".");

    @Example
    void everyStackFileLoadsOrFailsWithOneLinePerMistakeNamingAKeyOrTheFileBeforeAnythingIsRegistered() throws IOException {
        Path dir = Files.createTempDirectory("config-fuzz");
        FuzzValues values = new FuzzValues(new Random(SEED));
        StackFileMutator mutator = new StackFileMutator(values, List.of(
                Files.readString(ROOT.resolve("stacks/Pulumi.dev.yaml")), Files.readString(ROOT.resolve("stacks/Pulumi.prod.yaml"))));
        Path file = dir.resolve("Pulumi.fuzz.yaml");
        int accepted = 0;
        int plannedAccepted = 0;
        int plannedRejected = 0;
        int planViolations = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long genNanos = 0, loadNanos = 0, planNanos = 0;
        for (int i = 0; i < TRIES; i++) {
            long t0 = System.nanoTime();
            byte[] bytes = mutator.next();
            long t1 = System.nanoTime();
            genNanos += t1 - t0;
            Files.write(file, bytes);
            String failure;
            Optional<String> rejected;
            try {
                rejected = beforeTheEngine(file, false);
                failure = rejected.map(m -> unclear(m, file)).orElse(null);
            } catch (Throwable t) {
                rejected = Optional.empty();
                failure = "trace from the loader: " + trace(t);
            }
            long t2 = System.nanoTime();
            loadNanos += t2 - t1;
            if (failure == null) {
                boolean plan = rejected.isPresent() ? i % 10 == 0 : plannedAccepted < PLANS;
                if (plan) {
                    try {
                        Optional<String> expected = beforeTheEngine(file, true);
                        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
                        failure = checkPlan(run, expected);
                        if (expected.isPresent()) {
                            plannedRejected++;
                        } else {
                            plannedAccepted++;
                            planViolations += run.exitCode() == 1 ? 1 : 0;
                        }
                    } catch (Throwable t) {
                        failure = "trace from plan: " + trace(t);
                    }
                }
            }
            planNanos += System.nanoTime() - t2;
            if (rejected.isEmpty() && failure == null) {
                accepted++;
            }
            if (failure != null) {
                failures.add("case " + i + ": " + failure);
                keep(i, bytes);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("config fuzz: %d cases (seed %d), %d loaded, %d rejected with a line per mistake; plan path: %d loaded cases planned "
                        + "(%d refused by policy), %d rejected cases; %d traces or unclear errors; %.1f s (generate %.1f, load %.1f, plan %.1f)%n",
                TRIES, SEED, accepted, TRIES - accepted - failures.size(), plannedAccepted, planViolations, plannedRejected,
                failures.size(), seconds, genNanos / 1e9, loadNanos / 1e9, planNanos / 1e9);
        failures.stream().limit(20).forEach(f -> System.out.println("FAILED " + f));
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " failing cases, kept in target/fuzz-failures/");
    }

    /**
     * What happens before the program runs under the mock engine: the stack file read, settings
     * loaded, waivers checked and (for the plan path) the workflows loaded. Empty when all is well.
     */
    static Optional<String> beforeTheEngine(Path file, boolean workflows) {
        try {
            StackFile stackFile = StackFile.read(file);
            Settings settings = SettingsLoader.load(stackFile.stack(), stackFile);
            Policies.checkWaivers(settings, stackFile.origin());
            if (workflows) {
                Inputs.load(ROOT, settings);
            }
            return Optional.empty();
        } catch (UserError e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Null when every line of the message is one mistake naming a config key or a file; else what is wrong with it. */
    static String unclear(String message, Path file) {
        if (message == null || message.isBlank() || message.contains("\r")) {
            return "empty, or a line break that is not one: " + message;
        }
        for (String line : message.lines().toList()) {
            boolean namesFile = line.contains(file.toString()) || line.matches("^\\S+\\.ya?ml:\\d+.*");
            boolean namesKey = line.matches(".*\\b(argo-gke|gcp|kubernetes):[A-Za-z].*");
            if (line.isBlank() || !(namesFile || namesKey)) {
                return "a line names neither a key nor the file: " + line + " (in " + message + ")";
            }
        }
        return null;
    }

    /**
     * A rejected stack file must fail {@code plan} with exactly the loader's line and exit 2: the
     * same error before the engine, so nothing was registered. An accepted one must plan: exit 0,
     * or 1 with policy lines; never exit 2, which would be an error raised while registering.
     */
    static String checkPlan(Cli.Run run, Optional<String> expected) {
        if (run.err().contains("\tat ") || run.out().contains("\tat ")) {
            return "stack trace from plan: " + run.err();
        }
        if (expected.isPresent()) {
            // As printed: text that is not valid Unicode (a lone surrogate from a "\\ud800" escape) becomes '?'.
            // Messages already in compiler form (file:line:col: error: ...) are printed without the prefix.
            StringBuilder printed = new StringBuilder();
            for (String l : expected.get().lines().toList()) {
                printed.append(l.matches("^\\S+:[0-9]+:[0-9]+: error: .*") ? l : "error: " + l).append(System.lineSeparator());
            }
            String line = new String(printed.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return run.exitCode() == 2 && run.err().equals(line) ? null
                    : "plan said exit " + run.exitCode() + " " + run.err() + " instead of " + line;
        }
        if (run.exitCode() == 0 && run.err().isEmpty()) {
            return null;
        }
        if (run.exitCode() == 1 && run.err().lines().allMatch(l -> l.startsWith("policy ") || l.startsWith("plan: "))) {
            return null;
        }
        return "a stack file the loader accepted failed while planning (exit " + run.exitCode() + "): " + run.err();
    }

    static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static void keep(int index, byte[] bytes) {
        try {
            Path dir = ROOT.resolve("target/fuzz-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve("config-case-" + index + ".yaml"), bytes);
        } catch (IOException e) {
            // keeping the case is a convenience; the assertion still reports it
        }
    }
}
