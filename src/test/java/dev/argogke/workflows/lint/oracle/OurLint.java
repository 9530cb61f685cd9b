package dev.argogke.workflows.lint.oracle;

import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the project's linter ({@link Linter}) in this JVM and groups its findings by file and document. */
final class OurLint {
    private OurLint() {
    }

    /** The files linted as one set, so that templates resolve across them. */
    static Map<Path, OurAnswer> lintAsSet(List<Path> files) {
        return answers(files, Linter.lint(files));
    }

    /** Each file linted on its own. */
    static Map<Path, OurAnswer> lintEachAlone(List<Path> files) {
        Map<Path, OurAnswer> answers = new LinkedHashMap<>();
        files.parallelStream().map(f -> answers(List.of(f), Linter.lint(List.of(f))).get(f)).toList()
                .forEach(a -> answers.put(a.file(), a));
        return answers;
    }

    private static Map<Path, OurAnswer> answers(List<Path> files, LintReport report) {
        Map<Path, OurAnswer> answers = new LinkedHashMap<>();
        for (Path file : files) {
            List<Manifest> manifests = ManifestLoader.read(file).manifests();
            List<Finding> ofFile = report.findings().stream().filter(f -> f.file().equals(file)).toList();
            List<OurAnswer.Document> documents = new ArrayList<>();
            int index = 0;
            for (Manifest m : manifests) {
                String resource = m.displayName();
                String key = argoName(m, index++);
                documents.add(new OurAnswer.Document(key, ofFile.stream()
                        .filter(f -> f.resource().equals(resource) && inDocument(f, m, manifests)).toList()));
            }
            answers.put(file, new OurAnswer(file, documents, ofFile.stream().filter(f -> f.resource().isEmpty()).toList()));
        }
        return answers;
    }

    /** Whether a finding lies in {@code m}'s lines (two documents of a file may share a Kind/name). */
    private static boolean inDocument(Finding f, Manifest m, List<Manifest> all) {
        int next = all.indexOf(m) + 1;
        int end = next < all.size() ? all.get(next).start().line() : Integer.MAX_VALUE;
        return f.position().line() >= m.start().line() && f.position().line() < end;
    }

    /** cmd/argo/lint/lint.go getObjectName: the name, else generateName, else "object #N" (1-based). */
    private static String argoName(Manifest m, int index) {
        String name = m.name().orElse("");
        if (!name.isEmpty()) {
            return name;
        }
        if (m.content().get("metadata") instanceof Map<?, ?> meta && meta.get("generateName") instanceof String g && !g.isEmpty()) {
            return g;
        }
        return "object #" + (index + 1);
    }
}
