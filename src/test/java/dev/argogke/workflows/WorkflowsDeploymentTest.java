package dev.argogke.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.core.Output;
import dev.argogke.argo.ArgoVersion;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.WorkflowFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowsDeploymentTest {
    private static MockCloud.Result deploy(boolean suspendAll, ImageOverride images, String namespace) {
        return deploy(MockCloud.Mode.UPDATE, suspendAll, images, namespace);
    }

    /** The workflows with Argo's release, for a cluster whose kubeconfig is known (a file, or a cluster that exists). */
    private static MockCloud.Result deploy(MockCloud.Mode mode, boolean suspendAll, ImageOverride images, String namespace) {
        WorkflowCatalog catalog = WorkflowCatalog.load(Path.of("workflows"));
        return MockCloud.run(mode, "dev", Map.of(), Set.of(), ctx -> {
            Release release = new Release("argo", ReleaseArgs.builder().chart(ArgoVersion.CHART).version(ArgoVersion.CHART_VERSION).build());
            new WorkflowsDeployment("workflows", new WorkflowsDeployment.Args(catalog, namespace, new DeployedForm(suspendAll, images),
                    "dev", Output.of("kubeconfig"), java.util.Optional.empty(), release), null);
        });
    }

    private static List<Registered> crons(MockCloud.Result r) {
        return r.ofType("kubernetes:argoproj.io/v1alpha1:CronWorkflow");
    }

    /** Every Argo object deployed, checked against the count of documents in workflows/'s text. */
    private static List<Registered> argoObjects(MockCloud.Result r) {
        List<Registered> objects = r.resources().stream().filter(c -> c.type().startsWith("kubernetes:argoproj.io")).toList();
        assertEquals(WorkflowFiles.argoWorkflowsDocuments(), objects.size(), objects.stream().map(Registered::name).toList().toString());
        return objects;
    }

    @Test
    void eachCronWorkflowKeepsItsSchedulesTimezoneAndPolicy() {
        Registered nightly = deploy(false, new ImageOverride(Optional.empty(), Optional.empty()), "argo")
                .named("kubernetes:argoproj.io/v1alpha1:CronWorkflow", "workflows-cronworkflow-nightly-reports");
        assertEquals(List.of("0 2 * * *"), nightly.input("spec.schedules"));
        assertEquals("Europe/Oslo", nightly.string("spec.timezone"));
        assertEquals("Forbid", nightly.string("spec.concurrencyPolicy"));
        assertNull(nightly.input("spec.suspend"));
        assertEquals("argoproj.io/v1alpha1", nightly.string("apiVersion"));
    }

    @Test
    void suspendAllSuspendsEveryCronWorkflowButNoTemplate() {
        MockCloud.Result r = deploy(true, new ImageOverride(Optional.empty(), Optional.empty()), "argo");
        assertEquals(WorkflowFiles.count("CronWorkflow"), crons(r).size());
        crons(r).forEach(c -> assertEquals(Boolean.TRUE, c.input("spec.suspend"), c.name()));
        List<Registered> templates = r.ofType("kubernetes:argoproj.io/v1alpha1:WorkflowTemplate");
        assertEquals(WorkflowFiles.count("WorkflowTemplate"), templates.size());
        templates.forEach(t -> assertNull(t.input("spec.suspend"), t.name()));
    }

    @Test
    void workflowsLandInTheConfiguredNamespaceLabelledWithTheStack() {
        MockCloud.Result r = deploy(false, new ImageOverride(Optional.empty(), Optional.empty()), "jobs");
        for (Registered c : argoObjects(r)) {
            assertEquals("jobs", c.string("metadata.namespace"), c.name());
            Map<?, ?> labels = (Map<?, ?>) c.input("metadata.labels");
            assertEquals("dev", labels.get("argo-gke/stack"));
            Map<?, ?> annotations = (Map<?, ?>) c.input("metadata.annotations");
            assertTrue(String.valueOf(annotations.get("argo-gke/source")).startsWith("workflows/"), c.name());
        }
    }

    @Test
    void imageTagOverrideAppliesToTheTeamsImages() {
        MockCloud.Result r = deploy(false, new ImageOverride(Optional.empty(), Optional.of("dev")), "argo");
        Registered sync = r.named("kubernetes:argoproj.io/v1alpha1:WorkflowTemplate", "workflows-workflowtemplate-jira-conference-sync");
        assertEquals("europe-docker.pkg.dev/acme-argo-prod/jobs/jira-firebase-sync:dev",
                sync.string("spec.templates[0].container.image"));
    }

    @Test
    void workflowsGoThroughTheirOwnProviderNotTheClusterWide() {
        MockCloud.Result r = deploy(false, new ImageOverride(Optional.empty(), Optional.empty()), "argo");
        for (Registered c : argoObjects(r)) {
            assertTrue(c.provider().startsWith("urn:pulumi:dev::argo-gke::argo-gke:workflows:WorkflowsDeployment$pulumi:providers:kubernetes::workflows::"),
                    c.provider());
        }
    }

    /**
     * docs/deploying.md, "First deployment and Argo's CRDs": while the release is still to be created its status
     * is unknown in a preview, so the workflows' provider is unknown and previews them without asking
     * the API server (which would answer "no matches for kind" before Argo's CRDs exist,
     * pulumi-kubernetes#3247); on up, every workflow waits for the release. The kubeconfig itself is
     * known here, so only the release can make the provider unknown.
     */
    @Test
    void inAPreviewTheWorkflowsProviderWaitsForArgosReleaseAndSoDoesEveryWorkflow() {
        MockCloud.Result preview = deploy(MockCloud.Mode.PREVIEW, false, new ImageOverride(Optional.empty(), Optional.empty()), "argo");
        Registered release = preview.one("kubernetes:helm.sh/v3:Release");
        Registered provider = preview.named("pulumi:providers:kubernetes", "workflows");
        assertTrue(provider.unknownInputs().contains("kubeconfig"), "unknown in the preview: " + provider.inputs().keySet());
        assertTrue(provider.dependsOn(release), provider.dependencies().toString());
        for (Registered o : argoObjects(preview)) {
            assertTrue(o.dependsOn(release), o.name() + " waits for the release: " + o.dependencies());
        }

        Registered updated = deploy(false, new ImageOverride(Optional.empty(), Optional.empty()), "argo")
                .named("pulumi:providers:kubernetes", "workflows");
        assertEquals(Set.of(), updated.unknownInputs(), "once the release exists, the provider is configured");
        assertEquals("kubeconfig", updated.input("kubeconfig"));
    }

    /**
     * The committed JIRA sync's ExternalSecret (workflows/jira-conference-sync.yaml) is deployed as External
     * Secrets Operator v1.3.2 serves it (external-secrets.io/v1), in the workflows namespace, as written, and
     * waits for the operator's release (its CRD and webhook) and the SecretStore it reads.
     */
    @Test
    void anExternalSecretIsDeployedAsWrittenAfterTheOperatorAndItsStore() {
        WorkflowCatalog catalog = WorkflowCatalog.load(Path.of("workflows"));
        MockCloud.Result r = MockCloud.run(MockCloud.Mode.UPDATE, "dev", Map.of(), Set.of(), ctx -> {
            Release argo = new Release("argo", ReleaseArgs.builder().chart(ArgoVersion.CHART).version(ArgoVersion.CHART_VERSION).build());
            Release eso = new Release("eso", ReleaseArgs.builder().chart("external-secrets").version("1.3.2").build());
            Release store = new Release("store-stand-in", ReleaseArgs.builder().chart("x").build());
            new WorkflowsDeployment("workflows", new WorkflowsDeployment.Args(catalog, "jobs", DeployedForm.asWritten(),
                    "dev", Output.of("kubeconfig"), Optional.empty(), argo,
                    Optional.of(new WorkflowsDeployment.SecretsReady(eso, store))), null);
        });
        Registered secret = r.named("kubernetes:external-secrets.io/v1:ExternalSecret", "workflows-externalsecret-jira-conference-sync");
        assertEquals("jobs", secret.string("metadata.namespace"));
        assertEquals("secret-manager", secret.string("spec.secretStoreRef.name"));
        assertEquals(List.of(Map.of("secretKey", "token", "remoteRef", Map.of("key", "jira-api-token"))), secret.input("spec.data"));
        assertTrue(secret.dependsOn(r.named("kubernetes:helm.sh/v3:Release", "eso")), secret.dependencies().toString());
        assertTrue(secret.dependsOn(r.named("kubernetes:helm.sh/v3:Release", "store-stand-in")), secret.dependencies().toString());
        Registered cron = r.named("kubernetes:argoproj.io/v1alpha1:CronWorkflow", "workflows-cronworkflow-jira-conference-sync");
        assertTrue(!cron.dependsOn(r.named("kubernetes:helm.sh/v3:Release", "eso")), "Argo's objects need only Argo: " + cron.dependencies());
    }

    /** A job's ConfigMap goes to the workflows namespace with its data as written (strings, as the API server keeps them). */
    @Test
    void aConfigMapIsDeployedToTheWorkflowsNamespaceWithItsData(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("report-settings.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: report-settings
                  labels:
                    team: data
                data:
                  REPORT_BUCKET: acme-reports
                  RETRIES: "3"
                """);
        WorkflowCatalog catalog = WorkflowCatalog.load(dir);
        MockCloud.Result r = MockCloud.run(MockCloud.Mode.UPDATE, "dev", Map.of(), Set.of(), ctx -> {
            Release argo = new Release("argo", ReleaseArgs.builder().chart(ArgoVersion.CHART).version(ArgoVersion.CHART_VERSION).build());
            new WorkflowsDeployment("workflows", new WorkflowsDeployment.Args(catalog, "jobs", DeployedForm.asWritten(),
                    "dev", Output.of("kubeconfig"), Optional.empty(), argo), null);
        });
        Registered configMap = r.named("kubernetes:core/v1:ConfigMap", "workflows-configmap-report-settings");
        assertEquals("jobs", configMap.string("metadata.namespace"));
        assertEquals("report-settings", configMap.string("metadata.name"));
        assertEquals(Map.of("REPORT_BUCKET", "acme-reports", "RETRIES", "3"), configMap.input("data"));
        assertEquals("data", configMap.string("metadata.labels.team"));
        assertTrue(configMap.provider().startsWith("urn:pulumi:dev::argo-gke::argo-gke:workflows:WorkflowsDeployment$pulumi:providers:kubernetes::workflows::"),
                "through the workflows' provider: " + configMap.provider());
    }
}
