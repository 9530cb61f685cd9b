package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private final Rule rule = new LeastPrivilege();

    @Test
    void theCommittedStacksGrantNoAdminOrSecretWideAccess() {
        PolicyInput dev = real("dev");
        assertTrue(dev.plan().resourcesOfType(RELEASE).get(0).input("values.controller") instanceof Map,
                "the chart's values are known in the plan, so the rule can read them");
        assertEquals(List.of(), rule.check(dev));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void aControllerThatReadsEverySecretFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), RELEASE, "argo", "values.controller.rbac.accessAllSecrets", true);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("values.controller.rbac.accessAllSecrets"), v.get(0).message());
    }

    @Test
    void theChartsServerRoleAcrossNamespacesReadsEverySecret() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), RELEASE, "argo", "values.server.rbac.create", true);
        plan = set(plan, RELEASE, "argo", "values.singleNamespace", false);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("ClusterRole that reads every Secret"), v.get(0).message());
    }

    /** argo-helm argo-workflows 1.0.18 templates/controller/workflow-controller-cluster-roles.yaml: a ClusterRole unless singleNamespace. */
    @Test
    void aControllerWithClusterWideRightsFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), RELEASE, "argo", "values.singleNamespace", false);
        List<String> v = violationsOfOnly(rule.name(), withPlan(dev, plan)).stream().map(Violation::message).toList();
        assertTrue(v.stream().anyMatch(m -> m.contains("gives the workflow controller a ClusterRole")), v.toString());
    }

    @Test
    void bindingClusterAdminFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "workflow-admin", Map.of(
                "metadata", Map.of("name", "workflow-admin"),
                "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "cluster-admin"),
                "subjects", List.of(Map.of("kind", "ServiceAccount", "name", "argo-workflow", "namespace", "argo"))));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(List.of("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding workflow-admin"), v.stream().map(Violation::resource).toList());
    }

    @Test
    void aClusterRoleReadingAllSecretsFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "argo-server-rbac-cluster-templates", "rules",
                List.of(Map.of("apiGroups", List.of(""), "resources", List.of("secrets"), "verbs", List.of("get", "list"))));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("reads every Secret in the cluster"), v.get(0).message());
    }

    @Test
    void aNamedSecretIsNotSecretWideAccess() {
        assertTrue(LeastPrivilege.readsEverySecret(List.of(Map.of("apiGroups", List.of(""), "resources", List.of("secrets"), "verbs", List.of("*")))));
        assertEquals(false, LeastPrivilege.readsEverySecret(List.of(Map.of("apiGroups", List.of(""), "resources", List.of("secrets"),
                "verbs", List.of("get"), "resourceNames", List.of("sso")))));
    }

    @Test
    void editorOnTheProjectFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), "gcp:projects/iAMMember:IAMMember", "cluster-nodes-reader", "role", "roles/editor");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("grants roles/editor on the project"), v.get(0).message());
    }

    /** The committed stacks grant secretAccessor on the JIRA token alone; the same role on the project reads every secret. */
    @Test
    void readingEverySecretOfTheProjectFails() {
        PolicyInput dev = real("dev");
        assertEquals(1, dev.plan().resourcesOfType("gcp:secretmanager/secretIamMember:SecretIamMember").size());
        PlanFile plan = add(dev.plan(), "gcp:projects/iAMMember:IAMMember", "workflows-secrets", Map.of(
                "project", "acme-argo-dev",
                "role", "roles/secretmanager.secretAccessor",
                "member", "serviceAccount:argo-wf-dev@acme-argo-dev.iam.gserviceaccount.com"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(List.of("gcp:projects/iAMMember:IAMMember workflows-secrets"), v.stream().map(Violation::resource).toList());
        assertTrue(v.get(0).message().startsWith("grants roles/secretmanager.secretAccessor on the project, which reads every secret in it;"),
                v.get(0).message());
    }
}
