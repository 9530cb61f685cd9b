package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.edge.IapProxy;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.testing.Shared;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every committed stack's Argo release (and dev's with the workflows in a namespace of their own,
 * {@link PlannedStack#SEPARATE_NAMESPACE}), rendered by real Helm from the real chart
 * ({@code ../shared/charts/argo-workflows}, the version the program pins) with exactly the values,
 * release name and namespace the program passes. The expectations come from what the program's
 * other parts rely on: the edge's Ingress, BackendConfig and NetworkPolicy, the Workload Identity
 * bindings, the bucket, the node pools, the workflows it deploys.
 */
class ArgoChartRenderTest {
    private static final Pattern WORKLOAD_IDENTITY = Pattern.compile("serviceAccount:[^.]+\\.svc\\.id\\.goog\\[([^/]+)/([^\\]]+)]");

    static List<String> stacks() {
        return PlannedStack.layouts();
    }

    private static RenderedChart rendered(String stack) {
        return PlannedStack.rendered(stack);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theReleaseInstallsTheChartVersionTheTestsRender(String stack) {
        Map<?, ?> chartYaml = chartYaml();
        PlannedStack planned = PlannedStack.of(stack);
        assertEquals(chartYaml.get("version"), planned.release().input("version"));
        assertEquals(ArgoVersion.CHART_VERSION, chartYaml.get("version"));
        assertEquals(ArgoVersion.APP_VERSION, chartYaml.get("appVersion"));
        assertFalse(rendered(stack).objects().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theIngressBackendIsArgoServersServiceAsTheEdgeNeedsIt(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        PlanFile.Resource ingress = planned.one(ResourceTypes.INGRESS);
        String namespace = Doc.text(ingress.inputs(), "metadata.namespace");
        Map<String, Object> service = chart.one("Service", namespace, Doc.text(ingress.inputs(), "spec.defaultBackend.service.name"));
        Object port = number(Doc.at(ingress.inputs(), "spec.defaultBackend.service.port.number"));
        assertTrue(Doc.list(service, "spec.ports").stream().anyMatch(p -> port.equals(Doc.at(p, "port"))),
                "the Service has no port " + port + ": " + Doc.at(service, "spec.ports"));

        // GKE Ingress: a NodePort Service, pointing at the BackendConfig the edge creates, with NEGs.
        assertEquals(edgeService().type(), Doc.at(service, "spec.type"));
        Map<?, ?> annotations = Doc.map(service, "metadata.annotations");
        assertTrue(annotations.entrySet().containsAll(edgeService().annotations().entrySet()), "annotations: " + annotations);
        Map<?, ?> backendConfig = json(annotations.get("cloud.google.com/backend-config"));
        assertEquals(Doc.text(backendConfig(planned).inputs(), "metadata.name"), backendConfig.get("default"));
        assertEquals(namespace, Doc.text(backendConfig(planned).inputs(), "metadata.namespace"));
        assertEquals(Boolean.TRUE, json(annotations.get("cloud.google.com/neg")).get("ingress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theServiceHealthCheckAndNetworkPolicyReachOnlyTheIapProxyNotArgoServer(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        Map<String, Object> server = serverDeployment(planned, chart);
        Map<?, ?> argoServer = container(server, "argo-server");
        Map<?, ?> proxy = targetContainer(server, serverService(planned, chart));
        assertEquals(IapProxy.IMAGE, Doc.at(proxy, "image"), "the Service must send to the IAP proxy, not to " + Doc.at(proxy, "name"));
        Object proxyPort = Doc.at(proxy, "ports[0].containerPort");

        // With NEGs the load balancer health-checks and connects to the pod itself, on the serving
        // container's port; it sends no IAP JWT, so it asks what the proxy answers without one.
        Map<String, Object> healthCheck = backendConfig(planned).inputs();
        assertEquals(proxyPort, number(Doc.at(healthCheck, "spec.healthCheck.port")));
        assertEquals(Doc.at(healthCheck, "spec.healthCheck.requestPath"), Doc.at(proxy, "readinessProbe.httpGet.path"));
        assertEquals(Doc.at(healthCheck, "spec.healthCheck.type"), Doc.at(proxy, "readinessProbe.httpGet.scheme"));
        assertTrue(Doc.list(argoServer, "args").contains("--secure=false"), "argo-server must speak HTTP: " + Doc.at(argoServer, "args"));

        PlanFile.Resource policy = planned.one("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        List<Object> admitted = Doc.list(policy.inputs(), "spec.ingress[0].ports").stream().map(p -> number(Doc.at(p, "port"))).toList();
        assertEquals(List.of(proxyPort), admitted, "only the proxy's port, never argo-server's " + Doc.at(argoServer, "ports[0].containerPort"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theIapProxyPassesToArgoServersPortInThePodAndReadsTheConfigMapThePlanCreates(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        Map<String, Object> server = serverDeployment(planned, chart);
        Map<?, ?> argoServer = container(server, "argo-server");
        Map<?, ?> proxy = container(server, IapProxy.CONTAINER);

        // Envoy's upstream is argo-server's container port on the pod's loopback, and Envoy's own
        // check of it asks what the chart's readiness probe asks.
        Map<?, ?> upstream = (Map<?, ?>) Doc.list(IapProxy.bootstrap("1"), "static_resources.clusters").stream()
                .filter(c -> "argo-server".equals(Doc.at(c, "name"))).findFirst().orElseThrow();
        assertEquals("127.0.0.1", Doc.at(upstream, "load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address.address"));
        assertEquals(Doc.at(argoServer, "ports[0].containerPort"),
                Doc.at(upstream, "load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address.port_value"));
        assertEquals(Doc.at(argoServer, "readinessProbe.httpGet.path"), Doc.at(upstream, "health_checks[0].http_health_check.path"));

        // Its configuration: the ConfigMap the program plans, in the release's namespace, mounted where --config-path points.
        Map<?, ?> mount = (Map<?, ?>) Doc.list(proxy, "volumeMounts").get(0);
        Map<?, ?> volume = (Map<?, ?>) Doc.list(server, "spec.template.spec.volumes").stream()
                .filter(v -> mount.get("name").equals(Doc.at(v, "name"))).findFirst().orElseThrow();
        PlanFile.Resource configMap = planned.one("kubernetes:core/v1:ConfigMap");
        assertEquals(Doc.text(configMap.inputs(), "metadata.name"), Doc.at(volume, "configMap.name"));
        assertEquals(chart.namespaceOf(server), Doc.text(configMap.inputs(), "metadata.namespace"));
        List<?> args = Doc.list(proxy, "args");
        assertEquals(mount.get("mountPath") + "/" + IapProxy.CONFIG_KEY, args.get(args.indexOf("--config-path") + 1));
        assertTrue(planned.release().dependsOn().contains(configMap.urn()), "the release must wait for the ConfigMap its pod mounts");
        // A new configuration restarts the pod: Envoy reads it only at start.
        assertTrue(Doc.map(server, "spec.template.metadata.annotations").containsKey(ArgoWorkflows.PROXY_CONFIG_ANNOTATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theNetworkPolicySelectsArgoServersPodsAndNoOthers(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        Map<?, ?> selector = Doc.map(planned.one("kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs(), "spec.podSelector.matchLabels");
        assertFalse(selector.isEmpty());
        Map<String, Object> server = serverDeployment(planned, chart);
        for (Map<String, Object> deployment : chart.all("Deployment")) {
            boolean selected = Doc.map(deployment, "spec.template.metadata.labels").entrySet().containsAll(selector.entrySet());
            assertEquals(deployment == server, selected, "NetworkPolicy selector " + selector + " vs " + Doc.at(deployment, "metadata.name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyWorkloadIdentityBindingNamesAnAnnotatedServiceAccountOfTheChart(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        List<PlanFile.Resource> bindings = planned.ofType("gcp:serviceaccount/iAMMember:IAMMember").stream()
                .filter(b -> "roles/iam.workloadIdentityUser".equals(b.input("role"))).toList();
        assertEquals(5, bindings.size(), "the workflows', argo-server's and the jobs' SecretStore's bindings, and one per Pub/Sub"
                + " EventSource of workflows/ (hr-exports, partner-files)");
        for (PlanFile.Resource binding : bindings) {
            Matcher m = WORKLOAD_IDENTITY.matcher((String) binding.input("member"));
            assertTrue(m.matches(), binding.input("member").toString());
            Map<?, ?> sa = serviceAccount(planned, chart, m.group(1), m.group(2));
            // The annotation GKE's metadata server reads to act as the Google account (GKE Workload Identity docs).
            assertEquals(googleAccountEmail(planned, binding), Doc.map(sa, "metadata.annotations").get("iam.gke.io/gcp-service-account"),
                    "annotation of ServiceAccount " + m.group(1) + "/" + m.group(2));
        }
    }

    /** A ServiceAccount as deployed: rendered by the chart, or created by the program (the workflows' own, WorkflowsAccount; the SecretStore's). */
    static Map<?, ?> serviceAccount(PlannedStack planned, RenderedChart chart, String namespace, String name) {
        return chart.find("ServiceAccount", namespace, name).<Map<?, ?>>map(sa -> sa).orElseGet(() ->
                planned.ofType("kubernetes:core/v1:ServiceAccount").stream().map(PlanFile.Resource::inputs)
                        .filter(sa -> namespace.equals(Doc.text(sa, "metadata.namespace")) && name.equals(Doc.text(sa, "metadata.name")))
                        .findFirst().orElseThrow(() -> new AssertionError("neither the chart nor the program creates ServiceAccount "
                                + namespace + "/" + name + "; the chart renders " + chart.names("ServiceAccount"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void argoServerAndWorkflowPodsRunAsTheirWorkloadIdentityAccounts(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        RenderedChart chart = rendered(stack);
        List<String> bound = planned.ofType("gcp:serviceaccount/iAMMember:IAMMember").stream()
                .map(b -> WORKLOAD_IDENTITY.matcher((String) b.input("member"))).filter(Matcher::matches)
                .map(m -> m.group(1) + "/" + m.group(2)).toList();
        Map<String, Object> server = serverDeployment(planned, chart);
        assertTrue(bound.contains(chart.namespaceOf(server) + "/" + Doc.at(server, "spec.template.spec.serviceAccountName")), bound.toString());
        Map<?, ?> config = controllerConfig(chart);
        assertTrue(bound.contains(workflowsNamespace(planned) + "/" + Doc.at(config, "workflowDefaults.spec.serviceAccountName")),
                "workflow pods' service account " + Doc.at(config, "workflowDefaults.spec.serviceAccountName") + " vs " + bound);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theControllerKeepsArtifactsAndLogsInTheStacksBucketWithoutAKey(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        Map<?, ?> config = controllerConfig(rendered(stack));
        assertEquals(planned.one(ResourceTypes.BUCKET).input("name"), Doc.at(config, "artifactRepository.gcs.bucket"));
        assertEquals(Boolean.TRUE, Doc.at(config, "artifactRepository.archiveLogs"));
        assertNull(Doc.at(config, "artifactRepository.gcs.serviceAccountKeySecret"));
        // Argo fills these variables in per pod ("Configuring your artifact repository", keyFormat);
        // Helm must hand them over untouched.
        assertEquals("{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}", Doc.at(config, "artifactRepository.gcs.keyFormat"));
        Map<String, Object> server = serverDeployment(planned, rendered(stack));
        assertTrue(Doc.list(server, "spec.template.spec.containers[0].args").contains("--configmap=" + controllerConfigMapName(rendered(stack))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void workflowPodsGoToTheTaintedWorkflowPoolWhenThereIsOne(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        Map<?, ?> spec = Doc.map(controllerConfig(rendered(stack)), "workflowDefaults.spec");
        Optional<PlanFile.Resource> pool = planned.ofType(ResourceTypes.NODE_POOL).stream()
                .filter(p -> !Doc.list(p.inputs(), "nodeConfig.taints").isEmpty()).findFirst();
        if (pool.isEmpty()) {
            assertNull(spec.get("nodeSelector"));
            return;
        }
        assertEquals(Doc.map(pool.get().inputs(), "nodeConfig.labels"), spec.get("nodeSelector"));
        for (Object taint : Doc.list(pool.get().inputs(), "nodeConfig.taints")) {
            // GKE's NO_SCHEDULE is Kubernetes' NoSchedule (GKE node taints docs).
            String effect = "NO_SCHEDULE".equals(Doc.at(taint, "effect")) ? "NoSchedule" : String.valueOf(Doc.at(taint, "effect"));
            assertTrue(Doc.list(spec, "tolerations").stream().anyMatch(t -> Doc.at(taint, "key").equals(Doc.at(t, "key"))
                    && Doc.at(taint, "value").equals(Doc.at(t, "value")) && effect.equals(Doc.at(t, "effect"))),
                    "no toleration of " + taint + " in " + spec.get("tolerations"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyArgoImageIsTheChartsArgoRelease(String stack) {
        RenderedChart chart = rendered(stack);
        String tag = ":" + chartYaml().get("appVersion");
        Map<String, Object> controller = controllerDeployment(chart);
        List<?> args = Doc.list(controller, "spec.template.spec.containers[0].args");
        String executor = (String) args.get(args.indexOf("--executor-image") + 1);
        assertEquals("quay.io/argoproj/workflow-controller" + tag, Doc.at(controller, "spec.template.spec.containers[0].image"));
        assertEquals("quay.io/argoproj/argoexec" + tag, executor);
        assertEquals("quay.io/argoproj/argocli" + tag,
                Doc.at(serverDeployment(PlannedStack.of(stack), chart), "spec.template.spec.containers[0].image"));
    }

    /** The pod template's container of that name. */
    static Map<?, ?> container(Map<String, Object> deployment, String name) {
        return (Map<?, ?>) Doc.list(deployment, "spec.template.spec.containers").stream()
                .filter(c -> name.equals(Doc.at(c, "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + Doc.at(deployment, "metadata.name")));
    }

    /** The container whose port the Service's targetPort names (by number or by name). */
    static Map<?, ?> targetContainer(Map<String, Object> deployment, Map<String, Object> service) {
        Object target = Doc.at(service, "spec.ports[0].targetPort");
        List<?> matching = Doc.list(deployment, "spec.template.spec.containers").stream()
                .filter(c -> Doc.list(c, "ports").stream().anyMatch(p -> target.equals(Doc.at(p, "containerPort")) || target.equals(Doc.at(p, "name"))))
                .toList();
        assertEquals(1, matching.size(), "containers with the Service's targetPort " + target);
        return (Map<?, ?>) matching.get(0);
    }

    /** How the edge needs argo-server's Service exposed. */
    private static ServerService edgeService() {
        return dev.argogke.edge.Edge.serverService(com.pulumi.core.Output.of("1"));
    }

    static Map<?, ?> chartYaml() {
        try {
            return (Map<?, ?>) new Load(LoadSettings.builder().build())
                    .loadFromString(java.nio.file.Files.readString(Shared.argoChart().resolve("Chart.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static PlanFile.Resource backendConfig(PlannedStack planned) {
        return planned.one("kubernetes:cloud.google.com/v1:BackendConfig");
    }

    /** The Service the edge's Ingress sends to. */
    static Map<String, Object> serverService(PlannedStack planned, RenderedChart chart) {
        PlanFile.Resource ingress = planned.one(ResourceTypes.INGRESS);
        return chart.one("Service", Doc.text(ingress.inputs(), "metadata.namespace"), Doc.text(ingress.inputs(), "spec.defaultBackend.service.name"));
    }

    /** The Deployment whose pods that Service selects. */
    static Map<String, Object> serverDeployment(PlannedStack planned, RenderedChart chart) {
        Map<?, ?> selector = Doc.map(serverService(planned, chart), "spec.selector");
        List<Map<String, Object>> selected = chart.all("Deployment").stream()
                .filter(d -> Doc.map(d, "spec.template.metadata.labels").entrySet().containsAll(selector.entrySet())).toList();
        assertEquals(1, selected.size(), "Deployments selected by argo-server's Service " + selector);
        return selected.get(0);
    }

    static Map<String, Object> controllerDeployment(RenderedChart chart) {
        return chart.all("Deployment").stream()
                .filter(d -> String.valueOf(Doc.at(d, "spec.template.spec.containers[0].image")).contains("/workflow-controller:"))
                .findFirst().orElseThrow(() -> new AssertionError("no workflow-controller Deployment: " + chart.names("Deployment")));
    }

    static String controllerConfigMapName(RenderedChart chart) {
        List<?> args = Doc.list(controllerDeployment(chart), "spec.template.spec.containers[0].args");
        return (String) args.get(args.indexOf("--configmap") + 1);
    }

    /** The controller's configuration: its ConfigMap's {@code config} key, as the controller parses it. */
    static Map<?, ?> controllerConfig(RenderedChart chart) {
        Map<String, Object> cm = chart.one("ConfigMap", chart.namespace(), controllerConfigMapName(chart));
        Object config = new Load(LoadSettings.builder().build()).loadFromString((String) Doc.at(cm, "data.config"));
        assertNotNull(config);
        return (Map<?, ?>) config;
    }

    /** Where the program deploys the workflows: the namespace of its CronWorkflows. */
    static String workflowsNamespace(PlannedStack planned) {
        return planned.ofType("kubernetes:argoproj.io/v1alpha1:CronWorkflow").stream()
                .map(r -> Doc.text(r.inputs(), "metadata.namespace")).findFirst()
                .orElseThrow(() -> new AssertionError("stack " + planned.stack() + " deploys no CronWorkflow"));
    }

    /**
     * The email of the Google account a Workload Identity binding is on. Its serviceAccountId is only
     * known after deploy, so the account is found by the program's naming: binding {@code <account>-wi}.
     */
    static String googleAccountEmail(PlannedStack planned, PlanFile.Resource binding) {
        String accountName = binding.name().substring(0, binding.name().length() - "-wi".length());
        PlanFile.Resource account = planned.ofType("gcp:serviceaccount/account:Account").stream()
                .filter(a -> a.name().equals(accountName)).findFirst()
                .orElseThrow(() -> new AssertionError("no Google account " + accountName + " for " + binding.name()));
        // Google's format for a user-managed service account (IAM docs, "Service account types").
        return account.input("accountId") + "@" + account.input("project") + ".iam.gserviceaccount.com";
    }

    private static Map<?, ?> json(Object text) {
        try {
            return new ObjectMapper().readValue(String.valueOf(text), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Numbers from the plan may be Long or Double; the chart's YAML gives Integer. */
    private static Object number(Object value) {
        return value instanceof Number n ? Integer.valueOf(n.intValue()) : value;
    }
}
