package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argogke.testing.ArgoEventsModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linter against Argo Events v1.9.10 itself, document by document: the oracle (e2e/oracles/events, built by
 * {@code e2e/oracles/events.sh}) decodes each EventSource and Sensor into Argo Events' Go types as its controller's
 * client does, made strict, and runs the validation the controller runs before starting it. What Argo Events
 * refuses, the linter must refuse; what it accepts, the linter may refuse only for a check Argo Events does not
 * make ({@link #OURS_ONLY}). Skipped without the oracle ({@code EVENTS_ORACLE}, or the e2e bin folder).
 */
class ArgoEventsOracleTest {

    /** The linter's checks that Argo Events' validation does not make, each with why. */
    private static final List<Pattern> OURS_ONLY = Stream.of(
            // References across the linted set: Argo Events meets them only at run time, on the EventBus or in argo.
            "is not defined in the linted files", "has no event '", "declares no parameter '",
            "is not a dependency of this Sensor", "writes to item \\d+ of the Workflow", "^submit-from starts a workflow",
            "is also defined at",
            // The Workflow a trigger submits: Argo Events keeps it as raw JSON (K8SResource, resource.go); argo submit
            // decodes it strictly when the trigger fires.
            "^spec\\.triggers\\[\\d+\\]\\.template\\.(argoWorkflow|k8s)\\.source\\.resource\\.",
            // webhook/start.go refuses requests whose method differs; ValidateWebhookContext does not look at it.
            "needs a method, POST or GET", "^method \".*\" is not POST or GET",
            // The name goes into a label of the Deployment (reconciler controller.go): at most 63 characters.
            "name '.*' is \\d+ characters").map(Pattern::compile).toList();

    record Verdict(boolean refused, String message) {
    }

    @Test
    void whatArgoEventsRefusesTheLinterRefusesAndItRefusesMoreOnlyForItsOwnChecks() throws Exception {
        Path oracle = oracle();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        try (Stream<Path> cases = Files.list(resource("invalid"))) {
            for (Path file : cases.filter(f -> f.getFileName().toString().matches("(eventsource|sensor)-.*\\.yaml")).sorted().toList()) {
                compare(oracle, List.of(file), List.of(file), problems, tally);
            }
        }
        compare(oracle, List.of(resource("valid/events")), yamlFiles(resource("valid/events")), problems, tally);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // 49 documents: 10 EventSource cases; 18 Sensor cases, 17 with an EventSource beside; the valid set's 2 + 2.
        // Argo Events refuses 8 EventSource cases (all but the two webhook methods) and 7 Sensor cases (operations,
        // no dependency, logical operator, trigger names, unknown field); the other 13 cases are the linter's own.
        assertEquals(Map.of("accepted by both", 21, "refused by both", 15, "refused by the linter only", 13), tally);
    }

    @Test
    void onArgoEventsOwnExamplesTheyAgreeDocumentByDocument() throws Exception {
        Path oracle = oracle();
        Path examples = ArgoEventsModule.folder().resolve("examples");
        List<Path> folders = List.of(examples.resolve("event-sources"), examples.resolve("sensors"));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            files.addAll(yamlFiles(folder));
        }
        compare(oracle, folders, files, problems, tally);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // The five fields Argo Events' types do not have (ArgoEventsExamplesTest), refused by both; six set-level findings.
        assertEquals(Map.of("accepted by both", 99, "refused by both", 5, "refused by the linter only", 6), tally);
    }

    private static void compare(Path oracle, List<Path> lint, List<Path> files, List<String> problems, Map<String, Integer> tally)
            throws IOException, InterruptedException {
        Map<String, Verdict> theirs = run(oracle, files);
        Map<String, List<Finding>> ours = new HashMap<>();
        for (Finding f : Linter.lint(lint).findings()) {
            if (f.severity() == Severity.ERROR) {
                ours.computeIfAbsent(f.file().toAbsolutePath().normalize() + " " + f.resource(), k -> new ArrayList<>()).add(f);
            }
        }
        theirs.forEach((document, verdict) -> {
            List<Finding> errors = ours.getOrDefault(document, List.of());
            List<Finding> unexplained = errors.stream()
                    .filter(f -> OURS_ONLY.stream().noneMatch(p -> p.matcher(f.message()).find() || p.matcher(f.path()).find()))
                    .toList();
            if (verdict.refused() && errors.isEmpty()) {
                problems.add(document + ": Argo Events refuses it (" + verdict.message() + "), the linter says nothing");
            } else if (!verdict.refused() && !unexplained.isEmpty()) {
                problems.add(document + ": Argo Events accepts it, the linter says " + unexplained.get(0).format());
            }
            tally.merge(verdict.refused() ? "refused by both" : errors.isEmpty() ? "accepted by both"
                    : "refused by the linter only", 1, Integer::sum);
        });
    }

    /** The oracle's verdict per document, keyed "absolute file Kind/name". */
    private static Map<String, Verdict> run(Path oracle, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(oracle.toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().normalize().toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "the oracle failed: " + out);
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\t", 5);
                verdicts.put(f[0] + " " + f[2], new Verdict(f[3].equals("refused"), f.length > 4 ? f[4] : ""));
            }
        }
        return verdicts;
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ArgoEventsOracleTest.class.getResource("/lint/" + name).toURI());
    }

    private static Path oracle() {
        String env = System.getenv("EVENTS_ORACLE");
        String cache = System.getenv("XDG_CACHE_HOME") != null ? System.getenv("XDG_CACHE_HOME")
                : System.getProperty("user.home") + "/.cache";
        Path oracle = env != null ? Path.of(env) : Path.of(cache, "argo-gke", "e2e", "bin", "events-oracle");
        assumeTrue(Files.isExecutable(oracle), "no Argo Events oracle at " + oracle + " (build it with e2e/oracles/events.sh"
                + " --build): skipping the comparison with Argo Events' own validation");
        return oracle;
    }
}
