package dev.argogke.ops;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server that knows Argo's CronWorkflow and Workflow kinds (fabric8's mock server
 * in CRUD mode), with a {@link FaultInjector} for HTTP failures and a {@link DroppingProxy} in front
 * for dropped connections. The code under test connects the way users do, through a kubeconfig.
 */
final class MockArgo implements AutoCloseable {
    static final String NS = "argo";

    final KubernetesMockServer server;
    final FaultInjector faults;
    final DroppingProxy proxy;
    final Path kubeconfig;
    /** Straight to the server, no faults: for setting up and inspecting. */
    final KubernetesClient admin;
    /** Every wait the code under test asked for (the tests' sleeper records instead of sleeping). */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private MockArgo(KubernetesMockServer server, FaultInjector faults, DroppingProxy proxy, Path kubeconfig, KubernetesClient admin) {
        this.server = server;
        this.faults = faults;
        this.proxy = proxy;
        this.kubeconfig = kubeconfig;
        this.admin = admin;
    }

    // Serialization.jsonMapper() is deprecated, but it is how fabric8's own mock-server extension
    // builds the server's Context, and 8.0.0 offers no public replacement.
    @SuppressWarnings("deprecation")
    static MockArgo start(Path dir) throws IOException {
        MockServerLogging.quiet();
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        FaultInjector faults = new FaultInjector(new KubernetesMixedDispatcher(responses));
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                responses, faults, false);
        server.init();
        server.expectCustomResource(ArgoResources.CRON_WORKFLOWS);
        server.expectCustomResource(ArgoResources.WORKFLOWS);
        DroppingProxy proxy = new DroppingProxy(server.getPort());
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, kubeconfig("http://127.0.0.1:" + proxy.port()));
        Config adminConfig = new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        KubernetesClient admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
        return new MockArgo(server, faults, proxy, kubeconfig, admin);
    }

    static String kubeconfig(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: not-a-secret
                contexts:
                - name: mock-context
                  context:
                    cluster: mock
                    user: tester
                    namespace: %s
                current-context: mock-context
                """.formatted(serverUrl, NS);
    }

    KubeConnection connect(Duration requestTimeout) {
        return KubeConnection.open(new ConnectionSettings(kubeconfig, null, requestTimeout, ConnectionSettings.GENERIC_CREDENTIALS_COMMAND));
    }

    /** A cluster client with quick backoff whose waits are recorded in {@link #sleeps}, not slept. */
    ArgoCluster cluster(Cancellation cancellation) {
        return cluster(cancellation, Duration.ofSeconds(10)); // generous: CI machines have 2 busy cores
    }

    ArgoCluster cluster(Cancellation cancellation, Duration requestTimeout) {
        KubeConnection connection = connect(requestTimeout);
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60));
        Retry retry = new Retry(policy, cancellation, d -> {
            sleeps.add(d);
            return !cancellation.isCancelled();
        }, connection.retryAfterCapture());
        return new ArgoCluster(connection, NS, retry);
    }

    GenericKubernetesResource addCron(String yaml) {
        GenericKubernetesResource cron = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return admin.genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace(NS).resource(cron).create();
    }

    static String dailyCron(String name, String schedule, String timezone) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: %s
                  labels:
                    workflows.argoproj.io/creator: alice
                spec:
                  schedules:
                    - "%s"
                  timezone: %s
                  workflowSpec:
                    entrypoint: main
                    arguments:
                      parameters:
                        - name: scheduledTime
                          value: ""
                        - name: region
                          value: eu
                    templates:
                      - name: main
                        container:
                          image: busybox
                          command: [echo, "{{workflow.scheduledTime}}"]
                """.formatted(name, schedule, timezone);
    }

    List<GenericKubernetesResource> workflows() {
        List<GenericKubernetesResource> items = new ArrayList<>(
                admin.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(NS).list().getItems());
        items.sort(Comparator.comparing(w -> w.getMetadata().getName()));
        return items;
    }

    /** Sets a Workflow's status as the controller would. */
    void setStatus(String workflow, Map<String, Object> status) {
        var resource = admin.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(NS).withName(workflow);
        GenericKubernetesResource wf = resource.get();
        wf.setAdditionalProperty("status", status);
        admin.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(NS).resource(wf).update();
    }

    @Override
    public void close() throws IOException {
        admin.close();
        proxy.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // fabric8's MockWebServer gives Vert.x 10 s to close (MockWebServer.await) and throws on a
            // TimeoutException; on a loaded 2-core CI machine that happened after every assertion had
            // passed. The fixture's shutdown is not what the tests check, so a slow one is not a failure;
            // anything else is.
            if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
                throw e;
            }
        }
    }
}
