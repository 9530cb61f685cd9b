package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.ops.ArgoResources;
import dev.argogke.testing.Cli;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class RunCommandTest {
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
                metadata: {name: weekly-report}
                spec:
                  schedules: ["0 7 * * 1"]
                  timezone: Europe/Oslo
                  workflowSpec:
                    entrypoint: main
                    arguments: {parameters: [{name: region, value: eu}]}
                    templates: [{name: main, container: {image: "ghcr.io/acme/report:3"}}]
                """);
    }

    private Cli.Run run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--kubeconfig", kubeconfig.toString(), "-n", "argo",
                "--poll-millis", "10"));
        all.addAll(List.of(args));
        return Cli.run(MockCluster.at(root, "2026-03-30T05:00:00Z"), all.toArray(String[]::new));
    }

    private List<GenericKubernetesResource> workflows() {
        return client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo").list().getItems();
    }

    @Test
    void runCreatesOneWorkflowWithTheGivenParameterAndExitsZero() {
        Cli.Run run = run("weekly-report", "-p", "region=us");

        assertEquals(0, run.exitCode(), run.err());
        GenericKubernetesResource wf = workflows().get(0);
        assertEquals("Workflow " + wf.getMetadata().getName() + " created in namespace argo from CronWorkflow weekly-report\n",
                run.out());
        assertEquals(Map.of("name", "region", "value", "us"),
                ((List<?>) ((Map<?, ?>) ((Map<?, ?>) wf.getAdditionalProperties().get("spec")).get("arguments")).get("parameters")).get(0));
    }

    @Test
    void parameterWithoutEqualsSignIsAUsageError() {
        Cli.Run run = run("weekly-report", "-p", "region");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: Value for option option '--parameter' (NAME=VALUE) should be in KEY=VALUE format"),
                run.err());
        assertEquals(List.of(), workflows());
    }

    @Test
    void followExitsOneWhenTheWorkflowFailsAndZeroWhenItSucceeds() throws Exception {
        assertEquals(1, followUntil("Failed").exitCode());
        assertEquals(0, followUntil("Succeeded").exitCode());
    }

    /** Runs with --follow while a stand-in controller finishes the new Workflow with {@code phase}. */
    private Cli.Run followUntil(String phase) throws Exception {
        int before = workflows().size();
        Thread controller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<GenericKubernetesResource> all = workflows();
                if (all.size() > before) {
                    for (GenericKubernetesResource wf : all) {
                        if (wf.getAdditionalProperties().get("status") == null) {
                            wf.setAdditionalProperty("status", Map.of("phase", phase, "startedAt", "2026-03-30T05:00:01Z",
                                    "finishedAt", "2026-03-30T05:00:41Z"));
                            client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo").resource(wf).update();
                        }
                    }
                    return;
                }
                // Sleep, not spin: a spinning thread that outlives its test starves a 2-core machine.
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fake-controller");
        controller.setDaemon(true);
        controller.start();
        Cli.Run run = run("weekly-report", "--follow");
        controller.join(5000);
        controller.interrupt();
        assertTrue(run.out().endsWith(": " + phase + " in 40s\n"), run.out());
        return run;
    }
}
