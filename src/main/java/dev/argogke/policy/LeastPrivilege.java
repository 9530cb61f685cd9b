package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Workflow and server service accounts without cluster-admin or secret-wide access: the Argo
 * chart's RBAC reads no Secret outside its namespace, nothing binds cluster-admin, no ClusterRole
 * reads every Secret, no Google service account is made owner or editor of the project, and none
 * reads every Secret Manager secret of the project (access is granted secret by secret).
 */
final class LeastPrivilege implements Rule {
    /** Project roles that amount to administering the project (or minting credentials for it). */
    static final Set<String> ADMIN_ROLES = Set.of(
            "roles/owner", "roles/editor", "roles/iam.securityAdmin", "roles/resourcemanager.projectIamAdmin",
            "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin", "roles/iam.serviceAccountTokenCreator",
            "roles/container.admin", "roles/container.clusterAdmin", "roles/secretmanager.admin");
    /**
     * Project roles that read the payload of every secret in the project (Secret Manager docs, "Access
     * control with IAM": secretAccessor "allows accessing the payload of secrets"); granted on a secret
     * ({@code gcp:secretmanager/secretIamMember}) they read that secret alone.
     */
    static final Set<String> SECRET_READ_ROLES = Set.of("roles/secretmanager.secretAccessor");
    static final Set<String> ROLE_BINDINGS = Set.of(
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
    static final String CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch", "*");

    @Override
    public String name() {
        return "least-privilege";
    }

    @Override
    public String description() {
        return "workflow and server accounts without cluster-admin, secret-wide access, or owner/editor on the project";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanQuery.HelmRelease release : plan.helmReleases()) {
            if (PlannedServices.ARGO_CHART.equals(release.chart())) {
                argoChart(release, out);
            }
        }
        for (PlanFile.Resource binding : plan.ofType(ROLE_BINDINGS.toArray(String[]::new))) {
            if ("cluster-admin".equals(Tree.string(binding.input("roleRef.name")))) {
                out.add(violation(PlanQuery.label(binding), "binds cluster-admin; bind a Role with only the verbs the account needs"));
            }
        }
        for (PlanFile.Resource role : plan.ofType(CLUSTER_ROLE)) {
            if (readsEverySecret(role.input("rules"))) {
                out.add(violation(PlanQuery.label(role), "reads every Secret in the cluster; limit it to named secrets (resourceNames) or use a namespaced Role"));
            }
        }
        for (PlanFile.Resource grant : plan.ofType("gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMBinding:IAMBinding")) {
            String role = Tree.string(grant.input("role"));
            if (role != null && ADMIN_ROLES.contains(role)) {
                out.add(violation(PlanQuery.label(grant), "grants " + role + " on the project; grant the narrow roles the jobs need (e.g. roles/bigquery.dataEditor)"));
            } else if (role != null && SECRET_READ_ROLES.contains(role)) {
                out.add(violation(PlanQuery.label(grant), "grants " + role + " on the project, which reads every secret in it; grant it on each"
                        + " secret a job needs (name the secret in an ExternalSecret in workflows/: argo-gke grants it on that secret alone)"));
            }
        }
        return out;
    }

    /** Values and their effect: argo-helm charts/argo-workflows values.yaml and templates/{controller,server}/*-cluster-roles.yaml. */
    private void argoChart(PlanQuery.HelmRelease release, List<Violation> out) {
        String where = PlanQuery.label(release.resource());
        if (!release.valuesKnown()) {
            out.add(violation(where, "the chart's values are only known after deploy, so its RBAC cannot be checked; build them from config values"));
            return;
        }
        if (PlanQuery.isTrue(release.value("controller.rbac.accessAllSecrets"))) {
            out.add(violation(where, "values.controller.rbac.accessAllSecrets lets the workflow controller read every Secret; "
                    + "list the ones it needs in controller.rbac.secretWhitelist"));
        }
        boolean serverRbac = !PlanQuery.isFalse(release.value("server.enabled")) && !PlanQuery.isFalse(release.value("server.rbac.create"));
        boolean singleNamespace = PlanQuery.isTrue(release.value("singleNamespace"));
        boolean whitelisted = PlanQuery.isTrue(release.value("server.sso.enabled")) && PlanQuery.isTrue(release.value("server.sso.rbac.enabled"))
                && !Tree.list(release.value("server.sso.rbac.secretWhitelist")).isEmpty();
        if (serverRbac && !singleNamespace && !whitelisted) {
            out.add(violation(where, "without values.singleNamespace the chart gives argo-server a ClusterRole that reads every Secret in the cluster; "
                    + "install it with singleNamespace and grant argo-server the workflows namespace only (argo-gke's ServerRbac)"));
        }
        if (!singleNamespace && !PlanQuery.isFalse(release.value("controller.rbac.create"))) {
            out.add(violation(where, "without values.singleNamespace the chart gives the workflow controller a ClusterRole: pods, workflows "
                    + "and more in every namespace; install it with singleNamespace and grant the controller the workflows namespace only "
                    + "(argo-gke's ControllerRbac)"));
        }
    }

    static boolean readsEverySecret(Object rules) {
        for (Object rule : Tree.list(rules)) {
            List<?> groups = Tree.list(Tree.at(rule, "apiGroups"));
            List<?> resources = Tree.list(Tree.at(rule, "resources"));
            List<?> verbs = Tree.list(Tree.at(rule, "verbs"));
            boolean core = groups.contains("") || groups.contains("*");
            boolean secrets = resources.contains("secrets") || resources.contains("*");
            boolean reads = verbs.stream().anyMatch(READ_VERBS::contains);
            boolean named = !Tree.list(Tree.at(rule, "resourceNames")).isEmpty();
            if (core && secrets && reads && !named) {
                return true;
            }
        }
        return false;
    }
}
