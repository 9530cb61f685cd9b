package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestException;
import dev.argogke.workflows.manifest.ManifestFile;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow linter: the checks of {@code argo lint} for Argo Workflows v4.1 (strict decoding,
 * then the rules of workflow/validate/validate.go) plus what the Kubernetes API server enforces,
 * and Argo Events v1.9.10's EventSources and Sensors (strict decoding, the rules of its validation),
 * over a set of documents linted together so that references resolve across files.
 * Needs no cluster. The deployed controller is older ({@link dev.argogke.argo.ArgoVersion}).
 */
public final class Linter {
    private Linter() {
    }

    /**
     * Lints the YAML files named by {@code paths} (files, and folders walked for {@code .yaml} and
     * {@code .yml}) as one set. A file that is not valid YAML becomes a finding and the run goes on.
     *
     * @throws dev.argogke.UserError when a path does not exist
     */
    public static LintReport lint(List<Path> paths) {
        List<Manifest> manifests = new ArrayList<>();
        List<Finding> fileFindings = new ArrayList<>();
        List<Path> files = ManifestLoader.manifestFiles(paths);
        // Reading and parsing dominate a run; files are independent, so they are read in parallel.
        for (ManifestFile read : files.parallelStream().map(ManifestLoader::read).toList()) {
            manifests.addAll(read.manifests());
            for (ManifestException problem : read.problems()) {
                fileFindings.add(new Finding(problem.file(), problem.position(), Severity.ERROR, "", "", problem.problem()));
            }
        }
        return run(manifests, fileFindings, files, ArgoCronLines.INSTANCE);
    }

    /** Lints documents already loaded (e.g. by the Pulumi program) as one set. */
    public static LintReport lintManifests(List<Manifest> manifests) {
        return run(manifests, List.of(), manifests.stream().map(Manifest::file).distinct().toList(), ArgoCronLines.INSTANCE);
    }

    /** Lints {@code manifests}; findings are ordered by {@code fileOrder}, then line and column. */
    static LintReport run(List<Manifest> manifests, List<Finding> fileFindings, List<Path> fileOrder, CronLines cronLines) {
        TemplateIndex index = new TemplateIndex();
        EventsIndex events = new EventsIndex();
        for (Manifest m : manifests) {
            index.add(m);
            events.add(m);
        }
        DocumentChecker checker = new DocumentChecker(new StrictDecoder(FieldModel.argo()), new StrictDecoder(FieldModel.events()),
                index, events, cronLines);
        List<Finding> findings = new ArrayList<>(fileFindings);
        Map<String, Manifest> seen = new HashMap<>();
        List<DocumentFindings> checked = manifests.parallelStream().map(m -> {
            DocumentFindings out = new DocumentFindings(m);
            checker.check(m, out);
            return out;
        }).toList();
        for (DocumentFindings out : checked) {
            if (DocumentChecker.isChecked(out.manifest())) {
                checkDuplicate(out.manifest(), seen, out);
            }
            findings.addAll(out.findings());
        }
        Map<Path, Integer> order = new HashMap<>();
        fileOrder.forEach(f -> order.putIfAbsent(f, order.size()));
        findings.sort(Comparator.<Finding>comparingInt(f -> order.getOrDefault(f.file(), Integer.MAX_VALUE))
                .thenComparing(f -> f.file().toString())
                .thenComparingInt(f -> f.position().line())
                .thenComparingInt(f -> f.position().column()));
        return new LintReport(manifests.size(), findings);
    }

    /** Two documents of one kind, namespace and name would overwrite each other in the cluster. */
    private static void checkDuplicate(Manifest m, Map<String, Manifest> seen, DocumentFindings out) {
        String name = m.name().orElse("");
        if (name.isEmpty()) {
            return;
        }
        String namespace = m.kind().equals("ClusterWorkflowTemplate") ? ""
                : Tree.text(Tree.map(m.content().get("metadata")).get("namespace"));
        Manifest first = seen.putIfAbsent(m.kind() + "/" + namespace + "/" + name, m);
        if (first != null) {
            out.error("metadata.name", m.kind() + " '" + name + "' is also defined at " + first.file() + ":"
                    + first.start().line() + "; applying both keeps only one");
        }
    }
}
