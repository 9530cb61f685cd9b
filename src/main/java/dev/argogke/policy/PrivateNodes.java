package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nodes without public IP addresses (egress through Cloud NAT). A stack that needs public nodes
 * says so explicitly: it waives this rule with a reason.
 */
final class PrivateNodes implements Rule {
    @Override
    public String name() {
        return "private-nodes";
    }

    @Override
    public String description() {
        return "nodes have no public IP addresses (opt out only by waiving this rule with a reason)";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        String fix = "set argo-gke:cluster.privateNodes: true, or waive private-nodes in the stack file with a reason";
        for (PlanFile.Resource cluster : plan.ofType(ResourceTypes.CLUSTER)) {
            boolean privateNodes = PlanQuery.isTrue(cluster.input("privateClusterConfig.enablePrivateNodes"))
                    || PlanQuery.isTrue(cluster.input("networkConfig.enablePrivateNodes"));
            if (!privateNodes) {
                out.add(violation(PlanQuery.label(cluster), "nodes get public IP addresses; " + fix));
            }
        }
        for (PlanFile.Resource pool : plan.ofType(ResourceTypes.NODE_POOL)) {
            // A pool can override the cluster's default (google_container_node_pool network_config).
            if (PlanQuery.isFalse(pool.input("networkConfig.enablePrivateNodes"))) {
                out.add(violation(PlanQuery.label(pool), "networkConfig.enablePrivateNodes is false, so this pool's nodes get public IP addresses; " + fix));
            }
        }
        return out;
    }
}
