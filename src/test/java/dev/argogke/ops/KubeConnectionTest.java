package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
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
        return new ArgoCluster(connection, "argo", new Retry(RetryPolicy.standard(), c, d -> sleeps.add(d), null));
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

    @Test
    void unreachableClusterIsRetriedThenNamedWithTheNextStep() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        try (ArgoCluster cluster = cluster(settings(kubeconfig("http://127.0.0.1:1"), null), sleeps)) {
            UserError e = assertThrows(UserError.class, cluster::cronWorkflows);

            assertEquals(5, sleeps.size());
            assertTrue(e.getMessage().startsWith("cannot reach the cluster at http://127.0.0.1:1/ (context mock-context)"
                    + " while list CronWorkflows (Connection refused"), e.getMessage());
            assertTrue(e.getMessage().endsWith("`" + GET_CREDENTIALS + "`"), e.getMessage());
        }
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
