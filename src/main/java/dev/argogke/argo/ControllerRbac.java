package dev.argogke.argo;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * The workflow controller's read access to ClusterWorkflowTemplates, which the chart leaves out
 * when everything lives in one namespace.
 *
 * <p>argo-helm's argo-workflows 1.0.18 creates the controller's "cluster-template" ClusterRole only
 * without {@code singleNamespace}, yet binds the controller to it either way
 * (templates/controller/workflow-controller-cluster-roles.yaml and workflow-controller-crb.yaml).
 * The Argo v4.0.6 controller, namespaced or not, watches ClusterWorkflowTemplates only if it may
 * get, list and watch them cluster-wide, and checks that once when it starts
 * (workflow/controller/controller.go, createClusterWorkflowTemplateInformer). So the chart's
 * binding is turned off ({@code controller.clusterWorkflowTemplates.enabled: false}) and this
 * role, read-only like the chart's, is created before the release.
 */
public final class ControllerRbac extends ComponentResource {
    public static final String TEMPLATES_CLUSTER_ROLE = "argo-gke-workflow-controller-cluster-templates";

    /** @param serviceAccount the controller's Kubernetes service account (in {@code argoNamespace}) */
    public record Args(String argoNamespace, String serviceAccount) {
    }

    public ControllerRbac(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:ControllerRbac", name, options);
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "argo-gke");
        var role = new ClusterRole(name + "-cluster-templates", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels).build())
                .rules(PolicyRuleArgs.builder().apiGroups("argoproj.io").resources("clusterworkflowtemplates")
                        .verbs("get", "list", "watch").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        new ClusterRoleBinding(name + "-cluster-templates", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TEMPLATES_CLUSTER_ROLE).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(TEMPLATES_CLUSTER_ROLE).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(args.serviceAccount()).namespace(args.argoNamespace()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());
        registerOutputs(Map.of());
    }
}
