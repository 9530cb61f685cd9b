package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Legacy ABAC, basic auth and client certificates off: the control plane trusts only Google
 * identities and RBAC. GKE docs, "Harden your cluster's security".
 */
final class LegacyAuthOff implements Rule {
    @Override
    public String name() {
        return "legacy-auth-off";
    }

    @Override
    public String description() {
        return "legacy ABAC, basic auth and client certificates off on the control plane";
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
            String where = PlanQuery.label(cluster);
            if (PlanQuery.isTrue(cluster.input("enableLegacyAbac"))) {
                out.add(violation(where, "enableLegacyAbac is true, which grants access outside RBAC; set it to false"));
            }
            if (PlanQuery.isTrue(cluster.input("masterAuth.clientCertificateConfig.issueClientCertificate"))) {
                out.add(violation(where, "masterAuth issues a client certificate, a credential that cannot be revoked; set issueClientCertificate to false"));
            }
            Object user = cluster.input("masterAuth.username");
            Object password = cluster.input("masterAuth.password");
            if ((user != null && !"".equals(user)) || (password != null && !"".equals(password))) {
                out.add(violation(where, "masterAuth sets a username/password (basic auth); remove them"));
            }
        }
        return out;
    }
}
