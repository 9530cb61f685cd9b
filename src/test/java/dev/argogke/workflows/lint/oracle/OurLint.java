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
            List<List<Finding>> byDocument = new ArrayList<>();
            manifests.forEach(m -> byDocument.add(new ArrayList<>()));
            List<Finding> fileLevel = new ArrayList<>();
            for (Finding f : ofFile) {
                int doc = f.resource().isEmpty() ? -1 : documentAt(manifests, f.position().line());
                (doc < 0 ? fileLevel : byDocument.get(doc)).add(f);
            }
            List<OurAnswer.Document> documents = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                String kind = manifests.get(i).kind() == null ? "" : manifests.get(i).kind();
                documents.add(new OurAnswer.Document(argoName(manifests.get(i), i), kind, byDocument.get(i)));
            }
            answers.put(file, new OurAnswer(file, documents, fileLevel));
        }
        return answers;
    }

    /** The last document that starts on or before {@code line} (documents follow each other in the file). */
    private static int documentAt(List<Manifest> manifests, int line) {
        int at = manifests.isEmpty() ? -1 : 0;
        for (int i = 0; i < manifests.size(); i++) {
            if (firstLine(manifests.get(i)) <= line) {
                at = i;
            }
        }
        return at;
    }

    private static int firstLine(Manifest m) {
        return m.positions().byPath().values().stream().mapToInt(p -> p.line()).min().orElse(1);
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
