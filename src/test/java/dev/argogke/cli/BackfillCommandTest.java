package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.ops.ArgoResources;
import dev.argogke.testing.Cli;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class BackfillCommandTest {
    static {
        MockCluster.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;
    Path kubeconfig;

    @BeforeEach
    void prepare() throws Exception {
        kubeconfig = MockCluster.prepare(server, root);
        MockCluster.create(client, "argo", """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: nightly-etl}
                spec:
                  schedules: ["30 2 * * *"]
                  timezone: Europe/Oslo
                  workflowSpec:
                    entrypoint: main
                    arguments: {parameters: [{name: scheduledTime}]}
                    templates: [{name: main, container: {image: "ghcr.io/acme/etl:1.2"}}]
                """);
    }

    private Cli.Run backfill(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("backfill", "nightly-etl", "--kubeconfig", kubeconfig.toString(),
                "-n", "argo", "--poll-millis", "10"));
        all.addAll(List.of(args));
        return Cli.run(MockCluster.at(root, "2026-04-15T12:00:00Z"), all.toArray(String[]::new));
    }

    private int workflows() {
        return client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo").list().getItems().size();
    }

    @Test
    void dryRunListsTheTimesAcrossTheSpringChangeAndCreatesNothing() {
        Cli.Run run = backfill("--from", "2026-03-28", "--to", "2026-03-31", "--dry-run");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                backfill nightly-etl: 2 schedule times in [2026-03-28 00:00 +01:00, 2026-03-31 00:00 +02:00) (Europe/Oslo); scheduled time as annotation workflows.argoproj.io/scheduled-time and parameter scheduledTime
                  2026-03-28 02:30 +01:00  nightly-etl-202603280130                 new
                  2026-03-30 02:30 +02:00  nightly-etl-202603300030                 new
                dry run: would create 2 Workflows; nothing was created
                """, run.out());
        assertEquals(0, workflows());
    }

    @Test
    void backfillPrintsAPlainLinePerTimeOffATerminalAndASummary() {
        Cli.Run run = backfill("--from", "2026-03-01", "--to", "2026-03-04", "--parallel", "5");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                backfill nightly-etl: 3 schedule times in [2026-03-01 00:00 +01:00, 2026-03-04 00:00 +01:00) (Europe/Oslo); scheduled time as annotation workflows.argoproj.io/scheduled-time and parameter scheduledTime
                [1/3] nightly-etl-202603010130 created
                [2/3] nightly-etl-202603020130 created
                [3/3] nightly-etl-202603030130 created
                """, run.err());
        assertEquals("""
                created 3, existing 0, failed 0 (of 3; 0 requests retried)
                still running: 3 (watch them with `argo-gke status`)
                """, run.out());
        assertEquals(3, workflows());
    }

    @Test
    void windowOverMaxIsRefusedWithExitTwoAndCreatesNothing() {
        Cli.Run run = backfill("--from", "2026-01-01", "--to", "2026-03-01", "--max", "30");

        assertEquals(2, run.exitCode());
        assertEquals("error: the window 2026-01-01 to 2026-03-01 holds more than 30 schedule times of nightly-etl"
                + " (at least 31): look first with --dry-run, then pass --yes to create them all (or raise --max)\n", run.err());
        assertEquals(0, workflows());
    }

    @Test
    void failedCreatesMakeExitOneAndAreListed() {
        server.expect().post().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo/workflows")
                .andReturn(422, "{\"kind\":\"Status\",\"code\":422,\"message\":\"spec.templates[0]: invalid\"}").always();

        Cli.Run run = backfill("--from", "2026-03-01", "--to", "2026-03-03");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("created 0, existing 0, failed 2 (of 2; 0 requests retried)\n"
                + "  failed nightly-etl-202603010130 (2026-03-01 02:30 +01:00): HTTP 422: spec.templates[0]: invalid\n"), run.out());
    }

    @Test
    void badTimeIsOneLineSayingWhatToWrite() {
        Cli.Run run = backfill("--from", "2026-03-01T02:00", "--to", "2026-03-03");

        assertEquals(2, run.exitCode());
        assertEquals("error: --from 2026-03-01T02:00: add Z or an offset (e.g. 2026-03-01T02:00Z or 2026-03-01T02:00+01:00),"
                + " or give a plain date, which means midnight in the cron's zone Europe/Oslo\n", run.err());
    }
}
