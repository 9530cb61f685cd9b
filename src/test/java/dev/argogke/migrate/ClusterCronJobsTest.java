package dev.argogke.migrate;

import static dev.argogke.migrate.MigrateTestSupport.at;
import static dev.argogke.migrate.MigrateTestSupport.corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.migrate.CronJobImporter.ImportedWorkflow;
import dev.argogke.workflows.manifest.ManifestLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class ClusterCronJobsTest {
    static KubernetesClient client;

    @BeforeEach
    void clusterWithCronJobsInTwoNamespaces() throws Exception {
        client.batch().v1().cronjobs().inAnyNamespace().delete();
        MigrateTestSupport.createCronJob(client, "valid/nightly-etl.yaml", "etl");
        MigrateTestSupport.createCronJob(client, "valid/multi-container.yaml", "etl");
        MigrateTestSupport.createCronJob(client, "valid/minimal.yaml", "tools");
    }

    @Test
    void readsTheCronJobsOfOneNamespaceSortedByName() {
        List<CronJobSource> found = ClusterCronJobs.list(client, "etl", false);
        assertEquals(List.of("etl/jira-to-bigquery", "etl/sql-export-with-proxy"),
                found.stream().map(CronJobSource::qualifiedName).toList());
        assertTrue(found.get(0).where("spec.schedule").contains("CronJob etl/jira-to-bigquery"), found.get(0).where(""));
    }

    @Test
    void readsEveryNamespaceWhenAsked() {
        assertEquals(List.of("etl/jira-to-bigquery", "etl/sql-export-with-proxy", "tools/hello"),
                ClusterCronJobs.list(client, null, true).stream().map(CronJobSource::qualifiedName).toList());
    }

    @Test
    void aCronJobFromTheClusterImportsAsTheSameCronJobFromItsFileDoes() {
        ImportedWorkflow fromCluster = CronJobImporter.plan(ClusterCronJobs.list(client, "etl", false), List.of(),
                ImportOptions.DEFAULTS).get(0);
        ImportedWorkflow fromFile = MigrateTestSupport.plan("valid/nightly-etl.yaml").get(0);
        Map<String, Object> fileCronJob = ManifestLoader.loadAll(List.of(corpus("valid/nightly-etl.yaml"))).get(0)
                .content();
        assertEquals(at(fileCronJob, "spec.jobTemplate.spec.template.spec.containers[0]"),
                at(fromCluster.template(), "spec.templates[0].container"));
        assertEquals(at(fromFile.cronWorkflow(), "spec"), at(fromCluster.cronWorkflow(), "spec"));
        assertEquals(at(fromFile.cronWorkflow(), "metadata"), at(fromCluster.cronWorkflow(), "metadata"));
        assertEquals(at(fromFile.template(), "spec"), at(fromCluster.template(), "spec"));
        assertEquals(at(fromFile.template(), "metadata"), at(fromCluster.template(), "metadata"));
        // What the API server added (uid, resourceVersion, ...) is named in one note, not carried.
        assertTrue(fromCluster.findings().stream().anyMatch(f -> f.field().isEmpty() && f.message().contains("metadata.uid")),
                fromCluster.findings().toString());
        MigrateTestSupport.assertValidOutput(fromCluster);
    }

    @Test
    void anUnreachableClusterIsOneLineNamingWhatWasAsked(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, MigrateTestSupport.kubeconfig("http://127.0.0.1:1", "etl"));
        try (KubernetesClient unreachable = ClusterCronJobs.connect(null, kubeconfig)) {
            UserError e = assertThrows(UserError.class, () -> ClusterCronJobs.list(unreachable, null, false));
            assertTrue(e.getMessage().startsWith("cannot list CronJobs in namespace etl at http://127.0.0.1:1/"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void anUnknownContextIsAUserErrorListingTheKnownOnes(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, MigrateTestSupport.kubeconfig("http://127.0.0.1:1", "etl"));
        UserError e = assertThrows(UserError.class, () -> ClusterCronJobs.connect("prod", kubeconfig));
        assertEquals("--context prod: no such context in " + kubeconfig + " (contexts: mock)", e.getMessage());
        ClusterCronJobs.connect("mock", kubeconfig).close();
    }

    @Test
    void aMissingKubeconfigIsAUserError(@TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> ClusterCronJobs.connect(null, dir.resolve("nope")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
