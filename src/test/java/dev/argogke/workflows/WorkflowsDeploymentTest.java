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
        WorkflowCatalog catalog = WorkflowCatalog.load(Path.of("workflows"));
        return MockCloud.run("dev", Map.of(), Set.of(), ctx -> {
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
        assertEquals(WorkflowFiles.documents(), objects.size(), objects.stream().map(Registered::name).toList().toString());
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
}
