package dev.argogke.argo;

import static dev.argogke.argo.ArgoWorkflows.ARTIFACT_KEY_FORMAT;
import static dev.argogke.argo.ArgoWorkflows.CHART;
import static dev.argogke.argo.ArgoWorkflows.CONTROLLER_SERVICE_ACCOUNT;
import static dev.argogke.argo.ArgoWorkflows.FULLNAME;
import static dev.argogke.argo.ArgoWorkflows.PROXY_CONFIG_ANNOTATION;
import static dev.argogke.argo.ArgoWorkflows.RELEASE_NAME;
import static dev.argogke.argo.ArgoWorkflows.SERVER_SERVICE_ACCOUNT;
import static dev.argogke.argo.ArgoWorkflows.TEMPLATE_REFERENCING;
import static dev.argogke.argo.ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT;

import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import dev.argogke.argo.ArgoWorkflows.Args;
import dev.argogke.argo.ArgoWorkflows.GoogleNames;
import dev.argogke.cluster.GkeCluster;
import dev.argogke.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart {@link ArgoWorkflows} releases: where it comes from (and whether its signature is checked),
 * and its values: the controller, argo-server, the defaults of every workflow and the artifact
 * repository, built from inputs only, so a preview shows them.
 */
final class ArgoChart {
    private ArgoChart() {
    }

    /**
     * The release's chart, per pulumi-kubernetes' Release docs ("Chart Resolution") and
     * provider/pkg/provider/helm_release.go (locateChart): a folder as its path, with no repository;
     * an OCI registry as {@code oci://.../<chart>}, with no repository either (Helm pulls it, there
     * is no index to search); an https repository as the chart's name, with the repository in
     * repositoryOpts.
     */
    static ReleaseArgs.Builder chart(Settings.ChartSource source, String version) {
        ReleaseArgs.Builder chart = ReleaseArgs.builder().name(RELEASE_NAME).version(version);
        if (source.folder()) {
            return chart.chart(source.location());
        }
        if (signedByArgoHelm(source)) {
            // argo-helm signs every chart it releases (chart-releaser with sign: true, .github/configs/cr.yaml;
            // the .prov file beside the archive, a provenance layer in the OCI registry): Helm refuses a chart
            // whose signature or hash does not match (Helm docs, "Helm Provenance and Integrity").
            chart.verify(true).keyring(ArgoVersion.KEYRING);
        }
        if (source.oci()) {
            return chart.chart(source.location() + "/" + CHART);
        }
        return chart.chart(CHART).repositoryOpts(RepositoryOptsArgs.builder().repo(source.location()).build());
    }

    /** argo-helm's own repository or registry; a mirror may not carry the provenance files, so it is not verified. */
    static boolean signedByArgoHelm(Settings.ChartSource source) {
        return source.location().equals(ArgoVersion.CHART_REPOSITORY) || source.location().equals(ArgoVersion.CHART_OCI);
    }

    /**
     * The chart's values. Keys follow argo-helm's charts/argo-workflows/values.yaml (1.0.18); the
     * tests render the chart with them (ArgoChartRenderTest) and refuse a key it does not read
     * (ArgoChartValuesTest).
     */
    static Map<String, Object> values(Args args, Optional<GoogleNames> google) {
        Settings.Argo argo = args.argo();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullnameOverride", FULLNAME);
        values.put("images", Map.of("tag", argo.imageTag()));
        values.put("crds", Map.of("install", true, "keep", true));
        // Roles in Argo's namespace instead of ClusterRoles, and --namespaced on both components:
        // nothing of Argo's may act cluster-wide. Their rights in the workflows namespace come from
        // ControllerRbac and ServerRbac, the workflows' account from WorkflowsAccount (the chart
        // would create it in its own namespace only).
        values.put("singleNamespace", true);
        values.put("workflow", Map.of("rbac", Map.of("create", false)));
        values.put("controller", controllerValues(args));
        values.put("server", serverValues(args, google.map(GoogleNames::serverAccount)));

        // Workload Identity: no serviceAccountKeySecret, so Argo uses the pod's Google credentials.
        // Outside Google Cloud there is no bucket: no artifact repository, logs stay with the pods.
        google.ifPresent(g -> values.put("artifactRepository", Map.of(
                "archiveLogs", true,
                "gcs", Map.of(
                        "bucket", g.bucket(),
                        "keyFormat", helmLiteral(ARTIFACT_KEY_FORMAT)))));
        return values;
    }

    private static Map<String, Object> controllerValues(Args args) {
        Map<String, Object> controller = new LinkedHashMap<>();
        // The chart passes --namespaced (singleNamespace); this moves what it manages to the
        // workflows namespace (Argo docs/managed-namespace.md).
        controller.put("extraArgs", List.of("--managed-namespace=" + args.workflows().namespace()));
        controller.put("serviceAccount", Map.of("create", true, "name", CONTROLLER_SERVICE_ACCOUNT));
        // ControllerRbac grants this instead: the chart binds a ClusterRole it does not create in one namespace.
        controller.put("clusterWorkflowTemplates", Map.of("enabled", false));
        controller.put("workflowDefaults", Map.of("spec", workflowDefaults(args)));
        controller.put("workflowRestrictions", Map.of("templateReferencing", TEMPLATE_REFERENCING));
        controller.put("resources", Map.of("requests", Map.of("cpu", "100m", "memory", "128Mi")));
        return controller;
    }

    /** The spec every workflow starts from (Argo's workflowDefaults). */
    private static Map<String, Object> workflowDefaults(Args args) {
        Map<String, Object> workflowSpec = new LinkedHashMap<>();
        workflowSpec.put("serviceAccountName", WORKFLOW_SERVICE_ACCOUNT);
        // Finished workflows are cleaned up; their logs stay in the bucket until the lifecycle rule.
        workflowSpec.put("ttlStrategy", Map.of("secondsAfterCompletion", 7 * 24 * 3600));
        workflowSpec.put("podGC", Map.of("strategy", "OnPodCompletion"));
        args.workflowsPool().ifPresent(pool -> {
            workflowSpec.put("nodeSelector", Map.of(GkeCluster.POOL_LABEL, pool));
            workflowSpec.put("tolerations", List.of(Map.of(
                    "key", GkeCluster.WORKFLOWS_TAINT_KEY, "operator", "Equal", "value", "true", "effect", "NoSchedule")));
        });
        return workflowSpec;
    }

    /** A Kubernetes service account the chart creates, acting as a Google one through Workload Identity on GKE. */
    private static Map<String, Object> serviceAccount(String name, Optional<String> googleAccount) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("create", true);
        account.put("name", name);
        googleAccount.ifPresent(email -> account.put("annotations", Map.of("iam.gke.io/gcp-service-account", email)));
        return account;
    }

    private static Map<String, Object> serverValues(Args args, Optional<String> serverGsa) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("enabled", true);
        server.put("serviceType", args.server().type());
        server.put("serviceAnnotations", args.server().annotations());
        server.put("servicePortName", "http");
        // TLS ends at the Google load balancer; inside the VPC argo-server speaks plain HTTP,
        // which is what the load balancer's health check and backend protocol expect.
        server.put("secure", false);
        // The chart passes --namespaced (singleNamespace): namespaced Roles only (ServerRbac), so
        // argo-server must not try to watch the whole cluster.
        server.put("extraArgs", List.of("--auth-mode=" + args.argo().serverAuthMode().value(),
                "--managed-namespace=" + args.workflows().namespace()));
        server.put("rbac", Map.of("create", false));
        server.put("serviceAccount", serviceAccount(SERVER_SERVICE_ACCOUNT, serverGsa));
        server.put("resources", Map.of("requests", Map.of("cpu", "50m", "memory", "64Mi")));
        args.server().proxy().ifPresent(proxy -> proxyValues(proxy, server));
        return server;
    }

    /**
     * The proxy in argo-server's pod, through the chart's extension points (values.yaml
     * {@code server.extraContainers}, {@code server.volumes}, {@code server.serviceTargetPort},
     * {@code server.podAnnotations}): the Service sends to the proxy, not to argo-server.
     */
    private static void proxyValues(ServerProxy proxy, Map<String, Object> server) {
        server.put("serviceTargetPort", proxy.port());
        server.put("extraContainers", List.of(proxy.container()));
        server.put("volumes", List.of(proxy.volume()));
        // The proxy reads its configuration once, at start: a new configuration restarts the pod.
        server.put("podAnnotations", Map.of(PROXY_CONFIG_ANNOTATION, proxy.configChecksum()));
    }

    /**
     * Text that comes out of Helm's {@code tpl} as written. The chart runs
     * {@code artifactRepository.gcs} through {@code tpl} (templates/controller/workflow-controller-config-map.yaml),
     * which would read Argo's {@code {{workflow.name}}} as a Go template call and fail the whole
     * release ("function \"workflow\" not defined"); a Go raw string literal passes it through
     * (the chart's values.yaml shows the same escape for keyFormat).
     */
    static String helmLiteral(String text) {
        if (text.indexOf('`') >= 0) {
            throw new IllegalArgumentException("a back quote cannot be in a Go raw string: " + text);
        }
        return "{{`" + text + "`}}";
    }
}
