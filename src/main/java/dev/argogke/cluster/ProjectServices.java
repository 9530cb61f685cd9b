package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Google APIs the setup needs, enabled in the project. Every other Google resource depends
 * on this component, so a fresh project works on the first {@code pulumi up}.
 */
public final class ProjectServices extends ComponentResource {
    /** container: GKE; compute: network, NAT, load balancer; iam: service accounts; storage: artifacts;
     *  dns: the A record; iap: Identity-Aware Proxy; cloudresourcemanager: project IAM bindings. */
    public static final List<String> APIS = List.of(
            "cloudresourcemanager.googleapis.com",
            "compute.googleapis.com",
            "container.googleapis.com",
            "dns.googleapis.com",
            "iam.googleapis.com",
            "iap.googleapis.com",
            "storage.googleapis.com");

    /**
     * cloudkms: the key that encrypts a new cluster's Kubernetes Secrets ({@link SecretsKey}); only
     * where argo-gke creates the cluster, so a shared project's existing cluster gets no API it does not use.
     */
    public static final List<String> NEW_CLUSTER_APIS = List.of("cloudkms.googleapis.com");

    /** secretmanager: the jobs' credentials, only where an ExternalSecret in workflows/ reads one. */
    public static final List<String> SECRETS_APIS = List.of("secretmanager.googleapis.com");

    /** pubsub: the topics and subscriptions of Pub/Sub event sources, only where an EventSource in workflows/ has one. */
    public static final List<String> PUBSUB_APIS = List.of("pubsub.googleapis.com");

    /**
     * @param newCluster    whether argo-gke creates the cluster (and so needs {@link #NEW_CLUSTER_APIS})
     * @param secretManager whether the jobs read Secret Manager (and so need {@link #SECRETS_APIS})
     * @param pubSub        whether an event source reads Pub/Sub (and so needs {@link #PUBSUB_APIS})
     */
    public record Args(String project, boolean newCluster, boolean secretManager, boolean pubSub) {
        public Args(String project, boolean newCluster) {
            this(project, newCluster, false, false);
        }

        List<String> apis() {
            List<String> apis = new ArrayList<>(APIS);
            if (newCluster) {
                apis.addAll(NEW_CLUSTER_APIS);
            }
            if (secretManager) {
                apis.addAll(SECRETS_APIS);
            }
            if (pubSub) {
                apis.addAll(PUBSUB_APIS);
            }
            return apis;
        }
    }

    private final List<Resource> services = new ArrayList<>();

    public ProjectServices(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:ProjectServices", name, options);
        List<String> apis = args.apis();
        for (String api : apis) {
            services.add(new Service(name + "-" + api.substring(0, api.indexOf('.')),
                    ServiceArgs.builder()
                            .project(args.project())
                            .service(api)
                            // Turning an API off on destroy can break other workloads in the project.
                            .disableOnDestroy(false)
                            .build(),
                    CustomResourceOptions.builder().parent(this).build()));
        }
        registerOutputs(Map.of("services", Output.of(apis)));
    }

    /** What resources that call Google APIs should depend on. */
    public List<Resource> services() {
        return List.copyOf(services);
    }
}
