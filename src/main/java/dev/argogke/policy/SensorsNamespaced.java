package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An Argo Events {@code Sensor} gets only namespaced rights: a Sensor that triggers Argo Workflows
 * needs to create Workflows where they run (Argo Events docs, "Argo Workflow Trigger": the sensor's
 * service account "must have permissions to create workflows"), nothing cluster-wide. Its account
 * ({@code spec.template.serviceAccountName}) may not be a subject of a ClusterRoleBinding, nor be
 * bound to the built-in {@code cluster-admin}, {@code admin} or {@code edit} ClusterRoles
 * (Kubernetes docs, "Using RBAC Authorization": user-facing roles that include broad write access).
 */
final class SensorsNamespaced implements Rule {
    private static final Set<String> BROAD_ROLES = Set.of("cluster-admin", "admin", "edit");

    @Override
    public String name() {
        return "sensors-namespaced";
    }

    @Override
    public String description() {
        return "a Sensor's service account has no cluster-wide binding and none of the built-in admin/edit roles";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return sensors(input).isEmpty() ? Optional.of("the stack deploys no Sensor") : Optional.empty();
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        PlanQuery plan = new PlanQuery(input.plan());
        for (PlanFile.Resource sensor : sensors(input)) {
            String account = Tree.string(sensor.input("spec.template.serviceAccountName"));
            if (account == null) {
                continue;
            }
            String namespace = PlanQuery.namespace(sensor);
            for (PlanFile.Resource binding : plan.ofKind("rbac.authorization.k8s.io", "ClusterRoleBinding")) {
                if (names(binding, namespace, account)) {
                    out.add(violation(PlanQuery.label(binding), "binds Sensor " + PlanQuery.name(sensor) + "'s account " + namespace + "/"
                            + account + " cluster-wide; grant it a Role in the workflows namespace instead"));
                }
            }
            for (PlanFile.Resource binding : plan.ofKind("rbac.authorization.k8s.io", "RoleBinding")) {
                String role = Tree.string(binding.input("roleRef.name"));
                if (names(binding, namespace, account) && "ClusterRole".equals(binding.input("roleRef.kind")) && BROAD_ROLES.contains(role)) {
                    out.add(violation(PlanQuery.label(binding), "gives Sensor " + PlanQuery.name(sensor) + "'s account the built-in " + role
                            + " role; grant it create on workflows.argoproj.io only"));
                }
            }
        }
        return out;
    }

    /** Whether the binding's subjects include the service account {@code namespace/account}. */
    private static boolean names(PlanFile.Resource binding, String namespace, String account) {
        return Tree.list(binding.input("subjects")).stream().map(Tree::map)
                .anyMatch(s -> "ServiceAccount".equals(s.get("kind")) && account.equals(s.get("name"))
                        && namespace.equals(s.getOrDefault("namespace", PlanQuery.namespace(binding))));
    }

    private static List<PlanFile.Resource> sensors(PolicyInput input) {
        return new PlanQuery(input.plan()).ofKind("argoproj.io", "Sensor");
    }
}
