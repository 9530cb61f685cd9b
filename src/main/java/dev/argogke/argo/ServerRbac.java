package dev.argogke.argo;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What argo-server's Kubernetes service account may do, instead of the chart's server role.
 *
 * <p>In {@code server} auth mode everyone IAP lets through acts as this account, so it gets what
 * the UI needs and nothing else. The chart's role (argo-helm charts/argo-workflows
 * templates/server/server-cluster-roles.yaml) also grants get/list/watch on every Secret, as a
 * ClusterRole when workflows run in another namespace; argo-server needs no Secret in server mode
 * with Workload Identity (no artifact keys, no SSO), and the jobs' credentials (JIRA, SQL) live
 * in the workflows namespace, so this role names no Secret at all.
 *
 * <p>Workflow templates are read-only here: they come from the repository, and the next
 * {@code pulumi up} would undo an edit made in the UI. Submitting from a template, retrying,
 * resubmitting, stopping and deleting runs, and suspending or resuming a CronWorkflow stay possible.
 */
public final class ServerRbac extends ComponentResource {
    public static final String ROLE = "argo-gke-argo-server";
    public static final String TEMPLATES_CLUSTER_ROLE = "argo-gke-argo-server-cluster-templates";

    /** @param serviceAccount argo-server's Kubernetes service account (in {@code argoNamespace}) */
    public record Args(String argoNamespace, String workflowsNamespace, String serviceAccount) {
    }

    private final List<Role> roles = new ArrayList<>();

    public ServerRbac(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:ServerRbac", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        grant(name + "-workflows", args.workflowsNamespace(), workflowRules(), args, child);
        // argo-server reads its configuration (workflow-controller-configmap) from its own namespace.
        grant(name + "-config", args.argoNamespace(), List.of(configMapRule()), args, child);

        var templates = new ClusterRole(name + "-cluster-templates", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels()).build())
                .rules(rule("argoproj.io", List.of("clusterworkflowtemplates"), List.of("get", "list", "watch")))
                .build(), child);
        new ClusterRoleBinding(name + "-cluster-templates", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels()).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(TEMPLATES_CLUSTER_ROLE).build())
                .subjects(subject(args))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(templates).build());

        registerOutputs(Map.of());
    }

    private void grant(String name, String namespace, List<PolicyRuleArgs> rules, Args args, CustomResourceOptions options) {
        Role role = new Role(name, RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ROLE).namespace(namespace).labels(labels()).build())
                .rules(rules)
                .build(), options);
        roles.add(role);
        new RoleBinding(name, RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ROLE).namespace(namespace).labels(labels()).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(ROLE).build())
                .subjects(subject(args))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());
    }

    /** The UI's needs in the namespace the workflows run in. */
    static List<PolicyRuleArgs> workflowRules() {
        return List.of(
                // Submit, resubmit, retry, stop, terminate, delete.
                rule("argoproj.io", List.of("workflows"), List.of("get", "list", "watch", "create", "update", "patch", "delete")),
                // Suspend and resume.
                rule("argoproj.io", List.of("cronworkflows"), List.of("get", "list", "watch", "update", "patch")),
                // Submit from a CronWorkflow: the Workflow gets an owner reference to it with
                // blockOwnerDeletion (Argo v4.0.6 workflow/common/convert.go, NewControllerRef), which
                // the OwnerReferencesPermissionEnforcement admission plugin allows only with update on
                // the owner's finalizers; upstream's argo-server role grants it for this (argo-workflows
                // manifests/namespace-install/argo-server-rbac/argo-server-role.yaml, commit 4825b7ec76).
                rule("argoproj.io", List.of("cronworkflows/finalizers"), List.of("update")),
                rule("argoproj.io", List.of("workflowtemplates", "workfloweventbindings"), List.of("get", "list", "watch")),
                // delete: a retry removes the pods of the steps it reruns (argo-server's RetryWorkflow).
                rule("", List.of("pods"), List.of("get", "list", "watch", "delete")),
                rule("", List.of("pods/log"), List.of("get", "list")),
                rule("", List.of("events"), List.of("get", "list", "watch", "create", "patch")),
                // artifact-repositories, if a workflow names one.
                configMapRule());
    }

    private static PolicyRuleArgs configMapRule() {
        return rule("", List.of("configmaps"), List.of("get", "list", "watch"));
    }

    private static PolicyRuleArgs rule(String apiGroup, List<String> resources, List<String> verbs) {
        return PolicyRuleArgs.builder().apiGroups(apiGroup).resources(resources).verbs(verbs).build();
    }

    private static SubjectArgs subject(Args args) {
        return SubjectArgs.builder().kind("ServiceAccount").name(args.serviceAccount()).namespace(args.argoNamespace()).build();
    }

    private static Map<String, String> labels() {
        return Map.of("app.kubernetes.io/part-of", "argo-gke");
    }

    public List<Role> roles() {
        return List.copyOf(roles);
    }
}
