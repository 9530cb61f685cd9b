package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = true)
class KubeConnectionTest {
    static {
        MockServerLogging.quiet();
    }

    static final String GET_CREDENTIALS = "gcloud container clusters get-credentials argo-dev --zone europe-west1-b --project acme";

    KubernetesMockServer server;

    @TempDir
    Path dir;

    private Path kubeconfig(String server) throws Exception {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, MockArgo.kubeconfig(server));
        return file;
    }

    private ConnectionSettings settings(Path kubeconfig, String context) {
        return new ConnectionSettings(kubeconfig, context, Duration.ofSeconds(2), GET_CREDENTIALS);
    }

    private ArgoCluster cluster(ConnectionSettings settings, List<Duration> sleeps) {
        KubeConnection connection = KubeConnection.open(settings);
        Cancellation c = new Cancellation();
        return new ArgoCluster(connection, "argo",
                new Retry(RetryPolicy.standard(), c, d -> sleeps.add(d), connection.retryAfterCapture()));
    }

    @Test
    void missingKubeconfigFileIsNamed() {
        UserError e = assertThrows(UserError.class, () -> KubeConnection.open(settings(dir.resolve("nope"), null)));

        assertEquals("--kubeconfig " + dir.resolve("nope") + ": no such file", e.getMessage());
    }

    @Test
    void unknownContextListsTheKnownOnes() throws Exception {
        Path kc = kubeconfig("https://127.0.0.1:6443");

        UserError e = assertThrows(UserError.class, () -> KubeConnection.open(settings(kc, "prod")));

        assertEquals("--context prod: no such context in the kubeconfig (it has: mock-context)", e.getMessage());
    }

    /** The issue: an unreachable endpoint was silent for 18 s of retries; a refused first connection is said at once. */
    @Test
    void aClusterThatRefusesTheFirstConnectionIsNamedAtOnceWithTheNextStep() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        try (ArgoCluster cluster = cluster(settings(kubeconfig("http://127.0.0.1:1"), null), sleeps)) {
            UserError e = assertThrows(UserError.class, cluster::cronWorkflows);

            assertEquals(List.of(), sleeps);
            assertTrue(e.getMessage().startsWith("cannot reach the cluster at http://127.0.0.1:1/ (context mock-context)"
                    + " while list CronWorkflows (Connection refused"), e.getMessage());
            assertTrue(e.getMessage().endsWith("`" + GET_CREDENTIALS + "`"), e.getMessage());
        }
    }

    /** Once the cluster has answered, a refused connection is an API server restarting: the standard six attempts. */
    @Test
    void aClusterThatAnsweredAndThenRefusesIsRetried() throws Exception {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo/cronworkflows")
                .andReturn(200, "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"CronWorkflowList\",\"items\":[]}")
                .always();
        List<Duration> sleeps = new ArrayList<>();
        try (ArgoCluster cluster = cluster(settings(trustingKubeconfig(), null), sleeps)) {
            assertEquals(List.of(), cluster.cronWorkflows());
            server.destroy();

            UserError e = assertThrows(UserError.class, cluster::cronWorkflows);

            assertEquals(5, sleeps.size());
            assertTrue(e.getMessage().startsWith("cannot reach the cluster at "), e.getMessage());
        }
    }

    /**
     * An endpoint that never accepts the connection (packets dropped, as a private control plane
     * seen from outside its network) is named after the connect timeout, not after fabric8's 10 s
     * per attempt and the retries. Made here with a listening socket whose accept queue is full:
     * Linux then drops further connection requests (listen(2), "backlog"; tcp_abort_on_overflow off).
     */
    @Test
    void aClusterThatNeverAcceptsTheConnectionIsNamedWithinTheConnectTimeout() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = fillAcceptQueue(full);
            try {
                List<Duration> sleeps = new ArrayList<>();
                Path kc = kubeconfig("http://127.0.0.1:" + full.getLocalPort());
                long start = System.nanoTime();
                try (ArgoCluster cluster = cluster(new ConnectionSettings(kc, null, Duration.ofSeconds(10), GET_CREDENTIALS), sleeps)) {
                    UserError e = assertThrows(UserError.class, cluster::cronWorkflows);
                    Duration took = Duration.ofNanos(System.nanoTime() - start);

                    assertEquals(List.of(), sleeps);
                    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
                    assertTrue(e.getMessage().startsWith("cannot reach the cluster at http://127.0.0.1:" + full.getLocalPort()
                            + "/ (context mock-context) while list CronWorkflows ("), e.getMessage());
                }
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    /** Connects until the listener's queue is full, i.e. until a connection request gets no answer. */
    private static List<Socket> fillAcceptQueue(ServerSocket listener) throws Exception {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(listener.getLocalSocketAddress(), 300);
                queued.add(s);
            } catch (java.net.SocketTimeoutException full) {
                s.close();
                return queued;
            }
        }
        throw new org.opentest4j.TestAbortedException("this kernel accepted 16 connections into a backlog of 1; cannot make an endpoint that drops them");
    }

    private Path trustingKubeconfig() throws Exception {
        Path kc = kubeconfig(server.url("/"));
        Files.writeString(kc, Files.readString(kc).replace("    server: ", "    insecure-skip-tls-verify: true\n    server: "));
        return kc;
    }

    @Test
    void untrustedCertificateIsNotRetriedAndPointsAtFreshCredentials() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        try (ArgoCluster cluster = cluster(settings(kubeconfig(server.url("/")), null), sleeps)) {
            UserError e = assertThrows(UserError.class, cluster::cronWorkflows);

            assertEquals(List.of(), sleeps);
            assertTrue(e.getMessage().contains("is not trusted while list CronWorkflows"), e.getMessage());
            assertTrue(e.getMessage().endsWith("refresh it with `" + GET_CREDENTIALS + "`"), e.getMessage());
        }
    }

    @Test
    void forbiddenListNamesTheNamespace() throws Exception {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo/cronworkflows")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"cronworkflows.argoproj.io is forbidden\"}")
                .always();
        Path kc = kubeconfig(server.url("/"));
        Files.writeString(kc, Files.readString(kc).replace("    server: ", "    insecure-skip-tls-verify: true\n    server: "));
        try (ArgoCluster cluster = cluster(settings(kc, null), new ArrayList<>())) {
            UserError e = assertThrows(UserError.class, cluster::cronWorkflows);

            assertEquals("not allowed to list CronWorkflows in namespace argo (HTTP 403: cronworkflows.argoproj.io is"
                    + " forbidden): ask for a role that can read and create argoproj.io workflows there, or pick the"
                    + " namespace with -n", e.getMessage());
        }
    }
}
