package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArgoExamplesTest {

    @Test
    void argoExamplesLintCleanExceptTheTwoNamelessOnesAndTheOneWithADuplicateKey() {
        Path examples = SharedConformance.examples();
        LintReport report = Linter.lint(List.of(examples));

        List<Finding> problems = report.findings().stream().filter(f -> f.severity() != Severity.NOTE).toList();
        String listing = problems.stream().map(Finding::format).collect(Collectors.joining("\n"));
        assertEquals(3, problems.size(), "unexpected findings:\n" + listing);
        // k8s-patch-json-workflow.yaml gives metadata.annotations twice (lines 6 and 13). The real argo lint --offline
        // (v4.0.7) drops the document without a word: given that file alone it answers "found nothing to lint in the
        // specified paths, failing...".
        List<Finding> duplicate = problems.stream()
                .filter(f -> f.file().getFileName().toString().equals("k8s-patch-json-workflow.yaml")).toList();
        assertEquals(1, duplicate.size(), listing);
        assertEquals("metadata.annotations", duplicate.get(0).path());
        assertEquals(13, duplicate.get(0).position().line());
        for (String nameless : List.of("fun-with-gifs.yaml", "k8s-jobs.yaml")) {
            List<Finding> forFile = problems.stream().filter(f -> f.file().getFileName().toString().equals(nameless)).toList();
            assertEquals(1, forFile.size(), nameless + ":\n" + listing);
            assertEquals("metadata.name", forFile.get(0).path());
            assertEquals("metadata.name is required (or metadata.generateName)", forFile.get(0).message());
        }
        // shared/conformance/README.md: 217 files, 228 documents; counted again here with the YAML library alone.
        int documents = SharedConformance.documentsByKind().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(228, documents, "the corpus as its README describes it");
        assertEquals(documents, report.documents(), "the linter reads every document there is");

        // Of the three plain Kubernetes objects among the examples, the ConfigMap is checked as a job's
        // configuration (and is valid: string data, a DNS-1123 name), the other two are skipped, each with a note.
        List<String> skipped = report.findings().stream().filter(f -> f.severity() == Severity.NOTE)
                .map(Finding::resource).sorted().toList();
        assertEquals(List.of("PersistentVolumeClaim/my-existing-volume", "ResourceQuota/workflow-count"), skipped);
        assertEquals(List.of(), report.findings().stream().filter(f -> f.resource().equals("ConfigMap/simple-parameters")).toList());
    }
}
