package dev.argogke.migrate;

import static dev.argogke.migrate.MigrateTestSupport.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.config.SettingsLoader;
import dev.argogke.migrate.CronJobImporter.ImportedWorkflow;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an imported job uses from its old namespace is listed, one finding per reference, with how to
 * provide it where argo-gke runs the job. The CronJob is written by hand with Kubernetes' own field names
 * (API reference: PodSpec, Container, EnvVarSource, EnvFromSource, Volume, ProjectedVolumeSource), and
 * the expected findings are read off it by eye.
 */
class NamespaceNeedsTest {
    private static final String POD = "spec.jobTemplate.spec.template.spec.";

    static final String CRONJOB = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: sync-orders
              namespace: data-etl
            spec:
              schedule: "0 4 * * *"
              timeZone: UTC
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      serviceAccountName: etl-runner
                      imagePullSecrets:
                        - name: registry-credentials
                      volumes:
                        - name: queries
                          configMap:
                            name: order-queries
                        - name: bundle
                          projected:
                            sources:
                              - secret:
                                  name: tls-client
                              - configMap:
                                  name: ca-bundle
                                  optional: true
                        - name: cache
                          persistentVolumeClaim:
                            claimName: orders-cache
                        - name: scratch
                          emptyDir: {}
                      initContainers:
                        - name: fetch-schema
                          image: alpine:3.20
                          command: [sh, -c, "cp /etc/schema/* /work"]
                          envFrom:
                            - configMapRef:
                                name: schema-source
                      containers:
                        - name: sync
                          image: europe-docker.pkg.dev/acme/etl/sync-orders:2.0.1
                          command: [sync-orders]
                          env:
                            - name: REGION
                              value: europe-west1
                            - name: DB_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: orders-db
                                  key: password
                            - name: BATCH_SIZE
                              valueFrom:
                                configMapKeyRef:
                                  name: sync-settings
                                  key: batch-size
                          envFrom:
                            - secretRef:
                                name: warehouse-credentials
                        - name: proxy
                          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
                          command: [/cloud-sql-proxy]
                          envFrom:
                            - secretRef:
                                name: proxy-settings
            """;

    private static ImportedWorkflow imported(String namespace) {
        List<CronJobSource> sources = CronJobInputs.fromManifests(
                ManifestLoader.parse(Path.of("sync-orders.yaml"), CRONJOB)).cronJobs();
        return CronJobImporter.plan(sources, List.of(), new ImportOptions("UTC", namespace)).get(0);
    }

    /** {@code severity field: Kind name}: each finding about what the job uses, as read off the CronJob above. */
    private static List<String> needs(ImportedWorkflow w) {
        return w.findings().stream()
                .filter(f -> f.message().matches("(Secret|ConfigMap|PersistentVolumeClaim|service account) .*"))
                .map(f -> f.severity().label() + " " + f.field() + ": " + f.message().split(" \\(")[0])
                .toList();
    }

    @Test
    void everySecretConfigMapClaimAndServiceAccountTheJobUsesIsOneWarningWhenTheJobMoves() {
        assertEquals(List.of(
                "warning " + POD + "serviceAccountName: service account etl-runner kept, but argo-gke check and plan refuse it",
                "warning " + POD + "imagePullSecrets[0]: Secret registry-credentials",
                "warning " + POD + "volumes[0].configMap: ConfigMap order-queries",
                "warning " + POD + "volumes[1].projected.sources[0].secret: Secret tls-client",
                "warning " + POD + "volumes[1].projected.sources[1].configMap: ConfigMap ca-bundle",
                "warning " + POD + "volumes[2].persistentVolumeClaim: PersistentVolumeClaim orders-cache",
                "warning " + POD + "initContainers[0].envFrom[0].configMapRef: ConfigMap schema-source",
                "warning " + POD + "containers[0].env[1].valueFrom.secretKeyRef: Secret orders-db",
                "warning " + POD + "containers[0].env[2].valueFrom.configMapKeyRef: ConfigMap sync-settings",
                "warning " + POD + "containers[0].envFrom[0].secretRef: Secret warehouse-credentials",
                "warning " + POD + "containers[1].envFrom[0].secretRef: Secret proxy-settings"),
                needs(imported("argo-workflows")));
    }

    @Test
    void eachSaysWhereItMustBeAndHowToProvideIt() {
        String text = imported("argo-workflows").findings().stream().map(Finding::toString)
                .collect(Collectors.joining("\n"));
        assertTrue(text.contains("warning: CronJob data-etl/sync-orders: " + POD + "containers[0].env[1].valueFrom"
                + ".secretKeyRef: Secret orders-db (key password as DB_PASSWORD in container sync) must be in"
                + " argo-workflows: keep its values in Google Secret Manager and add to workflows/ an ExternalSecret"
                + " that writes Secret orders-db (README: \"Job configuration and secrets\")"), text);
        assertTrue(text.contains(POD + "volumes[0].configMap: ConfigMap order-queries (volume queries) must be in"
                + " argo-workflows: add the ConfigMap to workflows/, which argo-gke deploys there"), text);
        assertTrue(text.contains("ConfigMap ca-bundle (volume bundle, projected) must be in argo-workflows (optional:"),
                text);
        assertTrue(text.contains("Secret proxy-settings (every key as an environment variable of container proxy)"),
                text);
        assertTrue(text.contains("workflow pods run as argo-workflow") && text.contains("argo-gke:argo.workflowRoles"),
                text);
    }

    @Test
    void aJobFromAnotherNamespaceIsWarnedAboutNamingBothAndHowToKeepItsOwn() {
        ImportedWorkflow w = imported("argo-workflows");
        Finding moved = w.findings().stream().filter(f -> f.field().equals("metadata.namespace")).findFirst()
                .orElseThrow(() -> new AssertionError(w.findings().toString()));
        assertEquals(Finding.Severity.WARNING, moved.severity());
        assertTrue(moved.message().startsWith("data-etl, but the workflow will run in argo-workflows (--namespace:"
                + " the stack's argo-gke:workflows.namespace"), moved.message());
        assertTrue(moved.message().endsWith("to keep data-etl, set argo-gke:workflows.namespace: data-etl and import"
                + " with --namespace data-etl"), moved.message());
        // and the file says so above the objects, which name no namespace: the stack decides it
        assertTrue(w.yaml().contains("#   warning: CronJob data-etl/sync-orders: metadata.namespace: data-etl, but"),
                w.yaml());
        assertTrue(w.yaml().contains("#   warning: CronJob data-etl/sync-orders: " + POD + "containers[0].env[1]"
                + ".valueFrom.secretKeyRef: Secret orders-db"), w.yaml());
        assertNull(at(w.template(), "metadata.namespace"));
        assertNull(at(w.cronWorkflow(), "metadata.namespace"));
        assertFalse(w.yaml().lines().anyMatch(l -> !l.startsWith("#") && l.contains("namespace:")), w.yaml());
    }

    @Test
    void inItsOwnNamespaceTheJobsNeedsAreNotesButTheServiceAccountIsStillRefused() {
        ImportedWorkflow w = imported("data-etl");
        assertTrue(w.findings().stream().noneMatch(f -> f.field().equals("metadata.namespace")), w.findings().toString());
        List<String> needs = needs(w);
        assertEquals(11, needs.size(), needs.toString());
        assertEquals("warning " + POD + "serviceAccountName: service account etl-runner kept, but argo-gke check"
                + " and plan refuse it", needs.get(0));
        assertTrue(needs.subList(1, 11).stream().allMatch(n -> n.startsWith("note ")), needs.toString());
    }

    @Test
    void aFileWithoutANamespaceGetsANoteThatTheJobMovesAndItsUsesAsWarnings() {
        List<CronJobSource> sources = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("x.yaml"),
                CRONJOB.replace("  namespace: data-etl\n", ""))).cronJobs();
        ImportedWorkflow w = CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS).get(0);
        Finding where = w.findings().stream().filter(f -> f.field().equals("metadata.namespace")).findFirst()
                .orElseThrow(() -> new AssertionError(w.findings().toString()));
        assertEquals(Finding.Severity.NOTE, where.severity());
        assertTrue(where.message().startsWith("not set: the CronJob ran in the namespace it was applied to; the workflow"
                + " will run in argo-workflows"), where.message());
        assertEquals(11, needs(w).size());
        assertTrue(needs(w).stream().allMatch(n -> n.startsWith("warning ")), needs(w).toString());
    }

    @Test
    void aJobThatUsesNothingFromItsNamespaceIsStillToldItMoves() {
        String bare = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: tick, namespace: data-etl}
                spec:
                  schedule: "*/5 * * * *"
                  timeZone: UTC
                  jobTemplate: {spec: {template: {spec: {restartPolicy: Never,
                    containers: [{name: tick, image: busybox:1.36, command: [date]}]}}}}
                """;
        List<CronJobSource> sources = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("x.yaml"), bare)).cronJobs();
        ImportedWorkflow w = CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS).get(0);
        assertEquals(List.of("warning: CronJob data-etl/tick: metadata.namespace: data-etl, but the workflow will run in"
                + " argo-workflows (--namespace: the stack's argo-gke:workflows.namespace, where argo-gke deploys every"
                + " file of workflows/); it names no Secret, ConfigMap, volume claim or service account of data-etl;"
                + " to keep data-etl, set argo-gke:workflows.namespace: data-etl and import with --namespace data-etl"),
                w.findings().stream().filter(f -> f.field().equals("metadata.namespace")).map(Finding::toString).toList());
    }

    /**
     * Kept so that argo-gke check stops the workflow (rule workflow-pods-confined) instead of the job
     * running, unannounced, as another account.
     */
    @Test
    void theServiceAccountIsCarriedOverAndTheWorkflowsOwnIsNotReported() {
        assertEquals("etl-runner", at(imported("argo-workflows").template(), "spec.templates[0].serviceAccountName"));
        List<CronJobSource> sources = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("x.yaml"),
                CRONJOB.replace("etl-runner", "argo-workflow"))).cronJobs();
        ImportedWorkflow own = CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS).get(0);
        assertTrue(own.findings().stream().noneMatch(f -> f.field().endsWith("serviceAccountName")), own.findings().toString());
    }

    @Test
    void theDefaultNamespaceAndTheAccountAreTheStacks() {
        assertEquals(SettingsLoader.WORKFLOWS_NAMESPACE, ImportOptions.DEFAULTS.namespace());
        assertEquals("argo-workflows", ImportOptions.DEFAULTS.namespace(), "Pulumi.yaml's default for workflows.namespace");
        assertEquals(ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT, NamespaceNeeds.WORKFLOW_ACCOUNT);
    }

    @Test
    void theImportedFileStillLintsAndMatchesArgosSchema() {
        MigrateTestSupport.assertValidOutput(imported("argo-workflows"));
    }
}
