package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgoWorkflowsTest {
    @TempDir
    Path dir;

    private static MockCloud.Result run(Settings s, Optional<String> workflowsPool) {
        return MockCloud.run(s.stack(), Map.of(), Set.of(), ctx -> new ArgoWorkflows("argo", new ArgoWorkflows.Args(
                s.gcp(), s.stack(), s.environment() == Settings.Environment.PROD,
                s.argo(), s.workflows(), workflowsPool, ServerService.internal()), null));
    }

    /** dev's settings with one more line under argo-gke:argo. */
    private Settings withArgo(String line) {
        return SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev",
                TestSettings.devWith("  argo-gke:argo:\n", "  argo-gke:argo:\n    " + line + "\n")));
    }

    private static Registered release(MockCloud.Result r) {
        return r.one("kubernetes:helm.sh/v3:Release");
    }

    @Test
    void releaseIsTheOfficialChartPinnedToTheVersionTheTestsRender() {
        Registered release = release(run(TestSettings.of("dev"), Optional.empty()));
        assertEquals("argo-workflows", release.string("chart"));
        // argo-helm argo-workflows 1.0.18 ships Argo v4.0.6 (its Chart.yaml appVersion); ArgoChartRenderTest renders it.
        assertEquals("1.0.18", release.string("version"));
        assertEquals("https://argoproj.github.io/argo-helm", release.string("repositoryOpts.repo"));
        assertEquals("argo", release.string("namespace"));
        assertEquals("v4.0.6", release.string("values.images.tag"));
    }

    @Test
    void aMirrorRepositoryOrAnOciRegistryOrAChartFolderIsWhereHelmGetsTheChart() {
        Registered mirror = release(run(withArgo("chartRepository: https://charts.example.com/argo/"), Optional.empty()));
        assertEquals("argo-workflows", mirror.string("chart"));
        assertEquals("https://charts.example.com/argo", mirror.string("repositoryOpts.repo"));

        // Helm pulls oci://<registry path>/<chart>; there is no index to look a name up in.
        Registered oci = release(run(withArgo("chartRepository: oci://ghcr.io/argoproj/argo-helm"), Optional.empty()));
        assertEquals("oci://ghcr.io/argoproj/argo-helm/argo-workflows", oci.string("chart"));
        assertNull(oci.input("repositoryOpts"));
        assertEquals("1.0.18", oci.string("version"));

        Registered folder = release(run(withArgo("chartPath: ../shared/charts/argo-workflows"), Optional.empty()));
        assertEquals("../shared/charts/argo-workflows", folder.string("chart"));
        assertNull(folder.input("repositoryOpts"));
    }

    @Test
    void controllerAndServerAreNamespacedAndManageTheWorkflowsNamespace() {
        Registered release = release(run(TestSettings.of("dev"), Optional.empty()));
        // singleNamespace: the chart's Roles in Argo's namespace and --namespaced on both (Argo docs/managed-namespace.md).
        assertEquals(Boolean.TRUE, release.input("values.singleNamespace"));
        assertNull(release.input("values.controller.workflowNamespaces"));
        assertEquals(List.of("--managed-namespace=argo-workflows"), release.input("values.controller.extraArgs"));
        assertEquals(List.of("--auth-mode=server", "--managed-namespace=argo-workflows"), release.input("values.server.extraArgs"));
        assertEquals(Boolean.FALSE, release.input("values.server.secure"));
    }

    /** Argo docs/workflow-restrictions.md: Strict makes the controller run only workflows that reference a template. */
    @Test
    void theControllerRunsOnlyWorkflowsThatReferenceATemplate() {
        Registered release = release(run(TestSettings.of("prod"), Optional.empty()));
        assertEquals("Strict", release.string("values.controller.workflowRestrictions.templateReferencing"));
    }

    @Test
    void artifactsAndLogsGoToTheBucketThroughWorkloadIdentityWithoutKeys() {
        MockCloud.Result r = run(TestSettings.of("dev"), Optional.empty());
        Registered release = release(r);
        Registered bucket = r.one("gcp:storage/bucket:Bucket");
        assertEquals(bucket.string("name"), release.string("values.artifactRepository.gcs.bucket"));
        assertEquals(Boolean.TRUE, release.input("values.artifactRepository.archiveLogs"));
        assertNull(release.input("values.artifactRepository.gcs.serviceAccountKeySecret"));
        // The chart runs gcs through Helm's tpl: Argo's variables go in as a Go raw string literal.
        assertEquals("{{`{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}`}}", release.string("values.artifactRepository.gcs.keyFormat"));
        Registered account = r.named("kubernetes:core/v1:ServiceAccount", "argo-workflows-account");
        assertEquals("argo-workflows", account.string("metadata.namespace"));
        Map<?, ?> annotations = (Map<?, ?>) account.input("metadata.annotations");
        assertEquals("argo-wf-dev@acme-argo-dev.iam.gserviceaccount.com", annotations.get("iam.gke.io/gcp-service-account"));
    }

    @Test
    void theControllerIsGrantedClusterWorkflowTemplatesByTheProgramInsteadOfTheChart() {
        MockCloud.Result r = run(TestSettings.of("dev"), Optional.empty());
        assertEquals(Boolean.FALSE, release(r).input("values.controller.clusterWorkflowTemplates.enabled"));
        Registered binding = r.named("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "argo-controller-rbac-cluster-templates");
        assertEquals("argo-workflow-controller", binding.string("subjects[0].name"));
        assertEquals("argo", binding.string("subjects[0].namespace"));
        assertEquals(ControllerRbac.TEMPLATES_CLUSTER_ROLE, binding.string("roleRef.name"));
    }

    @Test
    void bucketIsPrivateUniformAndDeletesArtifactsAfterTheRetention() {
        Registered bucket = run(TestSettings.of("dev"), Optional.empty()).one("gcp:storage/bucket:Bucket");
        assertEquals(Boolean.TRUE, bucket.input("uniformBucketLevelAccess"));
        assertEquals("enforced", bucket.string("publicAccessPrevention"));
        assertEquals("Delete", bucket.string("lifecycleRules[0].action.type"));
        assertEquals(7, bucket.integer("lifecycleRules[0].condition.age"));
        assertEquals(Boolean.TRUE, bucket.input("forceDestroy"));
        Registered prodBucket = run(TestSettings.of("prod"), Optional.empty()).one("gcp:storage/bucket:Bucket");
        assertEquals(30, prodBucket.integer("lifecycleRules[0].condition.age"));
        assertEquals(Boolean.FALSE, prodBucket.input("forceDestroy"));
    }

    @Test
    void workloadIdentityBindsEachKubernetesServiceAccountToItsGoogleServiceAccount() {
        MockCloud.Result r = run(TestSettings.of("dev"), Optional.empty());
        Map<String, String> bindings = new java.util.HashMap<>();
        for (Registered b : r.ofType("gcp:serviceaccount/iAMMember:IAMMember")) {
            assertEquals("roles/iam.workloadIdentityUser", b.string("role"));
            bindings.put(b.string("member"), b.string("serviceAccountId"));
        }
        assertEquals("projects/acme-argo-dev/serviceAccounts/argo-wf-dev",
                bindings.get("serviceAccount:acme-argo-dev.svc.id.goog[argo-workflows/argo-workflow]"));
        assertEquals("projects/acme-argo-dev/serviceAccounts/argo-server-dev",
                bindings.get("serviceAccount:acme-argo-dev.svc.id.goog[argo/argo-server]"));
    }

    /**
     * The permissions of Cloud Storage's object roles, from Google's "IAM roles for Cloud Storage"
     * (storage.objects.* only; the roles also carry project-level list permissions).
     */
    private static final Map<String, Set<String>> OBJECT_PERMISSIONS = Map.of(
            "roles/storage.objectViewer", Set.of("storage.objects.get", "storage.objects.list"),
            "roles/storage.objectCreator", Set.of("storage.objects.create"),
            "roles/storage.objectUser", Set.of("storage.objects.get", "storage.objects.list", "storage.objects.create",
                    "storage.objects.delete", "storage.objects.update", "storage.objects.restore"),
            "roles/storage.objectAdmin", Set.of("storage.objects.get", "storage.objects.list", "storage.objects.create",
                    "storage.objects.delete", "storage.objects.update", "storage.objects.getIamPolicy", "storage.objects.setIamPolicy"));

    @Test
    void workflowsWriteAndReadArtifactsButCannotDeleteArchivedLogsAndTheUiOnlyReads() {
        MockCloud.Result r = run(TestSettings.of("dev"), Optional.empty());
        Map<String, Set<String>> permissions = new java.util.HashMap<>();
        r.ofType("gcp:storage/bucketIAMMember:BucketIAMMember").forEach(m -> permissions
                .computeIfAbsent(m.string("member"), k -> new java.util.TreeSet<>())
                .addAll(OBJECT_PERMISSIONS.getOrDefault(m.string("role"), Set.of("unknown role " + m.string("role")))));
        assertEquals(Set.of("storage.objects.create", "storage.objects.get", "storage.objects.list"),
                permissions.get("serviceAccount:argo-wf-dev@acme-argo-dev.iam.gserviceaccount.com"));
        assertEquals(Set.of("storage.objects.get", "storage.objects.list"),
                permissions.get("serviceAccount:argo-server-dev@acme-argo-dev.iam.gserviceaccount.com"));
    }

    @Test
    void configuredWorkflowRolesAreGrantedToTheWorkflowsServiceAccountOnly() {
        MockCloud.Result r = run(TestSettings.of("prod"), Optional.empty());
        List<String> roles = r.ofType("gcp:projects/iAMMember:IAMMember").stream()
                .peek(m -> assertEquals("serviceAccount:argo-wf-prod@acme-argo-prod.iam.gserviceaccount.com", m.string("member")))
                .map(m -> m.string("role")).sorted().toList();
        assertEquals(List.of("roles/bigquery.dataEditor", "roles/bigquery.jobUser", "roles/datastore.user"), roles);
        assertTrue(run(TestSettings.of("dev"), Optional.empty()).ofType("gcp:projects/iAMMember:IAMMember").isEmpty());
    }

    @Test
    void workflowPodsAreSteeredOntoTheWorkflowPoolWhenThereIsOne() {
        Registered release = release(run(TestSettings.of("prod"), Optional.of("jobs")));
        Map<?, ?> spec = (Map<?, ?>) release.input("values.controller.workflowDefaults.spec");
        assertEquals(Map.of("argo-gke/pool", "jobs"), spec.get("nodeSelector"));
        Map<?, ?> toleration = (Map<?, ?>) ((List<?>) spec.get("tolerations")).get(0);
        assertEquals("argo-gke/workflows", toleration.get("key"));
        assertEquals("NoSchedule", toleration.get("effect"));
        Map<?, ?> devSpec = (Map<?, ?>) release(run(TestSettings.of("dev"), Optional.empty())).input("values.controller.workflowDefaults.spec");
        assertFalse(devSpec.containsKey("nodeSelector"));
        assertEquals("argo-workflow", devSpec.get("serviceAccountName"));
    }
}
