package dev.argogke.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.argogke.UserError;
import dev.argogke.argo.ArgoVersion;
import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import dev.argogke.workflows.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code argo-gke lint [PATH...]}: the workflow linter, with compiler-style or JSON output. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        description = {
                "Check Argo workflow manifests as Argo Workflows " + ArgoVersion.LINT_RULES + " and the Kubernetes API server would.",
                "Files and folders are linted as one set, before they reach the cluster, so templates"
                        + " referenced across files resolve.",
                "Exit status: 0 no errors, 1 errors found, 2 usage error."})
public final class LintCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "YAML files or folders (searched for .yaml and .yml). Default: workflows/")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per finding, like a compiler) or json. Default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        List<Path> targets = paths.isEmpty() ? List.of(Path.of("workflows")) : paths;
        for (Path p : targets) {
            if (!Files.exists(p)) {
                throw new UserError("no such file or folder: " + p
                        + (paths.isEmpty() ? " (run lint from the repository root, or name the folders to lint)" : ""));
            }
        }
        LintReport report = Linter.lint(targets);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(report));
        } else {
            for (Finding f : report.findings()) {
                out.println(f.format());
            }
            out.println(report.summary());
        }
        out.flush();
        return report.clean() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }

    static String json(LintReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("documents", report.documents());
        root.put("errors", report.count(Severity.ERROR));
        root.put("warnings", report.count(Severity.WARNING));
        root.put("notes", report.count(Severity.NOTE));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", f.file().toString());
            item.put("line", f.position().line());
            item.put("column", f.position().column());
            item.put("severity", f.severity().label());
            item.put("resource", f.resource());
            item.put("path", f.path());
            item.put("message", f.message());
            findings.add(item);
        }
        root.put("findings", findings);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lint report as JSON", e);
        }
    }
}
