package dev.argogke.workflows.lint.oracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.fuzz.MutatedManifests;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The differential oracle of the workflow linter: the project's linter and the real {@code argo lint --offline}
 * on the same inputs (Argo's examples as one set, the linter's invalid cases one by one, mutated manifests one
 * by one), compared document by document. Every disagreement must match a class of
 * {@code e2e/oracles/lint-known-differences.txt}; the run fails on one that does not. Run by
 * {@code e2e/oracles/lint.sh}, which documents the flags.
 */
public final class LintOracle {
    private LintOracle() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags = flags(args);
        Path root = Path.of(flags.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(require(flags, "work"));
        int mutants = Integer.parseInt(flags.getOrDefault("mutants", "10000"));
        long seed = Long.parseLong(flags.getOrDefault("seed", "20260407"));
        KnownDifferences known = KnownDifferences.read(Path.of(flags.getOrDefault("known",
                root.resolve("e2e/oracles/lint-known-differences.txt").toString())));
        ArgoLint argo = new ArgoLint(Path.of(require(flags, "argo")), work, Integer.parseInt(flags.getOrDefault("workers", "2")),
                Integer.parseInt(flags.getOrDefault("batch", "50")));
        long start = System.nanoTime();
        List<Verdicts.Unit> found = new ArrayList<>();
        Path examples = Path.of(require(flags, "examples"));
        found.addAll(timed("argo examples", () -> {
            List<Path> files = ManifestLoader.manifestFiles(List.of(examples));
            return Verdicts.pair("examples", OurLint.lintAsSet(files), argo.lintAsSet(files));
        }));
        found.addAll(timed("invalid cases", () -> {
            List<Path> files = ManifestLoader.manifestFiles(List.of(root.resolve("src/test/resources/lint/invalid")));
            return Verdicts.pair("invalid", OurLint.lintEachAlone(files), argo.lintEachAlone(files));
        }));
        if (mutants > 0) {
            System.out.printf("mutated manifests: %d, seed %d, in %s%n", mutants, seed, work.resolve("mutants"));
            List<Path> files = timed("  generated", () -> MutatedManifests.write(root, work.resolve("mutants"), mutants, seed));
            Map<Path, OurAnswer> ours = timed("  project linter", () -> OurLint.lintEachAlone(files));
            Map<Path, ArgoAnswer> theirs = timed("  argo lint", () -> argo.lintEachAlone(files));
            found.addAll(Verdicts.pair("mutants", ours, theirs));
        }
        List<Verdicts.Unit> units = timed("argo lint, alone, of files where it printed nothing", () -> confirmSilence(found, argo));
        compareKinds(units, work.resolve("kinds.txt"));
        int unexplained = report(units, known, work.resolve("disagreements.txt"));
        System.out.printf("%d argo processes; %.1f s in all%n", argo.processes(), (System.nanoTime() - start) / 1e9);
        System.exit(unexplained == 0 ? 0 : 1);
    }

    /** Where argo printed nothing about a document we refuse or accept, whether it linted the document at all. */
    private static List<Verdicts.Unit> confirmSilence(List<Verdicts.Unit> units, ArgoLint argo) {
        Set<Path> files = new LinkedHashSet<>();
        units.stream().filter(u -> u.argo() == Verdicts.Argo.SILENT && u.ours() != Verdicts.Ours.SKIPPED)
                .forEach(u -> files.add(u.file()));
        Set<Path> nothing = argo.lintingNothing(files);
        return units.stream().map(u -> u.argo() == Verdicts.Argo.SILENT && nothing.contains(u.file()) ? u.ignoredByArgo() : u).toList();
    }

    /**
     * Where both refuse a document, whether they name the same kind of problem ({@link ProblemKinds}); the ones
     * that do not are listed in {@code out}. Informative: a refusal is a refusal, and the words differ by design.
     */
    private static void compareKinds(List<Verdicts.Unit> units, Path out) throws IOException {
        List<Verdicts.Unit> both = units.stream()
                .filter(u -> u.ours() == Verdicts.Ours.REFUSED && u.argo() == Verdicts.Argo.REFUSED).toList();
        List<Verdicts.Unit> differ = both.stream().filter(u -> !ProblemKinds.shareAKind(u)).toList();
        try (PrintWriter w = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            for (Verdicts.Unit u : differ) {
                w.println("ours " + ProblemKinds.ours(u.ourFindings()) + ", argo " + ProblemKinds.argo(u.argoSays()) + ": " + describe(u));
            }
        }
        System.out.printf("  both refuse %d documents; the same kind of problem (yaml, schema, rule) for %d, another for %d (%s)%n",
                both.size(), both.size() - differ.size(), differ.size(), out.getFileName());
    }

    /** Prints the counts per set and class, writes every disagreement to {@code out}; returns how many are unexplained. */
    private static int report(List<Verdicts.Unit> units, KnownDifferences known, Path out) throws IOException {
        Map<String, Integer> perClass = new TreeMap<>();
        Map<String, int[]> perSet = new LinkedHashMap<>();
        List<String> unexplained = new ArrayList<>();
        int disagreements = 0;
        ObjectMapper json = new ObjectMapper();
        // Writers that replace what UTF-8 cannot encode (a lone surrogate a mutant put in a field name) rather than fail.
        try (PrintWriter w = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
             PrintWriter j = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out.resolveSibling("disagreements.jsonl")),
                     StandardCharsets.UTF_8))) {
            for (Verdicts.Unit u : units) {
                int[] counts = perSet.computeIfAbsent(u.set(), s -> new int[2]);
                counts[0]++;
                if (u.agree()) {
                    continue;
                }
                counts[1]++;
                disagreements++;
                String cls = known.explain(u);
                String text = describe(u);
                w.println((cls == null ? "UNEXPLAINED" : "[" + cls + "]") + " " + text);
                j.println(json.writeValueAsString(Map.of("class", cls == null ? "" : cls, "set", u.set(), "label", u.label(),
                        "ours", u.ours(), "ourFindings", u.ourFindings(), "argo", u.argo(), "argoSays", u.argoSays())));
                if (cls == null) {
                    unexplained.add(text);
                } else {
                    perClass.merge(cls, 1, Integer::sum);
                }
            }
        }
        perSet.forEach((set, c) -> System.out.printf("  %-9s %6d documents, %d disagreements%n", set, c[0], c[1]));
        perClass.forEach((cls, n) -> System.out.printf("  explained %-32s %6d%n", cls, n));
        unexplained.stream().limit(30).forEach(t -> System.out.println("UNEXPLAINED " + t));
        System.out.printf("lint oracle: %d documents compared, %d disagreements (%d explained)%n",
                units.size(), disagreements, disagreements - unexplained.size());
        if (!unexplained.isEmpty()) {
            System.out.println("every disagreement is listed in " + out);
        }
        return unexplained.size();
    }

    static String describe(Verdicts.Unit u) {
        return u.set() + " " + u.label() + "\n    ours: " + u.ours() + " " + abbreviate(u.ourFindings())
                + "\n    argo: " + u.argo() + " " + abbreviate(u.argoSays());
    }

    private static String abbreviate(List<String> messages) {
        String s = String.join(" | ", messages).replace("\n", "\\n");
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    private static <T> T timed(String what, Step<T> step) {
        long t0 = System.nanoTime();
        try {
            T result = step.run();
            System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("flags are --name=value, got " + a);
            }
            flags.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return flags;
    }

    private static String require(Map<String, String> flags, String name) {
        String v = flags.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return v;
    }
}
