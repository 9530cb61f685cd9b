package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.ops.ArgoResources;
import dev.argogke.testing.Cli;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Day-2 examples in docs/day-2.md are what the commands print against a mock cluster: this test runs
 * them and compares. Run with {@code -Dargogke.updateDocs=true} to rewrite the examples instead; either
 * way the output must first agree with the facts {@link Day2Facts} works out from the cluster set up
 * here, the schedules and the time-zone rules.
 */
class Day2DocsTest {
    static {
        MockCluster.quiet();
    }

    static final Path DOC = Path.of("docs/day-2.md");
    static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([a-z-]+) -->\n```text\n(.*?)```\n", Pattern.DOTALL);
    static final Pattern RUN_NAME = Pattern.compile("weekly-report-[bcdfghjklmnpqrstvwxz2456789]{5}");
    /** The mock server's address changes every run; the doc shows a fixed stand-in. */
    static final Pattern SERVER = Pattern.compile("https://localhost:[0-9]+/");

    KubernetesMockServer server;
    KubernetesClient client;
    /** GETs of the Workflow that {@code run} creates: the follower's looks. */
    final AtomicInteger looks = new AtomicInteger();

    @TempDir
    Path root;
    Path kubeconfig;

    // Serialization.jsonMapper() is deprecated, but it is how fabric8's own mock-server extension
    // builds the server's Context, and 8.0.0 offers no public replacement.
    @SuppressWarnings("deprecation")
    @BeforeEach
    void cluster() throws Exception {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher store = new KubernetesMixedDispatcher(responses);
        Pattern look = Pattern.compile("/apis/argoproj.io/v1alpha1/namespaces/argo-workflows/workflows/" + RUN_NAME.pattern());
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                new CountingDispatcher(store, r -> r.getMethod().equals("GET") && look.matcher(r.getPath()).matches(), looks),
                true);
        server.init();
        client = server.createClient();
        kubeconfig = MockCluster.prepare(server, root);
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("gke_acme-argo-dev_europe-west1-b_argo-dev",
                "gke_acme-argo-prod_europe-west1-b_argo-prod"));
        Files.createDirectories(root.resolve("workflows"));
        Files.createDirectories(root.resolve("stacks"));
        Files.copy(Path.of("stacks/Pulumi.prod.yaml"), root.resolve("stacks/Pulumi.prod.yaml"));
        String nightly = cron("nightly-etl", "[\"30 2 * * *\"]", "Europe/Oslo", "ghcr.io/acme/etl:1.4",
                "[{name: scheduledTime}]");
        String weekly = cron("weekly-report", "[\"0 7 * * 1\"]", "Europe/Oslo", "ghcr.io/acme/report:2.0",
                "[{name: region, value: eu}]");
        Files.writeString(root.resolve("workflows/nightly-etl.yaml"), nightly);
        Files.writeString(root.resolve("workflows/weekly-report.yaml"), weekly);
        Files.writeString(root.resolve("workflows/bq-export.yaml"), cron("bq-export", "[\"0 4 * * *\"]", "UTC",
                "ghcr.io/acme/bq-export:1.0", "[]"));
        MockCluster.create(client, "argo-workflows", nightly);
        MockCluster.create(client, "argo-workflows", weekly.replace("report:2.0", "report:1.9"));
        MockCluster.create(client, "argo-workflows", cron("jira-sync", "[\"*/15 6-18 * * 1-5\", \"0 12 * * 6\"]", "UTC",
                "ghcr.io/acme/jira-sync:3.1", "[]"));
        setCronStatus("nightly-etl", Map.of("lastScheduledTime", "2026-10-24T00:30:00Z"));
        setCronStatus("jira-sync", Map.of("lastScheduledTime", "2026-10-23T16:45:00Z",
                "active", List.of(Map.of("name", "jira-sync-1761237900", "namespace", "argo-workflows"))));
        workflow("nightly-etl-1761265800", "nightly-etl", Map.of("phase", "Succeeded",
                "startedAt", "2026-10-24T00:30:02Z", "finishedAt", "2026-10-24T00:34:14Z"));
        workflow("jira-sync-1761237900", "jira-sync", Map.of("phase", "Running", "startedAt", "2026-10-23T16:45:01Z"));
        workflow("weekly-report-1761548400", "weekly-report", Map.of("phase", "Failed",
                "startedAt", "2026-10-20T05:00:01Z", "finishedAt", "2026-10-20T05:01:31Z"));
        eventDrivenWorkflows();
    }

    /**
     * Two Sensors in argo-events, as in workflows/: one on a Pub/Sub topic, triggered once, and one on a webhook,
     * never triggered. The Workflow carries the labels a Sensor's trigger gives it (argo-events v1.9.10
     * standard-k8s.go, Create); its action timestamp is {@link Day2Facts#DIRECTORY_SYNC_TRIGGERED}.
     */
    private void eventDrivenWorkflows() throws Exception {
        server.expectCustomResource(ArgoResources.SENSORS);
        server.expectCustomResource(ArgoResources.EVENT_SOURCES);
        for (String yaml : List.of(sensor("employee-directory-sync", "hr-exports", "export-finished", "body.file"),
                sensor("partner-upload", "partner-files", "file-landed", "body.object"),
                """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: hr-exports}
                spec:
                  pubSub:
                    export-finished: {topic: hr-export-finished, subscriptionID: hr-export-finished-argo-events, jsonBody: true}
                """,
                """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: partner-files}
                spec:
                  service: {ports: [{port: 12000, targetPort: 12000}]}
                  webhook:
                    file-landed: {port: "12000", endpoint: /partner-upload, method: POST}
                """)) {
            GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
            client.genericKubernetesResources(r.getKind().equals("Sensor") ? ArgoResources.SENSORS : ArgoResources.EVENT_SOURCES)
                    .inNamespace("argo-events").resource(r).create();
            Files.writeString(root.resolve("workflows/" + r.getMetadata().getName() + "-" + r.getKind().toLowerCase(java.util.Locale.ROOT) + ".yaml"), yaml);
        }
        GenericKubernetesResource wf = MockCluster.create(client, "argo-workflows", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: employee-directory-sync-7d2kq
                  labels: {events.argoproj.io/sensor: employee-directory-sync, events.argoproj.io/trigger: start,
                           events.argoproj.io/action-timestamp: "%d"}
                spec: {workflowTemplateRef: {name: employee-directory-sync}}
                """.formatted(Day2Facts.DIRECTORY_SYNC_TRIGGERED.toEpochMilli()));
        wf.setAdditionalProperty("status", Map.of("phase", "Succeeded"));
        client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo-workflows").resource(wf).update();
    }

    /** A Sensor whose k8s trigger creates a Workflow from the WorkflowTemplate of its own name, passing one field of the event. */
    static String sensor(String name, String eventSource, String event, String dataKey) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Sensor
                metadata: {name: %1$s}
                spec:
                  dependencies: [{name: event, eventSourceName: %2$s, eventName: %3$s}]
                  triggers:
                    - template:
                        name: start
                        k8s:
                          operation: create
                          source:
                            resource:
                              apiVersion: argoproj.io/v1alpha1
                              kind: Workflow
                              metadata: {generateName: %1$s-, namespace: argo-workflows}
                              spec:
                                workflowTemplateRef: {name: %1$s}
                                arguments: {parameters: [{name: input}]}
                          parameters:
                            - src: {dependencyName: event, dataKey: %4$s}
                              dest: spec.arguments.parameters.0.value
                """.formatted(name, eventSource, event, dataKey);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    /** The CRUD store, counting the requests that match. */
    static final class CountingDispatcher extends Dispatcher implements CustomResourceAware {
        private final KubernetesMixedDispatcher store;
        private final Predicate<RecordedRequest> counted;
        private final AtomicInteger count;

        CountingDispatcher(KubernetesMixedDispatcher store, Predicate<RecordedRequest> counted, AtomicInteger count) {
            this.store = store;
            this.counted = counted;
            this.count = count;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (counted.test(request)) {
                count.incrementAndGet();
            }
            return store.dispatch(request);
        }

        @Override
        public void expectCustomResource(CustomResourceDefinitionContext context) {
            store.expectCustomResource(context);
        }
    }

    static String cron(String name, String schedules, String timezone, String image, String parameters) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: %s
                spec:
                  schedules: %s
                  timezone: %s
                  workflowSpec:
                    entrypoint: main
                    arguments:
                      parameters: %s
                    templates:
                      - name: main
                        steps:
                          - - {name: extract, template: job}
                          - - {name: load, template: job}
                      - name: job
                        container: {image: "%s"}
                """.formatted(name, schedules, timezone, parameters, image);
    }

    private void setCronStatus(String name, Map<String, Object> status) {
        var api = client.genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace("argo-workflows");
        GenericKubernetesResource cron = api.withName(name).get();
        cron.setAdditionalProperty("status", status);
        api.resource(cron).update();
    }

    private void workflow(String name, String cron, Map<String, Object> status) {
        GenericKubernetesResource wf = MockCluster.create(client, "argo-workflows", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: %s
                  labels: {workflows.argoproj.io/cron-workflow: %s}
                spec: {entrypoint: main}
                """.formatted(name, cron));
        wf.setAdditionalProperty("status", status);
        client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo-workflows").resource(wf).update();
    }

    private String command(String now, String... args) {
        List<String> all = new ArrayList<>(List.of(withStack(args)));
        all.addAll(List.of("--kubeconfig", kubeconfig.toString()));
        args = withStack(args);
        Cli.Run run = Cli.run(MockCluster.at(root, now), all.toArray(String[]::new));
        // --poll-millis only makes the stand-in controller's steps quick; people leave it out.
        String typed = String.join(" ", args).replaceAll(" --poll-millis [0-9]+", "");
        String shown = "$ bin/argo-gke " + typed + "\n" + run.err() + run.out()
                + (run.exitCode() == 0 ? "" : "$ echo $?\n" + run.exitCode() + "\n");
        return SERVER.matcher(RUN_NAME.matcher(shown).replaceAll("weekly-report-x7k2p")).replaceAll("https://34.77.10.20/");
    }

    /** Every example names the stack, as users of a repository with several stacks do. */
    private static String[] withStack(String[] args) {
        List<String> out = new ArrayList<>(List.of(args));
        out.add(out.get(0).equals("status") ? 1 : 2, "--stack");
        out.add(out.get(0).equals("status") ? 2 : 3, "prod");
        return out.toArray(String[]::new);
    }

    @Test
    void examplesInDocsAreWhatTheCommandsPrint() throws Exception {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("status", command("2026-10-24T12:00:00Z", "status"));
        examples.put("status-json", command("2026-10-24T12:00:00Z", "status", "--format", "json"));
        examples.put("run", followedRun());
        examples.put("backfill-dry-run", command("2026-10-28T08:00:00Z", "backfill", "nightly-etl",
                "--from", "2026-10-23", "--to", "2026-10-27", "--dry-run"));
        server.expect().post().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo-workflows/workflows")
                .andReturn(500, "{\"kind\":\"Status\",\"code\":500,\"message\":\"etcdserver: leader changed\"}").once();
        examples.put("backfill", command("2026-10-28T08:00:00Z", "backfill", "nightly-etl",
                "--from", "2026-10-23", "--to", "2026-10-27", "--parallel", "5"));
        examples.put("backfill-rerun", command("2026-10-28T08:00:00Z", "backfill", "nightly-etl",
                "--from", "2026-10-21", "--to", "2026-10-27", "--parallel", "10"));
        examples.put("backfill-refused", command("2026-10-28T08:00:00Z", "backfill", "nightly-etl",
                "--from", "2026-01-01", "--to", "2026-10-01"));
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo-workflows/cronworkflows")
                .andReturn(401, "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}").always();
        examples.put("error", command("2026-10-24T12:00:00Z", "status"));

        // Checked before the examples may be written: a wrong output cannot be regenerated into the docs.
        Day2Facts.check(examples);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("argogke.updateDocs")) {
            Files.writeString(DOC, replaceExamples(doc, examples), StandardCharsets.UTF_8);
            return;
        }
        Matcher m = EXAMPLE.matcher(doc);
        Map<String, String> inDoc = new LinkedHashMap<>();
        while (m.find()) {
            inDoc.put(m.group(1), m.group(2));
        }
        assertEquals(examples.keySet(), inDoc.keySet(), "examples in " + DOC);
        for (Map.Entry<String, String> e : examples.entrySet()) {
            assertEquals(e.getValue(), inDoc.get(e.getKey()), "example " + e.getKey() + " in " + DOC
                    + " (rerun with -Dargogke.updateDocs=true)");
        }
    }

    private static String replaceExamples(String doc, Map<String, String> examples) {
        Matcher m = EXAMPLE.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = examples.getOrDefault(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- example: " + m.group(1) + " -->\n```text\n" + text + "```\n"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code run --follow} while a stand-in controller moves the Workflow along. A look (GET) that
     * starts after an update sees it, and the follower looks again only after that answer, so the
     * second look after an update is when the next state may come: every state is seen once.
     */
    private String followedRun() throws Exception {
        List<Map<String, Object>> states = List.of(
                status("Running", null, node("1", "extract", "Running", "05:00:03", null, null)),
                status("Running", null, node("1", "extract", "Succeeded", "05:00:03", "05:00:41", null),
                        node("2", "load", "Running", "05:00:44", null, null)),
                status("Succeeded", "05:01:52", node("1", "extract", "Succeeded", "05:00:03", "05:00:41", null),
                        node("2", "load", "Succeeded", "05:00:44", "05:01:50", null)));
        Thread controller = new Thread(() -> {
            var api = client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo-workflows");
            int seen = 0;
            String name = null;
            for (Map<String, Object> state : states) {
                while (looks.get() < (name == null ? 1 : seen + 2)) {
                    // Sleep, not spin: a spinning thread that outlives its test starves a 2-core machine.
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                GenericKubernetesResource wf = api.list().getItems().stream()
                        .filter(w -> RUN_NAME.matcher(w.getMetadata().getName()).matches()).findFirst().orElseThrow();
                if (name == null) {
                    name = wf.getMetadata().getName();
                    pods(name);
                }
                wf.setAdditionalProperty("status", withRoot(state, name));
                api.resource(wf).update();
                seen = looks.get();
            }
        }, "fake-controller");
        controller.setDaemon(true);
        controller.start();
        String shown = command("2026-10-26T05:00:00Z", "run", "weekly-report", "-p", "region=us", "--follow",
                "--poll-millis", "20");
        controller.join(10_000);
        controller.interrupt();
        return shown;
    }

    private void pods(String workflow) {
        for (String[] pod : new String[][] {{"1", "extract", "read 18 432 rows from JIRA\\nwrote extract/2026-10-26.json"},
                {"2", "load", "loaded 18 432 rows into bigquery:reports.weekly"}}) {
            String podName = workflow + "-job-" + pod[0];
            client.pods().inNamespace("argo-workflows").resource(new PodBuilder().withNewMetadata().withName(podName)
                    .addToLabels(ArgoResources.LABEL_POD_WORKFLOW, workflow)
                    .addToAnnotations(ArgoResources.ANNOTATION_POD_NODE_ID, workflow + "-" + pod[0]).endMetadata().build())
                    .create();
            server.expect().get().withPath("/api/v1/namespaces/argo-workflows/pods/" + podName + "/log?pretty=false&container=main")
                    .andReturn(200, pod[2].replace("\\n", "\n") + "\n").always();
        }
    }

    private static Map<String, Object> node(String id, String name, String phase, String started, String finished,
                                            String message) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("displayName", name);
        n.put("type", "Pod");
        n.put("phase", phase);
        n.put("startedAt", "2026-10-26T" + started + "Z");
        if (finished != null) {
            n.put("finishedAt", "2026-10-26T" + finished + "Z");
        }
        if (message != null) {
            n.put("message", message);
        }
        return n;
    }

    @SafeVarargs
    private static Map<String, Object> status(String phase, String finished, Map<String, Object>... nodes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("phase", phase);
        s.put("startedAt", "2026-10-26T05:00:00Z");
        if (finished != null) {
            s.put("finishedAt", "2026-10-26T" + finished + "Z");
        }
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Map<String, Object> n : nodes) {
            byId.put((String) n.get("id"), n);
        }
        s.put("nodes", byId);
        return s;
    }

    /** Node ids are the Workflow's name plus a suffix; the root node is the Workflow itself. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withRoot(Map<String, Object> status, String workflow) {
        Map<String, Object> s = new LinkedHashMap<>(status);
        Map<String, Object> byId = new LinkedHashMap<>();
        byId.put(workflow, Map.of("id", workflow, "displayName", workflow, "type", "Steps", "phase", status.get("phase")));
        ((Map<String, Object>) status.get("nodes")).forEach((id, n) -> {
            Map<String, Object> node = new LinkedHashMap<>((Map<String, Object>) n);
            node.put("id", workflow + "-" + id);
            byId.put(workflow + "-" + id, node);
        });
        s.put("nodes", byId);
        return s;
    }
}
