package dev.argogke.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCatalogTest {
    @TempDir
    Path dir;

    private static final String CRON = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: %s
            spec:
              schedules: ["0 2 * * *"]
              workflowSpec:
                entrypoint: main
                templates:
                  - name: main
                    container: {image: alpine:3.20}
            """;

    @Test
    void theRepositoryWorkflowsLoadSortedByKindThenName() {
        WorkflowCatalog catalog = WorkflowCatalog.load(Path.of("workflows"));
        List<String> names = catalog.manifests().stream().map(m -> m.kind() + "/" + m.name().orElseThrow()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.contains("WorkflowTemplate/etl-step"), names.toString());
    }

    @Test
    void malformedYamlStopsWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: [broken\n");
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("broken.yaml") + ":"), e.getMessage());
        assertTrue(e.getMessage().matches(".*broken\\.yaml:[0-9]+:[0-9]+: error: invalid YAML.*"), e.getMessage());
    }

    @Test
    void fileMustBeNamedAfterTheObject() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), CRON.formatted("nightly"));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().contains("rename it to nightly.yaml"), e.getMessage());
    }

    @Test
    void onlyOneObjectOfEachKindPerFile() throws IOException {
        Files.writeString(dir.resolve("nightly.yaml"), CRON.formatted("nightly") + "---\n" + CRON.formatted("nightly"));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().contains("a second CronWorkflow in one file"), e.getMessage());
    }

    @Test
    void aTemplateAndTheCronWorkflowThatRunsItShareAFile() throws IOException {
        String template = CRON.formatted("nightly").replace("kind: CronWorkflow", "kind: WorkflowTemplate");
        Files.writeString(dir.resolve("nightly.yaml"), template + "---\n" + CRON.formatted("nightly"));
        assertEquals(List.of("CronWorkflow/nightly", "WorkflowTemplate/nightly"), WorkflowCatalog.load(dir).manifests().stream()
                .map(m -> m.kind() + "/" + m.name().orElseThrow()).toList());
    }

    @Test
    void aPlainWorkflowIsRefusedWithTheAlternative() throws IOException {
        Files.writeString(dir.resolve("once.yaml"), CRON.formatted("once").replace("kind: CronWorkflow", "kind: Workflow"));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().contains("make it a WorkflowTemplate"), e.getMessage());
    }

    @Test
    void aMissingFolderNamesTheSetting() {
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": no workflows folder; create it, or set argo-gke:workflows.directory", e.getMessage());
    }

    @Test
    void aKindWithALineBreakIsStillAOneLineError() throws IOException {
        Files.writeString(dir.resolve("odd.yaml"), CRON.formatted("odd").replace("kind: CronWorkflow", "kind: \"Cron\\nWorkflow\""));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("odd.yaml:1: Cron\\nWorkflow/odd: only"), e.getMessage());
    }

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s
            data:
              REPORT_BUCKET: acme-reports
            """;

    private static final String EXTERNAL_SECRET = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: %s
            spec:
              secretStoreRef: {name: secret-manager, kind: SecretStore}
              data:
                - secretKey: token
                  remoteRef: {key: %s}
                - secretKey: password
                  remoteRef: {key: %s}
            """;

    @Test
    void aJobsConfigMapAndExternalSecretSitBesideItsWorkflowsInTheFileNamedAfterThem() throws IOException {
        Files.writeString(dir.resolve("nightly.yaml"), CRON.formatted("nightly") + "---\n" + CONFIG_MAP.formatted("nightly")
                + "---\n" + EXTERNAL_SECRET.formatted("nightly", "jira-api-token", "warehouse_password"));
        WorkflowCatalog catalog = WorkflowCatalog.load(dir);
        assertEquals(List.of("ConfigMap/nightly", "CronWorkflow/nightly", "ExternalSecret/nightly"),
                catalog.manifests().stream().map(m -> m.kind() + "/" + m.name().orElseThrow()).toList());
        assertEquals(List.of("jira-api-token", "warehouse_password"), List.copyOf(catalog.secretManagerSecrets()));
    }

    @Test
    void aConfigMapFollowsTheFileNamingRule() throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), CONFIG_MAP.formatted("report-settings"));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().contains("ConfigMap/report-settings: the file must be named after metadata.name; rename it to report-settings.yaml"),
                e.getMessage());
    }

    @Test
    void secretsNamedTwiceAreCreatedOnce() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), EXTERNAL_SECRET.formatted("a", "jira-api-token", "shared"));
        Files.writeString(dir.resolve("b.yaml"), EXTERNAL_SECRET.formatted("b", "shared", "other"));
        assertEquals(List.of("jira-api-token", "other", "shared"), List.copyOf(WorkflowCatalog.load(dir).secretManagerSecrets()));
    }

    @Test
    void aKubernetesSecretIsRefusedWithTheWayToKeepItsValueOutOfGit() throws IOException {
        Files.writeString(dir.resolve("jira-api.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: jira-api\nstringData:\n  token: x\n");
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("jira-api.yaml") + ":1: Secret/jira-api: a Secret in workflows/ would keep its value in git;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("declare an ExternalSecret (external-secrets.io/v1)"), e.getMessage());
    }

    @Test
    void anExternalSecretOfAVersionTheOperatorDoesNotServeIsRefused() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), EXTERNAL_SECRET.formatted("a", "x", "y").replace("external-secrets.io/v1", "external-secrets.io/v1beta1"));
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().endsWith("ExternalSecret/a: an ExternalSecret is deployed with apiVersion external-secrets.io/v1, not external-secrets.io/v1beta1"),
                e.getMessage());
    }

    @Test
    void anotherKindIsRefusedNamingWhatIsDeployed() throws IOException {
        Files.writeString(dir.resolve("scratch.yaml"), "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: scratch\n");
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().endsWith("PersistentVolumeClaim/scratch: only ClusterWorkflowTemplate, CronWorkflow, WorkflowTemplate, EventSource, Sensor, ConfigMap, ExternalSecret are deployed from workflows/"),
                e.getMessage());
    }

    @Test
    void aDocumentWithoutAKindIsRefusedNamingWhatIsDeployed() throws IOException {
        Files.writeString(dir.resolve("scratch.yaml"), "apiVersion: v1\nmetadata:\n  name: scratch\n");
        UserError e = assertThrows(UserError.class, () -> WorkflowCatalog.load(dir));
        assertTrue(e.getMessage().endsWith("<no kind>/scratch: only ClusterWorkflowTemplate, CronWorkflow, WorkflowTemplate, EventSource, Sensor, ConfigMap, ExternalSecret are deployed from workflows/"),
                e.getMessage());
    }
}
