package dev.argogke.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.argo.ArgoVersion;
import dev.argogke.argo.Doc;
import dev.argogke.argo.RenderedChart;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Argo Events release as the component registers it (chart, version, values, release name and
 * namespace, read from the registration), rendered by real Helm from the real chart
 * ({@code ../shared/charts/argo-events}, argo-helm 2.4.22). The expectations come from what the
 * program relies on: the controller's service account, a controller confined to its namespace, an
 * EventBus the controller accepts.
 */
class ArgoEventsChartRenderTest {
    private static MockCloud.Registered release;
    private static MockCloud.Registered eventBus;
    private static RenderedChart chart;

    /** Rendered once, on the first test's call; without {@code ../shared} each test is skipped with Shared's message. */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void render() {
        Path folder = Shared.argoEventsChart();
        synchronized (ArgoEventsChartRenderTest.class) {
            if (chart != null) {
                return;
            }
            MockCloud.Result r = MockCloud.run("dev", Map.of(), Set.of(),
                    ctx -> new ArgoEvents("events", new ArgoEvents.Args("argo-events", List.of()), null));
            release = r.one("kubernetes:helm.sh/v3:Release");
            eventBus = r.one("kubernetes:argoproj.io/v1alpha1:EventBus");
            chart = RenderedChart.render(folder, release.string("name"), release.string("namespace"),
                    (Map<String, Object>) release.input("values"));
        }
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReleaseInstallsTheChartTheTestsRenderSignedWithArgoHelmsKey() {
        Map<?, ?> chartYaml = yaml(Shared.argoEventsChart().resolve("Chart.yaml"));
        assertEquals("argo-events", chartYaml.get("name"));
        assertEquals(chartYaml.get("name"), release.string("chart"));
        assertEquals(chartYaml.get("version"), release.string("version"));
        assertEquals("v1.9.10", chartYaml.get("appVersion"));
        assertEquals(chartYaml.get("appVersion"), ArgoEventsVersion.APP_VERSION);
        // The chart names its signing key (Artifact Hub's annotation): the one the keyring holds.
        String signKey = String.valueOf(Doc.map(chartYaml, "annotations").get("artifacthub.io/signKey"));
        assertTrue(signKey.contains("fingerprint: " + ArgoVersion.SIGNING_KEY_FINGERPRINT), signKey);
        assertEquals(Boolean.TRUE, release.input("verify"));
        assertEquals("keys/argo-helm.gpg", release.string("keyring"));
        assertEquals("https://argoproj.github.io/argo-helm", release.string("repositoryOpts.repo"));
    }

    /** A value the chart does not declare would be ignored by Helm without a word. */
    @Test
    void everyValueTheComponentPassesIsOneTheChartDeclares() {
        Map<?, ?> declared = yaml(Shared.argoEventsChart().resolve("values.yaml"));
        List<String> unknown = new ArrayList<>();
        undeclared("", (Map<?, ?>) release.input("values"), declared, unknown);
        assertEquals(List.of(), unknown);
    }

    private static void undeclared(String prefix, Map<?, ?> passed, Map<?, ?> declared, List<String> out) {
        passed.forEach((key, value) -> {
            String path = prefix + key;
            if (!declared.containsKey(key)) {
                out.add(path);
            } else if (value instanceof Map<?, ?> sub && declared.get(key) instanceof Map<?, ?> subDeclared && !subDeclared.isEmpty()) {
                undeclared(path + ".", sub, subDeclared, out);
            }
        });
    }

    @Test
    void theControllerRunsAsTheServiceAccountTheProgramNames() {
        Map<String, Object> controller = controllerDeployment();
        String namespace = release.string("namespace");
        assertEquals(namespace, chart.namespaceOf(controller));
        assertEquals(ArgoEvents.CONTROLLER_SERVICE_ACCOUNT, Doc.text(controller, "spec.template.spec.serviceAccountName"));
        chart.one("ServiceAccount", namespace, ArgoEvents.CONTROLLER_SERVICE_ACCOUNT);
    }

    /**
     * Nothing of the chart acts cluster-wide: no ClusterRole, no ClusterRoleBinding, no admission
     * webhook; the controller's rules are a Role bound in its namespace, and it is started
     * {@code --namespaced}, watching the namespace the NAMESPACE variable names (argo-events v1.9.10,
     * cmd/commands/controller.go: {@code --managed-namespace} defaults to it), its own.
     */
    @Test
    void theControllerIsConfinedToItsOwnNamespace() {
        assertEquals(List.of(), chart.names("ClusterRole"));
        assertEquals(List.of(), chart.names("ClusterRoleBinding"));
        assertEquals(List.of(), chart.names("MutatingWebhookConfiguration"));
        assertEquals(List.of(), chart.names("ValidatingWebhookConfiguration"));
        String namespace = release.string("namespace");
        List<Map<String, Object>> bindings = chart.all("RoleBinding");
        assertEquals(1, bindings.size(), chart.names("RoleBinding").toString());
        Map<String, Object> binding = bindings.get(0);
        assertEquals(namespace, chart.namespaceOf(binding));
        assertEquals("Role", Doc.text(binding, "roleRef.kind"));
        chart.one("Role", namespace, Doc.text(binding, "roleRef.name"));
        assertEquals(ArgoEvents.CONTROLLER_SERVICE_ACCOUNT, Doc.text(binding, "subjects[0].name"));
        assertEquals(namespace, Doc.text(binding, "subjects[0].namespace"));

        Map<?, ?> container = (Map<?, ?>) Doc.list(controllerDeployment(), "spec.template.spec.containers").get(0);
        List<?> args = Doc.list(container, "args");
        assertTrue(args.contains("--namespaced"), args.toString());
        assertFalse(args.contains("--managed-namespace"), "no other namespace: " + args);
        Map<?, ?> env = (Map<?, ?>) Doc.list(container, "env").stream().filter(e -> "NAMESPACE".equals(Doc.at(e, "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no NAMESPACE variable: " + Doc.at(container, "env")));
        assertEquals("metadata.namespace", Doc.text(env, "valueFrom.fieldRef.fieldPath"));
    }

    /**
     * The controller looks the EventBus's JetStream version up in its configuration and refuses one
     * it does not list (argo-events v1.9.10, pkg/reconciler/config.go GetJetStreamVersion); its
     * streams ask for the configuration's stream replicas, which the bus must be able to hold.
     */
    @Test
    void theEventBusAsksForAJetStreamVersionAndSizeTheControllerConfigurationSupports() {
        Map<String, Object> controller = controllerDeployment();
        String configMap = Doc.text(controller, "spec.template.spec.volumes[0].configMap.name");
        Map<String, Object> cm = chart.one("ConfigMap", chart.namespaceOf(controller), configMap);
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString((String) Doc.map(cm, "data").get("controller-config.yaml"));
        List<Object> versions = Doc.list(config, "eventBus.jetstream.versions").stream().map(v -> Doc.at(v, "version")).toList();
        assertTrue(versions.contains(eventBus.string("spec.jetstream.version")),
                "EventBus version " + eventBus.string("spec.jetstream.version") + " vs the controller's " + versions);
        Map<?, ?> streamConfig = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Doc.text(config, "eventBus.jetstream.streamConfig"));
        int streamReplicas = ((Number) streamConfig.get("replicas")).intValue();
        assertTrue(eventBus.integer("spec.jetstream.replicas") >= streamReplicas,
                "bus replicas " + eventBus.integer("spec.jetstream.replicas") + " < stream replicas " + streamReplicas);
        assertEquals(release.string("namespace"), eventBus.string("metadata.namespace"));
    }

    /**
     * The namespace enforces Pod Security's baseline (ArgoEvents, the labels of ArgoWorkflows): the
     * API server would refuse the controller's pod, and the atomic release would roll back, if it used
     * host namespaces, hostPath volumes, privileged containers or added capabilities (Kubernetes docs,
     * "Pod Security Standards", baseline). The EventBus's pods take their security context from the
     * EventBus spec only (argo-events v1.9.10, pkg/reconciler/eventbus/installer/jetstream.go), which sets none.
     */
    @Test
    void theChartsPodsPassThePodSecurityBaselineTheNamespaceEnforces() {
        for (Map<String, Object> workload : chart.objects()) {
            Object pod = Doc.at(workload, "spec.template.spec");
            if (pod == null) {
                continue;
            }
            String name = workload.get("kind") + " " + Doc.at(workload, "metadata.name");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertTrue(Doc.at(pod, host) == null || Boolean.FALSE.equals(Doc.at(pod, host)), name + " " + host);
            }
            assertTrue(Doc.list(pod, "volumes").stream().noneMatch(v -> Doc.at(v, "hostPath") != null), name + " mounts a hostPath");
            List<Object> containers = new ArrayList<>(Doc.list(pod, "containers"));
            containers.addAll(Doc.list(pod, "initContainers"));
            for (Object c : containers) {
                assertTrue(Doc.at(c, "securityContext.privileged") == null || Boolean.FALSE.equals(Doc.at(c, "securityContext.privileged")), name);
                assertEquals(List.of(), Doc.list(c, "securityContext.capabilities.add"), name + " adds capabilities");
            }
        }
    }

    private static Map<String, Object> controllerDeployment() {
        List<Map<String, Object>> deployments = chart.all("Deployment");
        assertEquals(1, deployments.size(), "only the controller: " + chart.names("Deployment"));
        return deployments.get(0);
    }
}
