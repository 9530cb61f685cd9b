package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFollowerTest {
    static final String WF = "etl-x7k2p";
    static final String WORKFLOW_PATH = "/apis/argoproj.io/v1alpha1/namespaces/argo/workflows/" + WF;

    @TempDir
    Path dir;
    MockArgo argo;
    final StringWriter out = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        argo = MockArgo.start(dir);
        GenericKubernetesResource wf = new GenericKubernetesResource();
        wf.setApiVersion(ArgoResources.API_VERSION);
        wf.setKind("Workflow");
        wf.setMetadata(new ObjectMetaBuilder().withName(WF).build());
        argo.admin.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(MockArgo.NS).resource(wf).create();
        pod("etl-x7k2p-extract-1", "etl-x7k2p-1", "rows read: 1200\nwritten to bq\n");
        pod("etl-x7k2p-load-2", "etl-x7k2p-2", "connection refused\n");
    }

    @AfterEach
    void stop() throws Exception {
        argo.close();
    }

    private void pod(String name, String nodeId, String log) {
        argo.admin.pods().inNamespace(MockArgo.NS).resource(new PodBuilder().withNewMetadata().withName(name)
                .addToLabels(ArgoResources.LABEL_POD_WORKFLOW, WF)
                .addToAnnotations(ArgoResources.ANNOTATION_POD_NODE_ID, nodeId).endMetadata().build()).create();
        argo.faults.on("GET", "/api/v1/namespaces/argo/pods/" + name + "/log", n -> true,
                (request, store) -> new MockResponse().setResponseCode(200).setBody(log));
    }

    static Map<String, Object> node(String id, String name, String type, String phase, String started, String finished,
                                    String message) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("displayName", name);
        node.put("type", type);
        node.put("phase", phase);
        node.put("startedAt", started);
        if (finished != null) {
            node.put("finishedAt", finished);
        }
        if (message != null) {
            node.put("message", message);
        }
        return node;
    }

    @SafeVarargs
    static Map<String, Object> status(String phase, String finished, String message, Map<String, Object>... nodes) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", phase);
        status.put("startedAt", "2026-03-29T04:00:00Z");
        if (finished != null) {
            status.put("finishedAt", finished);
        }
        if (message != null) {
            status.put("message", message);
        }
        Map<String, Object> byId = new LinkedHashMap<>();
        byId.put(WF, node(WF, WF, "Steps", phase, "2026-03-29T04:00:00Z", finished, null));
        for (Map<String, Object> n : nodes) {
            byId.put((String) n.get("id"), n);
        }
        status.put("nodes", byId);
        return status;
    }

    /**
     * Plays the controller: applies each status once the follower has certainly seen the previous
     * one. The first look after an update sees it, and the follower looks again only after that
     * answer, so the second look after an update is the signal for the next.
     */
    private Thread controller(List<Map<String, Object>> states) {
        AtomicInteger looks = argo.faults.on("GET", WORKFLOW_PATH, n -> false, null).count();
        Thread t = new Thread(() -> {
            int seen = looks.get();
            try {
                for (Map<String, Object> state : states) {
                    // Sleep, not spin: a spinning thread that outlives its test starves a 2-core machine.
                    while (looks.get() < seen + 2) {
                        Thread.sleep(1);
                    }
                    argo.setStatus(WF, state);
                    seen = looks.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-controller");
        t.setDaemon(true);
        return t;
    }

    private Optional<String> follow(List<Map<String, Object>> states) throws InterruptedException {
        argo.setStatus(WF, states.get(0));
        Thread controller = controller(states.subList(1, states.size()));
        controller.start();
        try (ArgoCluster cluster = argo.cluster(new Cancellation())) {
            WorkflowFollower follower = new WorkflowFollower(cluster, new PrintWriter(out), Duration.ofMillis(20), ZoneId.of("Europe/Oslo"));
            Optional<String> phase = follower.follow(WF);
            controller.join(5000);
            return phase;
        } finally {
            // Wait for the fake controller to stop, so that no request of its is in flight when the
            // mock server shuts down (a CI run once timed out closing it: "Unable to close MockWebServer").
            controller.interrupt();
            controller.join(5000);
        }
    }

    @Test
    void followPrintsEachPhaseChangeAndTheLogsOfFinishedPodsAndEndsWithTheFailure() throws Exception {
        var extractRunning = node("etl-x7k2p-1", "extract", "Pod", "Running", "2026-03-29T04:00:01Z", null, null);
        var extractDone = node("etl-x7k2p-1", "extract", "Pod", "Succeeded", "2026-03-29T04:00:01Z", "2026-03-29T04:00:09Z", null);
        var loadRunning = node("etl-x7k2p-2", "load", "Pod", "Running", "2026-03-29T04:00:10Z", null, null);
        var loadFailed = node("etl-x7k2p-2", "load", "Pod", "Failed", "2026-03-29T04:00:10Z", "2026-03-29T04:00:20Z",
                "Error (exit code 1)");

        Optional<String> phase = follow(List.of(
                status("Running", null, null, extractRunning),
                status("Running", null, null, extractDone, loadRunning),
                status("Failed", "2026-03-29T04:00:20Z", "child 'etl-x7k2p-2' failed", extractDone, loadFailed)));

        assertEquals(Optional.of("Failed"), phase);
        assertEquals("""
                Workflow etl-x7k2p: Running
                  06:00:01  Running    extract
                  06:00:09  Succeeded  extract
                  extract | rows read: 1200
                  extract | written to bq
                  06:00:10  Running    load
                  06:00:20  Failed     load: Error (exit code 1)
                  load | connection refused
                Workflow etl-x7k2p: Failed in 20s: child 'etl-x7k2p-2' failed
                """, out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void followEndsWithSucceededWhenTheWorkflowDoes() throws Exception {
        var extractDone = node("etl-x7k2p-1", "extract", "Pod", "Succeeded", "2026-03-29T04:00:01Z", "2026-03-29T04:00:09Z", null);

        Optional<String> phase = follow(List.of(
                status("Running", null, null),
                status("Succeeded", "2026-03-29T04:02:05Z", null, extractDone)));

        assertEquals(Optional.of("Succeeded"), phase);
        assertEquals("Workflow etl-x7k2p: Succeeded in 2m5s", out.toString().lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void followRidesOutAnApiServerHiccup() throws Exception {
        argo.faults.on("GET", WORKFLOW_PATH, n -> n == 2, FaultInjector.status(503, "apiserver restarting"));

        Optional<String> phase = follow(List.of(
                status("Running", null, null),
                status("Succeeded", "2026-03-29T04:00:30Z", null)));

        assertEquals(Optional.of("Succeeded"), phase);
    }
}
