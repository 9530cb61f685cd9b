package dev.argogke.events;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo Events on the cluster: its own namespace, argo-helm's {@code argo-events} chart (pinned in
 * {@link ArgoEventsVersion}, signature verified) with a controller that watches that namespace only,
 * and the EventBus every EventSource and Sensor there talks through.
 *
 * <p>Namespaced: EventSources, Sensors and the EventBus must all live in {@link Args#namespace}.
 */
public final class ArgoEvents extends ComponentResource {
    public static final String RELEASE_NAME = "argo-events";
    /**
     * The controller's Kubernetes service account, named in the values rather than left to the chart's
     * default ({@code <fullname>-controller-manager}, templates/_helpers.tpl), so the program can
     * refer to it. ArgoEventsChartRenderTest checks the chart creates it and runs the controller as it.
     */
    public static final String CONTROLLER_SERVICE_ACCOUNT = "argo-events-controller";
    /**
     * The EventBus EventSources and Sensors use when they name none ({@code eventBusName} defaults to
     * {@code default}: argo-events v1.9.10, pkg/apis/events/v1alpha1/eventsource_types.go and
     * sensor_types.go, {@code EventBusName}; const.go, {@code DefaultEventBusName}).
     */
    public static final String EVENT_BUS = "default";
    /** Replicas of the JetStream StatefulSet: the chart's stream replicas (values.yaml {@code configs.jetstream.streamConfig.replicas}). */
    public static final int JETSTREAM_REPLICAS = 3;

    /**
     * @param namespace  where the controller runs and which it alone watches; EventSources, Sensors
     *                   and the EventBus go there too
     * @param chartPath  a local copy of the chart (argo-gke:events.chartPath, checked by {@code argo.LocalChart});
     *                   empty: argo-helm's repository, verified
     * @param podsCanRun what the chart's pods need to start (node pools, Cloud NAT), as for Argo
     *                   Workflows ({@link ArgoWorkflows.WaitFor#podsCanRun})
     */
    public record Args(String namespace, Optional<String> chartPath, List<Resource> podsCanRun) {
        public Args {
            podsCanRun = List.copyOf(podsCanRun);
        }

        public Args(String namespace, List<Resource> podsCanRun) {
            this(namespace, Optional.empty(), podsCanRun);
        }
    }

    private final Namespace namespace;
    private final String namespaceName;
    private final Release release;
    private final CustomResource eventBus;

    public ArgoEvents(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:events:ArgoEvents", name, options);
        this.namespaceName = args.namespace();
        this.namespace = new Namespace(name, NamespaceArgs.builder()
                // The same Pod Security labels as Argo's namespaces (baseline enforced, restricted warned).
                .metadata(ObjectMetaArgs.builder().name(args.namespace()).labels(ArgoWorkflows.NAMESPACE_LABELS).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        List<Resource> releaseNeeds = new ArrayList<>(args.podsCanRun());
        releaseNeeds.add(namespace);
        this.release = new Release(name, args.chartPath().map(ArgoEvents::localChart).orElseGet(ArgoEvents::chart)
                .namespace(args.namespace())
                .values(values())
                // Wait until the controller is up and the CRDs exist: the EventBus below needs them.
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(600)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(releaseNeeds).build());
        this.eventBus = new CustomResource(name + "-eventbus", CustomResourceArgs.builder("argoproj.io/v1alpha1", "EventBus")
                .metadata(ObjectMetaArgs.builder().name(EVENT_BUS).namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "argo-gke")).build())
                .spec(eventBusSpec())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(release).build());
        registerOutputs(Map.of(
                "namespace", namespace.metadata().applyValue(m -> m.name().orElse("")),
                "chartVersion", Output.of(ArgoEventsVersion.CHART_VERSION)));
    }

    /**
     * argo-helm's chart from its repository, verified against argo-helm's signing key like the
     * argo-workflows chart (argo.ArgoChart): Helm refuses a chart whose provenance does not match.
     */
    static ReleaseArgs.Builder chart() {
        return ReleaseArgs.builder()
                .name(RELEASE_NAME)
                .chart(ArgoEventsVersion.CHART)
                .version(ArgoEventsVersion.CHART_VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(ArgoEventsVersion.CHART_REPOSITORY).build())
                .verify(true)
                .keyring(ArgoEventsVersion.KEYRING);
    }

    /** A chart folder, as for Argo's (argo.ArgoChart): its path, no repository, nothing to verify. */
    static ReleaseArgs.Builder localChart(String path) {
        return ReleaseArgs.builder().name(RELEASE_NAME).chart(path).version(ArgoEventsVersion.CHART_VERSION);
    }

    /**
     * The chart's values (argo-helm charts/argo-events/values.yaml, 2.4.22).
     *
     * <p>{@code controller.rbac.namespaced}: the chart makes the controller's role a Role and its
     * binding a RoleBinding in the release namespace instead of a ClusterRole that reads every Secret
     * and runs pods in every namespace (templates/argo-events-controller/rbac.yaml), passes
     * {@code --namespaced} (deployment.yaml), and leaves out the admission webhook and its ClusterRole
     * (templates/argo-events-webhook/*: only without namespaced). The controller then watches only
     * {@code --managed-namespace}, which defaults to its own namespace, from the NAMESPACE variable the
     * chart sets (argo-events v1.9.10 cmd/commands/controller.go; pkg/reconciler/cmd/start.go).
     */
    static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("crds", Map.of("install", true, "keep", true));
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("rbac", Map.of("enabled", true, "namespaced", true));
        controller.put("serviceAccount", Map.of("create", true, "name", CONTROLLER_SERVICE_ACCOUNT));
        controller.put("resources", Map.of("requests", Map.of("cpu", "50m", "memory", "64Mi")));
        values.put("controller", controller);
        return values;
    }

    /**
     * A JetStream EventBus (Argo Events docs/eventbus/jetstream.md; the NATS Streaming bus is
     * deprecated). Replicas: the controller accepts 1 or at least 3
     * (pkg/reconciler/eventbus/validate.go) and defaults to 3 (pkg/apis/events/v1alpha1/jetstream_eventbus.go);
     * the streams it creates ask for the chart's {@code streamConfig.replicas}, 3, which a smaller
     * cluster of NATS servers could not hold.
     */
    static Map<String, Object> eventBusSpec() {
        return Map.of("jetstream", Map.of("version", ArgoEventsVersion.JETSTREAM_VERSION, "replicas", JETSTREAM_REPLICAS));
    }

    public Namespace namespace() {
        return namespace;
    }

    public String namespaceName() {
        return namespaceName;
    }

    public Release release() {
        return release;
    }

    public CustomResource eventBus() {
        return eventBus;
    }
}
