package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The control plane is not open to any network. CIS Google Kubernetes Engine Benchmark 5.6.3
 * ("Ensure Control Plane Authorized Networks is Enabled") and 5.6.4 ("Ensure clusters are created
 * with Private Endpoint Enabled and Public Access Disabled"): a cluster passes with a private
 * endpoint, or with master authorized networks that list real networks. Without them the public
 * endpoint answers every address on the internet (still behind Google credentials, which is why
 * the committed stacks may waive it with a reason: see the README's Security section).
 *
 * <p>Inputs read: pulumi-gcp {@code gcp:container/cluster:Cluster} {@code privateClusterConfig.enablePrivateEndpoint},
 * {@code masterAuthorizedNetworksConfig.cidrBlocks[].cidrBlock} and
 * {@code masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled} (which admits every Google Cloud public IP).
 */
final class ControlPlaneRestricted implements Rule {
    /** Wider than a /8 (16.7 million addresses) is "any network" in all but name (0.0.0.0/1 + 128.0.0.0/1). */
    static final int WIDEST_PREFIX = 8;
    private static final String KEY = "argo-gke:cluster.authorizedNetworks";

    @Override
    public String name() {
        return "control-plane-restricted";
    }

    @Override
    public String description() {
        return "the control plane is reachable only from listed networks or a private endpoint (CIS GKE 5.6.3/5.6.4)";
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
            if (PlanQuery.isTrue(cluster.input("privateClusterConfig.enablePrivateEndpoint"))) {
                continue;
            }
            String where = PlanQuery.label(cluster);
            List<?> blocks = Tree.list(cluster.input("masterAuthorizedNetworksConfig.cidrBlocks"));
            if (blocks.isEmpty()) {
                out.add(violation(where, "the control plane's public endpoint accepts any address (" + KEY + " is empty); list the networks "
                        + "that run kubectl and pulumi (office, VPN, CI runners) in " + KEY + ", or waive " + name() + " with a reason"));
            }
            for (Object block : blocks) {
                String cidr = Tree.string(Tree.at(block, "cidrBlock"));
                if (cidr != null && prefix(cidr) < WIDEST_PREFIX) {
                    out.add(violation(where, KEY + ": " + cidr + " opens the control plane to (nearly) any network; list your own networks (at most /"
                            + WIDEST_PREFIX + " wide)"));
                }
            }
            if (PlanQuery.isTrue(cluster.input("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"))) {
                out.add(violation(where, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled admits every Google Cloud public IP, anyone's VMs included; set it to false"));
            }
        }
        return out;
    }

    static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return 32;
        }
    }
}
