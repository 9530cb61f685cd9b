package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No node runs as the Compute Engine default service account, which has Editor on the project
 * by default: every node config names a dedicated account. GKE docs, "Harden your cluster's
 * security": "use least privilege Google service accounts".
 */
final class NodeServiceAccount implements Rule {
    static final String DEFAULT_COMPUTE_SUFFIX = "-compute@developer.gserviceaccount.com";

    @Override
    public String name() {
        return "node-service-account";
    }

    @Override
    public String description() {
        return "no node uses the default compute service account (Editor on the project)";
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
            // Even with removeDefaultNodePool the cluster first creates that pool from nodeConfig.
            check(cluster, cluster.input("nodeConfig.serviceAccount"), "nodeConfig.serviceAccount", out);
            List<?> inline = Tree.list(cluster.input("nodePools"));
            for (int i = 0; i < inline.size(); i++) {
                check(cluster, Tree.at(inline.get(i), "nodeConfig.serviceAccount"), "nodePools[" + i + "].nodeConfig.serviceAccount", out);
            }
            if (PlanQuery.isTrue(cluster.input("clusterAutoscaling.enabled"))) {
                check(cluster, cluster.input("clusterAutoscaling.autoProvisioningDefaults.serviceAccount"),
                        "clusterAutoscaling.autoProvisioningDefaults.serviceAccount", out);
            }
        }
        for (PlanFile.Resource pool : plan.ofType(ResourceTypes.NODE_POOL)) {
            check(pool, pool.input("nodeConfig.serviceAccount"), "nodeConfig.serviceAccount", out);
        }
        return out;
    }

    /** A value only known after deploy is the email of an account the stack creates: fine. */
    private void check(PlanFile.Resource r, Object account, String at, List<Violation> out) {
        String email = Tree.string(account);
        if (account == null || (email != null && (email.isBlank() || email.equals("default") || email.endsWith(DEFAULT_COMPUTE_SUFFIX)))) {
            out.add(violation(PlanQuery.label(r), at + (account == null || email.isBlank() ? " is unset" : " is " + email)
                    + ", so nodes run as the default compute service account (Editor on the project); name the stack's node service account"));
        }
    }
}
