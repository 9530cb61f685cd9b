package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.workflows.manifest.ManifestLoader;
import dev.argogke.workflows.manifest.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: etl-steps
            spec:
              templates:
                - name: extract
                  inputs:
                    parameters:
                      - name: table
                  container:
                    image: alpine:3.20
                    command: [echo, "{{inputs.parameters.table}}"]
            """;

    private static final String CRON = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: nightly-etl
            spec:
              schedules: ["0 2 * * *"]
              timezone: Europe/Paris
              workflowSpec:
                entrypoint: main
                templates:
                  - name: main
                    steps:
                      - - name: extract
                          templateRef:
                            name: etl-steps
                            template: extract
                          arguments:
                            parameters: [{name: table, value: issues}]
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void templateReferencesResolveAcrossTheFilesOfTheSet() throws IOException {
        write("templates/etl.yaml", TEMPLATE);
        Path cron = write("nightly.yaml", CRON);

        assertTrue(Linter.lint(List.of(dir)).findings().isEmpty());
        // Linted alone, the CronWorkflow's reference has nothing to resolve to.
        LintReport alone = Linter.lint(List.of(cron));
        assertEquals(1, alone.errors().size());
        assertEquals("spec.workflowSpec.templates[0].steps[0][0].templateRef.name", alone.errors().get(0).path());
    }

    /**
     * "Did you mean" follows the Pulumi CLI's rule (Levenshtein, at most 2 edits; names/DidYouMean):
     * 'ld' is two insertions from 'load' and is now suggested (the linter's old bound for a word of up
     * to 4 letters was 1); "imagePulPolicie" is three edits from "imagePullPolicy" and is no longer
     * (the old bound for a word of more than 8 letters was 3).
     */
    @Test
    void aSuggestionIsAtMostTwoEditsAwayWhateverTheLengthOfTheWord() throws IOException {
        Path file = write("hello.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: hello
                spec:
                  entrypoint: ld
                  templates:
                    - name: load
                      container:
                        image: alpine:3.20
                        imagePulPolicie: Always
                """);

        List<String> messages = Linter.lint(List.of(file)).errors().stream().map(f -> f.path() + ": " + f.message()).toList();

        assertEquals(List.of("spec.entrypoint: entrypoint 'ld' is not a template of this Workflow; did you mean 'load'?",
                "spec.templates[0].container.imagePulPolicie: unknown field \"imagePulPolicie\" in Container"),
                messages.stream().sorted().toList());
    }

    @Test
    void aFileThatIsNotYamlIsAFindingAndTheOtherFilesAreStillLinted() throws IOException {
        Path broken = write("a-broken.yaml", "kind: Workflow\nmetadata:\n  name: [unclosed\n");
        write("b-cron.yaml", CRON.replace("0 2 * * *", "0 26 * * *"));
        write("c-template.yaml", TEMPLATE);

        LintReport report = Linter.lint(List.of(dir));

        assertEquals(2, report.findings().size(), report.findings().toString());
        Finding syntax = report.findings().get(0);
        assertEquals(broken, syntax.file());
        assertTrue(syntax.message().startsWith("invalid YAML"), syntax.message());
        Finding schedule = report.findings().get(1);
        assertEquals("spec.schedules[0]", schedule.path());
        assertEquals(2, report.documents());
    }

    @Test
    void aBrokenDocumentKeepsTheDocumentsBeforeIt() throws IOException {
        Path file = write("multi.yaml", TEMPLATE + "---\nkind: [\n");
        LintReport report = Linter.lint(List.of(file));
        assertEquals(1, report.documents());
        assertEquals(1, report.findings().size());
        assertTrue(report.findings().get(0).message().startsWith("invalid YAML"));
    }

    @Test
    void findingsPointAtTheLineAndColumnOfTheOffendingField() throws IOException {
        Path file = write("cron.yaml", CRON.replace("timezone: Europe/Paris", "timezone: Europe/Pariss"));
        Finding f = Linter.lint(List.of(file)).findings().get(0);
        assertEquals(new SourcePosition(7, 3), f.position());
        assertEquals(file + ":7:3: error: CronWorkflow/nightly-etl spec.timezone: unknown time zone \"Europe/Pariss\":"
                + " use an IANA name such as Europe/Paris or America/New_York", f.format());
    }

    @Test
    void timeZonesGoLoadsAndJavaTimeDoesNotListAreAccepted() throws IOException {
        // tzdata links Go's time.LoadLocation finds (Argo validates spec.timezone with it)
        for (String zone : List.of("EST", "GMT+0", "ROC", "Factory")) {
            Path file = write("cron-" + zone.replace('+', 'p') + ".yaml", CRON.replace("timezone: Europe/Paris", "timezone: " + zone));
            assertEquals(List.of(), Linter.lint(List.of(file)).findings().stream()
                    .filter(f -> f.path().equals("spec.timezone")).toList(), zone);
        }
    }

    @Test
    void everyFindingOfARunIsReportedNotJustTheFirst() throws IOException {
        Path file = write("cron.yaml", CRON.replace("timezone: Europe/Paris", "timezone: Mars/Olympus\n  concurrencyPolicy: Sometimes")
                .replace("0 2 * * *", "0 2 * *"));
        LintReport report = Linter.lint(List.of(file));
        assertEquals(List.of("spec.schedules[0]", "spec.timezone", "spec.concurrencyPolicy", "spec.workflowSpec.templates[0].steps[0][0].templateRef.name"),
                report.findings().stream().map(Finding::path).toList());
    }

    @Test
    void otherKubernetesObjectsAreSkippedWithANote() throws IOException {
        Path file = write("pvc.yaml", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: scratch\nspec: {}\n");
        LintReport report = Linter.lint(List.of(file));
        assertEquals(1, report.findings().size());
        assertEquals(Severity.NOTE, report.findings().get(0).severity());
        assertTrue(report.clean());
        assertEquals("lint: 1 document, 0 errors", report.summary());
    }

    @Test
    void aJobsConfigMapIsCheckedAndAValidOneHasNoFinding() throws IOException {
        Path file = write("settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n  PORT: \"8080\"\n");
        LintReport report = Linter.lint(List.of(file));
        assertEquals(List.of(), report.findings());
    }

    /**
     * kubectl reads an ExternalSecret through the same YAML-to-JSON conversion as Argo (sigs.k8s.io/yaml), which has
     * no NaN: found by the lint oracle (the real argo lint: "json: unsupported value: NaN").
     */
    @Test
    void aNumberJsonCannotHoldInAJobsExternalSecretIsAnError() throws IOException {
        Path file = write("token.yaml", "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: token\nnote: .nan\n"
                + "spec:\n  secretStoreRef: {name: secret-manager, kind: SecretStore}\n  data:\n    - secretKey: token\n"
                + "      remoteRef: {key: jira-api-token}\n");
        List<String> messages = Linter.lint(List.of(file)).errors().stream().map(f -> f.path() + ": " + f.message()).toList();
        assertTrue(messages.contains("note: .nan is a number JSON cannot hold, so neither Argo nor Kubernetes can read this document;"
                + " quote it if it is text"), messages.toString());
    }

    @Test
    void alreadyLoadedManifestsAreLintedAsOneSet() {
        var manifests = new java.util.ArrayList<>(ManifestLoader.parse(Path.of("workflows/nightly.yaml"), CRON));
        assertEquals(1, Linter.lintManifests(manifests).errors().size());
        manifests.addAll(ManifestLoader.parse(Path.of("workflows/templates.yaml"), TEMPLATE));
        LintReport report = Linter.lintManifests(manifests);
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(2, report.documents());
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        UserError e = assertThrows(UserError.class, () -> Linter.lint(List.of(dir.resolve("nope"))));
        assertTrue(e.getMessage().contains("no such file or folder"), e.getMessage());
    }
}
