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
import java.util.List;
import java.util.Map;

/**
 * What the workflow controller may do outside its own namespace: run workflows in the workflows
 * namespace, and read ClusterWorkflowTemplates. Nothing else, and nothing cluster-wide but that read.
 *
 * <p>The chart is installed with {@code singleNamespace}, so its controller role is a Role in Argo's
 * own namespace (its ConfigMap, its leader-election lease) and the controller runs
 * {@code --namespaced}; {@code --managed-namespace} points it at the workflows namespace (Argo
 * docs/managed-namespace.md). Without {@code singleNamespace} the chart would make that role a
 * ClusterRole: pods, workflows and more in every namespace of the cluster. Here the same rules are
 * granted in the workflows namespace only; {@code ArgoChartRbacTest} checks they are the chart's.
 *
 * <p>ClusterWorkflowTemplates: argo-helm's argo-workflows 1.0.18 creates the controller's
 * "cluster-template" ClusterRole only without {@code singleNamespace}, yet binds the controller to it
 * either way (templates/controller/workflow-controller-cluster-roles.yaml and
 * workflow-controller-crb.yaml). The Argo v4.0.6 controller, namespaced or not, watches
 * ClusterWorkflowTemplates only if it may get, list and watch them cluster-wide, and checks that
 * once when it starts (workflow/controller/controller.go, createClusterWorkflowTemplateInformer).
 * So the chart's binding is turned off ({@code controller.clusterWorkflowTemplates.enabled: false})
 * and this read-only role is created before the release.
 */
public final class ControllerRbac extends ComponentResource {
    public static final String TEMPLATES_CLUSTER_ROLE = "argo-gke-workflow-controller-cluster-templates";
    public static final String WORKFLOWS_ROLE = "argo-gke-workflow-controller";

    /** @param serviceAccount the controller's Kubernetes service account (in {@code argoNamespace}) */
    public record Args(String argoNamespace, String workflowsNamespace, String serviceAccount) {
    }

    public ControllerRbac(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:ControllerRbac", name, options);
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "argo-gke");
        SubjectArgs controller = SubjectArgs.builder().kind("ServiceAccount").name(args.serviceAccount())
                .namespace(args.argoNamespace()).build();
        var role = new ClusterRole(name + "-cluster-templates", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels).build())
                .rules(rule("argoproj.io", List.of("clusterworkflowtemplates"), "get", "list", "watch"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        new ClusterRoleBinding(name + "-cluster-templates", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(TEMPLATES_CLUSTER_ROLE).build())
                .subjects(controller)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());

        var workflows = new Role(name + "-workflows", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(WORKFLOWS_ROLE).namespace(args.workflowsNamespace()).labels(labels).build())
                .rules(workflowsNamespaceRules())
                .build(), CustomResourceOptions.builder().parent(this).build());
        new RoleBinding(name + "-workflows", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(WORKFLOWS_ROLE).namespace(args.workflowsNamespace()).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(WORKFLOWS_ROLE).build())
                .subjects(controller)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(workflows).build());
        registerOutputs(Map.of());
    }

    /**
     * The chart's controller role (argo-helm argo-workflows 1.0.18,
     * templates/controller/workflow-controller-cluster-roles.yaml, with the values the program sets:
     * no persistence, no writeConfigMaps, no accessAllSecrets, no secretWhitelist), less what only
     * makes sense in the controller's own namespace or cluster-wide: namespaces (cluster-scoped, a
     * Role cannot grant them) and the leader-election leases (the controller takes them in its own
     * namespace, where the chart's Role grants them).
     */
    static List<PolicyRuleArgs> workflowsNamespaceRules() {
        return List.of(
                rule("", List.of("pods"), "create", "get", "list", "watch", "update", "patch", "delete"),
                rule("", List.of("pods/exec"), "create"),
                rule("", List.of("configmaps"), "get", "watch", "list"),
                rule("", List.of("persistentvolumeclaims", "persistentvolumeclaims/finalizers"), "create", "update", "delete", "get"),
                rule("argoproj.io", List.of("workflows", "workflows/finalizers", "workflowtasksets", "workflowtasksets/finalizers",
                        "workflowtasksets/status", "workflowartifactgctasks"), "get", "list", "watch", "update", "patch", "delete", "create"),
                rule("argoproj.io", List.of("workflowtemplates", "workflowtemplates/finalizers"), "get", "list", "watch"),
                rule("argoproj.io", List.of("workflowtaskresults", "workflowtaskresults/finalizers"), "list", "watch", "deletecollection"),
                rule("argoproj.io", List.of("cronworkflows", "cronworkflows/finalizers"), "get", "list", "watch", "update", "patch", "delete"),
                rule("", List.of("events"), "create", "patch"),
                rule("", List.of("serviceaccounts"), "get", "list"),
                rule("policy", List.of("poddisruptionbudgets"), "create", "get", "delete"),
                PolicyRuleArgs.builder().apiGroups("").resources("secrets").verbs("get")
                        .resourceNames("argo-workflows-agent-ca-certificates").build());
    }

    private static PolicyRuleArgs rule(String apiGroup, List<String> resources, String... verbs) {
        return PolicyRuleArgs.builder().apiGroups(apiGroup).resources(resources).verbs(verbs).build();
    }
}
