package dev.argogke.fuzz;

import dev.argogke.config.SettingsLoader;
import dev.argogke.testing.TestSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.UserError;
import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Example;

/**
 * Workflow input fuzzing: the repository's workflows and the linter's invalid cases, mutated
 * (structure and text), through the linter and through the program's workflow loading. Never a
 * crash; every finding and every error has a location (file:line). A sample of the manifests the
 * program accepts goes through the whole program under the mock engine, where nothing may fail.
 *
 * <p>Flags: {@code -Dargogke.fuzz.manifests} (cases, default 10,000), {@code -Dargogke.fuzz.seed},
 * {@code -Dargogke.fuzz.manifestPlans} (accepted manifests planned, default 60).
 */
class WorkflowFuzzTest {
    static final int TRIES = Integer.getInteger("argogke.fuzz.manifests", 10_000);
    static final long SEED = Long.getLong("argogke.fuzz.seed", 20260407L);
    static final int PLANS = Integer.getInteger("argogke.fuzz.manifestPlans", 60);
    static final Path ROOT = Path.of(".");

    @Example
    void everyMutatedManifestIsLintedAndLoadedWithoutACrashAndEveryProblemHasALocation() throws IOException {
        StackFileMutator mutator = new StackFileMutator(new FuzzValues(new Random(SEED)), MutatedManifests.seedTexts(ROOT), null);
        StackFile dev = StackFile.forStack(ROOT.resolve("stacks"), "dev");
        int findings = 0;
        int withFindings = 0;
        int loaded = 0;
        int planned = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            Path dir = Files.createTempDirectory("workflow-fuzz");
            byte[] bytes = mutator.next();
            String name = nameOf(bytes, i);
            Path file = dir.resolve(name + ".yaml");
            Files.write(file, bytes);
            String failure = null;
            try {
                LintReport report = Linter.lint(List.of(file));
                findings += report.findings().size();
                withFindings += report.findings().isEmpty() ? 0 : 1;
                for (Finding f : report.findings()) {
                    if (!f.file().equals(file) || f.position().line() < 1 || f.message().isBlank() || f.message().contains("\n")) {
                        failure = "finding without a proper location or message: " + f.format();
                    }
                }
            } catch (Throwable t) {
                failure = "linter crashed: " + ConfigFuzzTest.trace(t);
            }
            if (failure == null) {
                try {
                    WorkflowCatalog.load(dir);
                    loaded++;
                    if (planned < PLANS) {
                        planned++;
                        OfflinePlan.run(ROOT, TestSettings.forOtherWorkflows(SettingsLoader.load("dev", dev)), dev.values(), dev.secretKeys(), Optional.of(dir));
                    }
                } catch (UserError e) {
                    String m = e.getMessage();
                    if (!m.startsWith(file + ":") || !m.matches("(?s)^\\S+:\\d+.*") || m.contains("\n")) {
                        failure = "error without file:line, or not one line: " + m;
                    }
                } catch (Throwable t) {
                    failure = "program crashed: " + ConfigFuzzTest.trace(t);
                }
            }
            if (failure != null) {
                failures.add("case " + i + ": " + failure);
                ConfigFuzzTest.keep(1_000_000 + i, bytes);
            }
            try (Stream<Path> left = Files.list(dir)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("workflow fuzz: %d manifest mutations (seed %d), %d with findings (%d findings), %d loaded by the program, "
                + "%d planned under the mock engine; %d crashes or unlocated problems; %.1f s%n",
                TRIES, SEED, withFindings, findings, loaded, planned, failures.size(), seconds);
        failures.stream().limit(20).forEach(f -> System.out.println("FAILED " + f));
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " failing cases, kept in target/fuzz-failures/");
    }

    /** Named after metadata.name when the mutation kept one that makes a file name, so the catalog gets past its naming rule. */
    private static String nameOf(byte[] bytes, int i) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  name: ([a-z0-9][-a-z0-9.]{0,60})\\s*$").matcher(text);
        return m.find() ? m.group(1) : "case-" + i;
    }
}
