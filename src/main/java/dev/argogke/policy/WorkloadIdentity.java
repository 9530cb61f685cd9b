package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workload Identity on: the cluster has a workload pool, and pods on every node pool see the GKE
 * metadata server (mode GKE_METADATA), never the node's own credentials.
 */
final class WorkloadIdentity implements Rule {
    @Override
    public String name() {
        return "workload-identity";
    }

    @Override
    public String description() {
        return "Workload Identity on: cluster workload pool set, every node pool on the GKE metadata server";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource cluster : plan.ofType(ResourceTypes.CLUSTER)) {
            String pool = Tree.string(cluster.input("workloadIdentityConfig.workloadPool"));
            if (pool == null || pool.isBlank()) {
                out.add(violation(PlanQuery.label(cluster), "workloadIdentityConfig.workloadPool is not set, so pods use the nodes' credentials; set it to <project>.svc.id.goog"));
            }
            if (cluster.input("nodeConfig") != null) {
                checkMode(cluster, cluster.input("nodeConfig.workloadMetadataConfig.mode"), "nodeConfig", out);
            }
            List<?> inline = Tree.list(cluster.input("nodePools"));
            for (int i = 0; i < inline.size(); i++) {
                checkMode(cluster, Tree.at(inline.get(i), "nodeConfig.workloadMetadataConfig.mode"), "nodePools[" + i + "].nodeConfig", out);
            }
        }
        for (PlanFile.Resource pool : plan.ofType(ResourceTypes.NODE_POOL)) {
            checkMode(pool, pool.input("nodeConfig.workloadMetadataConfig.mode"), "nodeConfig", out);
        }
        return out;
    }

    private void checkMode(PlanFile.Resource r, Object mode, String at, List<Violation> out) {
        if (!"GKE_METADATA".equals(mode)) {
            out.add(violation(PlanQuery.label(r), at + ".workloadMetadataConfig.mode is " + (mode == null ? "unset" : mode)
                    + ", so pods can read the node's credentials; set it to GKE_METADATA"));
        }
    }
}
