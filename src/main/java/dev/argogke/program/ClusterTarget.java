package dev.argogke.program;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.cluster.GkeCluster;
import dev.argogke.cluster.KubernetesAccess;
import dev.argogke.cluster.Network;
import dev.argogke.config.GkeCredentials;
import dev.argogke.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster Argo goes into, as the rest of the program needs it: the Kubernetes provider, what
 * must exist before Argo's parts (see {@code ArgoWorkflows.WaitFor}), the pool workflow pods are
 * steered to, and the stack outputs that describe the cluster.
 */
record ClusterTarget(KubernetesAccess access, List<Resource> identityPool, List<Resource> podsCanRun,
                     Optional<String> workflowsPool, Map<String, Output<?>> outputs) {

    static ClusterTarget of(Settings settings, Optional<GoogleCloud> google, Inputs inputs) {
        if (settings.cluster() instanceof Settings.Cluster c) {
            return created(settings, c, google.orElseThrow());
        }
        if (settings.cluster() instanceof Settings.ExistingGke e) {
            return existingGke(e, google.orElseThrow());
        }
        Settings.ExistingKubeconfig k = (Settings.ExistingKubeconfig) settings.cluster();
        var access = new KubernetesAccess("k8s", new KubernetesAccess.Args(Output.of(inputs.kubeconfig().orElseThrow()), k.context()), null);
        return new ClusterTarget(access, List.of(), List.of(), Optional.empty(),
                Map.of("kubeContext", Output.of(k.context().orElse("(the kubeconfig's current context)"))));
    }

    /** A new GKE cluster with its network and node pools. */
    private static ClusterTarget created(Settings settings, Settings.Cluster c, GoogleCloud google) {
        ComponentResourceOptions options = google.options();
        var network = new Network("network", Network.Args.defaults(google.project(), google.gcp().region(), c.privateNodes()), options);
        Output<String> projectNumber = google.projectNumber();
        var cluster = new GkeCluster("cluster", new GkeCluster.Args(google.project(), google.gcp().region(), c, settings.nodePools(),
                network, projectNumber), options);
        var access = new KubernetesAccess("k8s", KubernetesAccess.Args.gke(cluster.cluster()), options);
        // Pods need nodes (the default pool is removed) and, with private nodes, the NAT their images come through.
        List<Resource> podsCanRun = new ArrayList<>(cluster.nodePools());
        network.nat().ifPresent(podsCanRun::add);
        Optional<String> workflowsPool = settings.nodePools().stream()
                .filter(Settings.NodePool::workflowsOnly).map(Settings.NodePool::name).findFirst();
        return new ClusterTarget(access, List.of(cluster.cluster()), podsCanRun, workflowsPool,
                gkeOutputs(cluster.name(), c, google.project(), access));
    }

    /**
     * A GKE cluster that exists: read, never managed (a read resource is not deleted by {@code
     * pulumi destroy}). Its Workload Identity pool and nodes exist already, so nothing waits.
     */
    private static ClusterTarget existingGke(Settings.ExistingGke e, GoogleCloud google) {
        String id = "projects/" + google.project() + "/locations/" + e.location() + "/clusters/" + e.name();
        Cluster cluster = Cluster.get("cluster", Output.of(id), null, CustomResourceOptions.builder().provider(google.provider()).build());
        var access = new KubernetesAccess("k8s", KubernetesAccess.Args.gke(cluster), google.options());
        return new ClusterTarget(access, List.of(), List.of(), Optional.empty(), gkeOutputs(Output.of(e.name()), e, google.project(), access));
    }

    private static Map<String, Output<?>> gkeOutputs(Output<String> name, Settings.GkeLocation where, String project, KubernetesAccess access) {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("clusterName", name);
        out.put("clusterLocation", Output.of(where.location().value()));
        out.put("kubeconfig", access.kubeconfig());
        out.put("getCredentials", name.applyValue(n -> GkeCredentials.command(n, where.location().value(), project)));
        return out;
    }
}
