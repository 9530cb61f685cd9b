package dev.argogke.workflows.lint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code e2e/oracles/lint-known-differences.txt}, the classes of disagreement with the real {@code argo lint} that
 * the lint oracle accepts, stays true: each class's example still gets from the linter the verdict and the message
 * the class says we give, and (when the argo CLI is built: {@code e2e/tools.sh argo}, or {@code ARGO=...}) the real
 * argo still answers as the class says, so that the oracle files the example under that very class.
 */
class KnownDifferencesTest {
    static final Path FILE = Path.of("e2e/oracles/lint-known-differences.txt");

    @TempDir
    Path work;

    static Stream<KnownDifferences.Entry> entries() {
        return KnownDifferences.read(FILE).entries().stream();
    }

    @Test
    void everyClassHasAUniqueNameAReasonAndAnExampleThatExists() {
        List<KnownDifferences.Entry> entries = KnownDifferences.read(FILE).entries();
        assertTrue(entries.size() >= 10, "expected the classes of " + FILE);
        Set<String> ids = new HashSet<>();
        for (KnownDifferences.Entry e : entries) {
            assertTrue(ids.add(e.id()), "class " + e.id() + " is listed twice");
            assertTrue(Files.isRegularFile(Path.of(e.fields().get("example"))), e.id() + ": no example " + e.fields().get("example"));
            assertTrue(e.fields().get("why").length() > 40, e.id() + ": say why, with the source");
        }
    }

    @Test
    void aBlockWithoutAReasonIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KnownDifferences.parse("t.txt", List.of("class: x", "argo: silent", "ours: refused", "argo says: -",
                        "we say: -", "example: e.yaml")));
        assertTrue(e.getMessage().contains("'why:'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theLinterStillSaysWhatTheClassSaysWeSay(KnownDifferences.Entry entry) {
        // As argo answers where the class says it does not read a document, so that the oracle's pairing (a file with
        // an unread document is compared whole) is the same here.
        List<String> unread = entry.argo() == Verdicts.Argo.UNREAD ? List.of("(a document argo cannot read)") : List.of();
        Verdicts.Unit ours = onlyUnit(entry, OurLint.lintEachAlone(List.of(example(entry))),
                Map.of(example(entry), new ArgoAnswer(example(entry), Map.of(), unread, null)));
        assertEquals(entry.ours(), ours.ours(), entry.id() + ": " + ours.ourFindings());
        if (entry.ourPattern() != null) {
            assertTrue(ours.ourFindings().stream().anyMatch(entry::ourMatch), entry.id() + ": " + ours.ourFindings());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theRealArgoLintStillAnswersAsTheClassSaysAndTheOracleFilesTheExampleThere(KnownDifferences.Entry entry) {
        Path argo = argoCli();
        ArgoLint real = new ArgoLint(argo, work, 1, 1);
        Path file = example(entry);
        Verdicts.Unit unit = onlyUnit(entry, OurLint.lintEachAlone(List.of(file)), real.lintEachAlone(List.of(file)));
        if (unit.argo() == Verdicts.Argo.SILENT && !real.lintingNothing(List.of(file)).isEmpty()) {
            unit = unit.ignoredByArgo();
        }
        assertEquals(entry.argo(), unit.argo(), entry.id() + ": argo said " + unit.argoSays());
        assertFalse(unit.agree(), entry.id() + ": the two linters agree on the example now; drop the class");
        String explained = KnownDifferences.read(FILE).explain(unit);
        assertNotNull(explained, entry.id() + ": not explained: " + LintOracle.describe(unit));
        assertTrue(List.of(explained.split("\\+")).contains(entry.id()), entry.id() + ": filed under " + explained);
    }

    private static Path example(KnownDifferences.Entry entry) {
        return Path.of(entry.fields().get("example"));
    }

    /** The example's unit: its only one, or the one of the class's kind. */
    private static Verdicts.Unit onlyUnit(KnownDifferences.Entry entry, Map<Path, OurAnswer> ours, Map<Path, ArgoAnswer> argo) {
        List<Verdicts.Unit> units = Verdicts.pair("example", ours, argo).stream()
                .filter(u -> entry.kind().isEmpty() || entry.kind().equals(u.kind())).toList();
        assertEquals(1, units.size(), entry.id() + ": the example should hold one document: " + units);
        return units.get(0);
    }

    private static Path argoCli() {
        String env = System.getenv("ARGO");
        String cache = System.getenv("XDG_CACHE_HOME") != null ? System.getenv("XDG_CACHE_HOME")
                : System.getProperty("user.home") + "/.cache";
        Path argo = env != null ? Path.of(env) : Path.of(cache, "argo-gke", "e2e", "bin", "argo");
        assumeTrue(Files.isExecutable(argo), "no argo CLI at " + argo + " (build it with e2e/tools.sh argo): "
                + "checking only what argo-gke lint says");
        return argo;
    }
}
