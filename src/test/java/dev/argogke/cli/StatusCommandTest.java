package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.ops.ArgoResources;
import dev.argogke.testing.Cli;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class StatusCommandTest {
    static {
        MockCluster.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;
    Path kubeconfig;

    static final String NIGHTLY = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata: {name: nightly-etl}
            spec:
              schedules: ["30 2 * * *"]
              timezone: Europe/Oslo
              workflowSpec:
                entrypoint: main
                templates: [{name: main, container: {image: "ghcr.io/acme/etl:1.2"}}]
            """;
    static final String REPORTS = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata: {name: weekly-report}
            spec:
              schedules: ["0 7 * * 1", "0 7 1 * *"]
              suspend: true
              workflowSpec:
                entrypoint: main
                templates: [{name: main, container: {image: "ghcr.io/acme/report:3"}}]
            """;

    @BeforeEach
    void prepare() throws Exception {
        kubeconfig = MockCluster.prepare(server, root);
        Files.createDirectories(root.resolve("workflows"));
    }

    private Cli.Run status(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("status", "--kubeconfig", kubeconfig.toString()));
        args.addAll(List.of(extra));
        return Cli.run(MockCluster.at(root, "2026-10-24T12:00:00Z"), args.toArray(String[]::new));
    }

    @Test
    void statusTableShowsEachCronWorkflowWithNextRunsAcrossTheAutumnChange() throws Exception {
        MockCluster.create(client, "argo", NIGHTLY);
        MockCluster.create(client, "argo", REPORTS);
        Files.writeString(root.resolve("workflows/nightly-etl.yaml"), NIGHTLY);

        Cli.Run run = status("-n", "argo");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                CronWorkflows in namespace argo (context gke_acme-argo-dev_europe-west1-b_argo-dev), at 2026-10-24 12:00 +00:00, compared with workflows/
                NAME           SCHEDULE    TIMEZONE       SUSPENDED  LAST SCHEDULED  NEXT RUNS                ACTIVE  LAST RUN  DRIFT
                nightly-etl    30 2 * * *  Europe/Oslo    no         -               2026-10-25 02:30 +02:00  0       -         in sync
                                                                                     2026-10-25 02:30 +01:00
                                                                                     2026-10-26 02:30 +01:00
                weekly-report  0 7 * * 1   UTC (default)  yes        -               -                        0       -         not in repository
                               0 7 1 * *
                """, run.out());
    }

    @Test
    void namespaceComesFromTheStackWhenNotGiven() throws Exception {
        Files.createDirectories(root.resolve("stacks"));
        String dev = Files.readString(Path.of("stacks/Pulumi.dev.yaml"));
        Files.writeString(root.resolve("stacks/Pulumi.dev.yaml"), dev.replace("    suspendAll: true\n",
                "    suspendAll: true\n    namespace: jobs\n"));
        MockCluster.create(client, "jobs", NIGHTLY);

        Cli.Run run = status("--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"namespace\" : \"jobs\""), run.out());
        assertTrue(run.out().contains("\"name\" : \"nightly-etl\""), run.out());
    }

    @Test
    void sensorsAreReadFromTheStacksEventsNamespaceUnlessOneIsGiven() throws Exception {
        server.expectCustomResource(ArgoResources.SENSORS);
        server.expectCustomResource(ArgoResources.EVENT_SOURCES);
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/Pulumi.dev.yaml"), Files.readString(Path.of("stacks/Pulumi.dev.yaml"))
                .replace("  argo-gke:events:\n", "  argo-gke:events:\n    namespace: team-events\n"));
        for (String ns : List.of("team-events", "other-events")) {
            client.genericKubernetesResources(ArgoResources.SENSORS).inNamespace(ns).resource(Serialization.unmarshal("""
                    apiVersion: argoproj.io/v1alpha1
                    kind: Sensor
                    metadata: {name: on-%s}
                    spec: {dependencies: [{name: d, eventSourceName: uploads, eventName: file-landed}]}
                    """.formatted(ns), GenericKubernetesResource.class)).create();
        }

        Cli.Run fromStack = status("-n", "argo");
        Cli.Run given = status("-n", "argo", "--events-namespace", "other-events");

        assertEquals(0, fromStack.exitCode(), fromStack.err());
        assertTrue(fromStack.out().contains("\nEvent-driven workflows: Sensors in namespace team-events\n"), fromStack.out());
        assertTrue(fromStack.out().matches("(?s).*\\non-team-events  uploads/file-landed  - +never triggered +not in repository\\n.*"), fromStack.out());
        assertTrue(fromStack.out().contains("on-team-events, on uploads/file-landed: no EventSource uploads in namespace team-events"),
                fromStack.out());
        assertTrue(given.out().contains("\non-other-events  uploads/file-landed"), given.out());
        assertFalse(given.out().contains("on-team-events"), given.out());
    }

    /** On a cluster reached by kubeconfig the stack deploys no Pub/Sub source (docs/events.md): its Sensors are not "missing". */
    @Test
    void onAKubeconfigClusterTheSensorsOfPubSubSourcesAreNotDeployedNotMissing() throws Exception {
        server.expectCustomResource(ArgoResources.SENSORS);
        server.expectCustomResource(ArgoResources.EVENT_SOURCES);
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/Pulumi.local.yaml"), """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing:
                      kubeconfig: kubeconfig
                """);
        try (var files = Files.list(Path.of("workflows"))) {
            for (Path f : files.toList()) {
                Files.copy(f, root.resolve("workflows").resolve(f.getFileName()));
            }
        }

        Cli.Run run = status("-n", "argo-workflows", "--stack", "local");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("hr-exports/export-finished"), run.out());
        assertTrue(run.err().contains("note: not deployed on this cluster: Sensor/employee-directory-sync: it depends on EventSource"
                + " hr-exports, which is not deployed here"), run.err());
    }

    @Test
    void rejectedCredentialsAreOneLineNamingTheCommandThatFetchesThem() {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo/cronworkflows")
                .andReturn(401, "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}").always();

        Cli.Run run = status("-n", "argo");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: the cluster at " + server.url("/") + " (context gke_acme-argo-dev_europe-west1-b_argo-dev)"
                + " rejected your credentials (HTTP 401) while list CronWorkflows: refresh them with `gcloud container"
                + " clusters get-credentials CLUSTER --location LOCATION --project PROJECT`"), run.err());
    }

    @Test
    void unknownContextIsOneLineListingTheKnownOnes() {
        Cli.Run run = status("-n", "argo", "--context", "prod");

        assertEquals(2, run.exitCode());
        assertEquals("error: --context prod: no such context in the kubeconfig (it has:"
                + " gke_acme-argo-dev_europe-west1-b_argo-dev)\n", run.err());
    }

    @Test
    void contextOfAnotherGkeClusterThanTheStacksIsWarnedAbout() throws Exception {
        Files.createDirectories(root.resolve("stacks"));
        Files.copy(Path.of("stacks/Pulumi.prod.yaml"), root.resolve("stacks/Pulumi.prod.yaml"));

        Cli.Run run = status("--stack", "prod");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: the kubeconfig context gke_acme-argo-dev_europe-west1-b_argo-dev is not stack prod's cluster"
                + " (gke_acme-argo-prod_europe-west1-b_argo-prod); pass --context or --stack if that is not what you meant\n",
                run.err());
    }

    @Test
    void brokenFileInWorkflowsIsAWarningAndTheClusterIsStillShown() throws Exception {
        MockCluster.create(client, "argo", NIGHTLY);
        Files.writeString(root.resolve("workflows/broken.yaml"), "kind: CronWorkflow\nmetadata: {name: [\n");

        Cli.Run run = status("-n", "argo");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("warning: not comparing with " + root.resolve("workflows") + ": "), run.err());
        assertTrue(run.out().contains("nightly-etl  30 2 * * *  Europe/Oslo"), run.out());
    }

    @Test
    void aStackFileGivesTheNamespaceAndTheCommandThatFetchesTheStacksCredentials() throws Exception {
        // A stack file outside the project (root has no stacks/): prod's cluster argo-prod in zone
        // europe-west1-b of project acme-argo-prod, its CronWorkflows in argo-workflows.
        Path prod = Files.createDirectories(root.resolve("elsewhere")).resolve("Pulumi.prod.yaml");
        Files.copy(Path.of("stacks/Pulumi.prod.yaml"), prod);
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo-workflows/cronworkflows")
                .andReturn(401, "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}").always();

        Cli.Run run = status("--stack-file", prod.toString());

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("refresh them with `gcloud container clusters get-credentials argo-prod --location europe-west1-b"
                + " --project acme-argo-prod`"), run.err());
    }
}
