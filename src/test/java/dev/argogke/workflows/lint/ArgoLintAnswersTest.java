package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases where the differential oracle ({@code e2e/oracles/lint.sh}) found the linter disagreeing with the real
 * {@code argo lint --offline} (Argo v4.0.7) for a reason that was the linter's fault. Each expectation is the real
 * tool's answer, quoted in the test, for the same document.
 */
class ArgoLintAnswersTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: hello
            spec:
              entrypoint: main
              templates:
              - name: main
            """;

    private LintReport lint(String text) throws IOException {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, text);
        return Linter.lint(List.of(file));
    }

    private static String listing(LintReport report) {
        return report.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
    }

    @Test
    void aTabAfterAKeyIsWhiteSpaceAsInArgo() throws IOException {
        // argo lint --offline: "no linting errors found!" for each (go-yaml, like YAML 1.2, allows a tab as
        // separation after "key:"; SnakeYAML refused it as "found character '\t' that cannot start any token").
        for (String container : List.of("    container:\n      image:\talpine:3.20\n", "    container:\t\n      image: alpine:3.20\n",
                "    container:\n      image:  \t alpine:3.20\n")) {
            LintReport report = lint(HEAD + container);
            assertTrue(report.findings().isEmpty(), container + ":\n" + listing(report));
        }
    }

    @Test
    void aTabAfterASequenceDashIsStillInvalidYamlAsInArgo() throws IOException {
        // argo lint --offline logs 'yaml file is not valid ... yaml: line 8: found character that cannot start any
        // token' and skips the document.
        LintReport report = lint(HEAD.replace("  - name: main\n", "  -\tname: main\n") + "    container:\n      image: alpine:3.20\n");
        assertEquals(1, report.errors().size(), listing(report));
        assertTrue(report.errors().get(0).message().startsWith("invalid YAML"), listing(report));
    }

    @Test
    void aKeyTwiceInOneMappingIsAnErrorNamingBothLines() throws IOException {
        // argo lint --offline converts each document with sigs.k8s.io/yaml YAMLToJSONStrict, which refuses a key
        // given twice; it then drops the document without a word and, given this file alone, answers "found nothing
        // to lint in the specified paths, failing...". Argo's own example k8s-patch-json-workflow.yaml does this.
        LintReport report = lint("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  generateName: patch-
                  annotations:
                    a: "1"
                  annotations:
                    b: "2"
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    container:
                      image: alpine:3.20
                """);
        assertEquals(1, report.errors().size(), listing(report));
        Finding f = report.errors().get(0);
        assertEquals("metadata.annotations", f.path(), listing(report));
        assertEquals(7, f.position().line(), listing(report));
        assertTrue(f.message().contains("line 5"), listing(report));
    }

    @Test
    void aSurrogateEscapeIsNotACharacterAsInArgo() throws IOException {
        // argo lint --offline: 'yaml file is not valid ... yaml: line 11: found invalid Unicode character escape code'
        // (go-yaml refuses \\uD800-\\uDFFF escapes, even two that make a pair); the document is not linted.
        for (String value : List.of("\"a\\udce0b\"", "\"\\ud83d\\ude00\"")) {
            LintReport report = lint(HEAD + "    container:\n      image: alpine:3.20\n      args: [" + value + "]\n");
            assertEquals(1, report.errors().size(), value + ":\n" + listing(report));
            assertTrue(report.errors().get(0).message().startsWith("invalid YAML"), listing(report));
            assertEquals(11, report.errors().get(0).position().line(), listing(report));
        }
        // The character itself, or an escape of one beyond the surrogates, is fine for both.
        assertTrue(lint(HEAD + "    container:\n      image: alpine:3.20\n      args: [\"\uD83D\uDE00 \\U0001F600 \\u00e9\"]\n")
                .findings().isEmpty());
    }

    @Test
    void aNegativeHistoryLimitIsAWarningNotAnError() throws IOException {
        // argo lint --offline: "no linting errors found!"; the CRD has no minimum and the cron controller keeps its
        // default for a negative limit (workflow/cron/operator.go enforceHistoryLimit).
        LintReport report = lint("""
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: nightly-etl
                spec:
                  schedules: ["0 2 * * *"]
                  failedJobsHistoryLimit: -1
                  workflowSpec:
                    entrypoint: main
                    templates:
                      - name: main
                        container:
                          image: alpine:3.20
                """);
        assertTrue(report.clean(), listing(report));
        assertEquals(1, report.count(Severity.WARNING), listing(report));
        assertEquals("spec.failedJobsHistoryLimit", report.findings().get(0).path());
    }

    @Test
    void aNegativeRetryLimitOrBackoffFactorIsAWarningNotAnError() throws IOException {
        // argo lint --offline: "no linting errors found!" for both; the controller makes no retry for a negative
        // limit and ignores a factor below 1 (workflow/controller/operator.go processNodeRetries).
        String retry = HEAD + "    container:\n      image: alpine:3.20\n    retryStrategy:\n";
        LintReport limit = lint(retry + "      limit: -1\n");
        assertTrue(limit.clean(), listing(limit));
        assertEquals(List.of("spec.templates[0].retryStrategy.limit"), limit.findings().stream().map(Finding::path).toList());
        LintReport factor = lint(retry + "      limit: 2\n      backoff: {duration: 10s, factor: -2}\n");
        assertTrue(factor.clean(), listing(factor));
        assertEquals(List.of("spec.templates[0].retryStrategy.backoff.factor"), factor.findings().stream().map(Finding::path).toList());
    }

    @Test
    void infinityOrNotANumberIsAnErrorBecauseJsonCannotHoldIt() throws IOException {
        // argo lint --offline: 'yaml file is not valid ... error converting YAML to JSON: json: unsupported value: +Inf'
        // (and "NaN" for .nan); the document is not linted, and kubectl's YAML-to-JSON conversion fails the same way.
        for (String item : List.of(".inf", "-.Inf", ".NaN")) {
            LintReport report = lint(HEAD + "    steps:\n    - - name: each\n        template: print\n        withItems: [1, " + item
                    + "]\n  - name: print\n    container:\n      image: alpine:3.20\n");
            assertEquals(1, report.errors().size(), item + ":\n" + listing(report));
            assertEquals("spec.templates[0].steps[0][0].withItems[1]", report.errors().get(0).path(), listing(report));
        }
        // Under an unknown field too: argo cannot read the document at all ("json: unsupported value: -Inf").
        LintReport unknown = lint(HEAD + "    container:\n      image: alpine:3.20\nkey: -.inf\n");
        assertEquals(List.of("key", "key"), unknown.errors().stream().map(Finding::path).toList(), listing(unknown));
        // Quoted, it is text.
        assertTrue(lint(HEAD + "    container:\n      image: alpine:3.20\n      args: [\".inf\"]\n").findings().isEmpty());
    }

    @Test
    void anEmptyBlockScalarBeforeABlankLineIsValidYamlAsInArgo() throws IOException {
        // argo lint --offline: "no linting errors found!" for each. YAML 1.2 (example 8.6, "Empty Scalar Chomping")
        // allows a block scalar of empty lines only; SnakeYAML Engine 2.10 refused it ("the leading empty lines
        // contain more spaces (5) than the first non-empty line"), 3.1.1 reads it.
        for (String header : List.of("|", "|+", "|2+", ">-")) {
            LintReport report = lint(HEAD.replace("  name: hello\n", "  name: hello\n  annotations:\n    note: " + header + "\n\n")
                    + "    container:\n      image: alpine:3.20\n");
            assertTrue(report.findings().isEmpty(), header + ":\n" + listing(report));
        }
    }

    @Test
    void aTabInTheWhiteSpaceThatStartsALineIsInvalidYamlAsInArgo() throws IOException {
        // argo lint --offline answers "found nothing to lint in the specified paths, failing..." for each: go-yaml
        // does not skip a tab where a block key may start, even on a blank line or before a comment.
        String head = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: hello\n";
        String tail = "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    container:\n      image: alpine:3.20\n";
        for (String text : List.of(head + "\t\n" + tail, head + "  \t\n" + tail, head + "  \t # note\n" + tail, head + tail + "\t",
                head + "  annotations:\n    s: a\n        b\n" + tail.replace("      image", "    \t\n      image"))) {
            LintReport report = lint(text);
            assertEquals(1, report.errors().size(), text + "\n" + listing(report));
            assertTrue(report.errors().get(0).message().startsWith("invalid YAML: a tab"), listing(report));
        }
        // "no linting errors found!": inside a flow collection or a quoted scalar, and past the indentation of a
        // block scalar, a tab is fine for go-yaml too.
        for (String text : List.of(head + "  labels: {a: \"1\",\n\t\n   b: \"2\"}\n" + tail,
                head + "  annotations:\n    s: \"a\n\t\n     b\"\n" + tail,
                head + "  annotations:\n    s: |\n      x\n      \ty\n       \t\n      z\n" + tail)) {
            LintReport report = lint(text);
            assertTrue(report.findings().isEmpty(), text + "\n" + listing(report));
        }
    }

    @Test
    void aCronWorkflowMustGiveAValueToItsTemplatesParameterWithoutOne() throws IOException {
        // argo lint --offline (v4.0.7), mutant case-06680 of the oracle: in "since" (CronWorkflow): cannot validate
        // Workflow: spec.arguments.since.value or spec.arguments.since.valueFrom is required. The WorkflowTemplate
        // alone passes (a template's parameters may wait for submission).
        String template = """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: since
                spec:
                  entrypoint: main
                  arguments:
                    parameters:
                      - name: since
                  templates:
                    - name: main
                      container:
                        image: busybox:1.36
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: since
                spec:
                  schedules: ["0 2 * * *"]
                  workflowSpec:
                    workflowTemplateRef:
                      name: since
                """;
        LintReport report = lint(template);
        assertEquals(List.of("CronWorkflow/since spec.workflowSpec.arguments"), report.errors().stream()
                .map(f -> f.resource() + " " + f.path()).toList(), listing(report));
        LintReport given = lint(template + "    arguments:\n      parameters:\n        - name: since\n          value: 24h\n");
        assertTrue(given.errors().isEmpty(), listing(given));
    }
}
