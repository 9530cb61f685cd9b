package dev.argogke.cli;

import dev.argogke.ops.ArgoResources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Shared set-up for command-line tests against fabric8's CRUD mock server. */
final class MockCluster {
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private MockCluster() {
    }

    static void quiet() {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    /** Teaches the server Argo's kinds and writes a kubeconfig whose current context points at it. */
    static Path prepare(KubernetesMockServer server, Path dir) throws IOException {
        server.expectCustomResource(ArgoResources.CRON_WORKFLOWS);
        server.expectCustomResource(ArgoResources.WORKFLOWS);
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: tester
                  user: {token: not-a-secret}
                contexts:
                - name: gke_acme-argo-dev_europe-west1-b_argo-dev
                  context: {cluster: mock, user: tester}
                current-context: gke_acme-argo-dev_europe-west1-b_argo-dev
                """.formatted(server.url("/")));
        return kubeconfig;
    }

    static GenericKubernetesResource create(KubernetesClient client, String namespace, String yaml) {
        GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return client.genericKubernetesResources(r.getKind().equals("Workflow") ? ArgoResources.WORKFLOWS
                : ArgoResources.CRON_WORKFLOWS).inNamespace(namespace).resource(r).create();
    }

    /** The command line on the project at {@code root}, with the time fixed at {@code now} (an instant). */
    static Main at(Path root, String now) {
        return new Main(root, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
