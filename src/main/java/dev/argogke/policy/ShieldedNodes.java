package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shielded nodes with secure boot: nodes prove their identity to the control plane, and boot only
 * signed software. Secure boot is off by default on GKE node pools, so it must be set.
 */
final class ShieldedNodes implements Rule {
    @Override
    public String name() {
        return "shielded-nodes";
    }

    @Override
    public String description() {
        return "shielded nodes on, and secure boot on every node pool";
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
            if (!PlanQuery.isTrue(cluster.input("enableShieldedNodes"))) {
                out.add(violation(PlanQuery.label(cluster), "enableShieldedNodes is not true; set it to true"));
            }
            if (cluster.input("nodeConfig") != null) {
                secureBoot(cluster, cluster.input("nodeConfig.shieldedInstanceConfig.enableSecureBoot"), "nodeConfig", out);
            }
            List<?> inline = Tree.list(cluster.input("nodePools"));
            for (int i = 0; i < inline.size(); i++) {
                secureBoot(cluster, Tree.at(inline.get(i), "nodeConfig.shieldedInstanceConfig.enableSecureBoot"), "nodePools[" + i + "].nodeConfig", out);
            }
        }
        for (PlanFile.Resource pool : plan.ofType(ResourceTypes.NODE_POOL)) {
            secureBoot(pool, pool.input("nodeConfig.shieldedInstanceConfig.enableSecureBoot"), "nodeConfig", out);
        }
        return out;
    }

    private void secureBoot(PlanFile.Resource r, Object value, String at, List<Violation> out) {
        if (!PlanQuery.isTrue(value)) {
            out.add(violation(PlanQuery.label(r), at + ".shieldedInstanceConfig.enableSecureBoot is not true; set it to true"));
        }
    }
}
