package dev.argogke.argo;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
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
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes service account every workflow pod runs as, in the workflows namespace, and the
 * one thing Argo's executor needs from the API: reporting each step's results.
 *
 * <p>The chart would create these only in its own namespace when installed with
 * {@code singleNamespace} (argo-helm argo-workflows 1.0.18, templates/controller/workflow-sa.yaml and
 * workflow-role.yaml range over the release namespace alone), so the program creates them where the
 * workflows run. The rule is the chart's and Argo's minimum for v3.4 and later (Argo
 * docs/workflow-rbac.md: create and patch workflowtaskresults).
 */
public final class WorkflowsAccount extends ComponentResource {
    public static final String ROLE = "argo-gke-workflow";

    /**
     * @param googleAccount on GKE, the email of the Google service account it acts as through
     *                      Workload Identity (annotation {@code iam.gke.io/gcp-service-account})
     */
    public record Args(String namespace, String name, Output<Optional<String>> googleAccount) {
    }

    public WorkflowsAccount(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:WorkflowsAccount", name, options);
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "argo-gke");
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        new ServiceAccount(name, ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.name()).namespace(args.namespace()).labels(labels)
                        .annotations(args.googleAccount().applyValue(email -> email
                                .map(e -> Map.of("iam.gke.io/gcp-service-account", e)).orElse(Map.of())))
                        .build())
                .build(), child);
        var role = new Role(name, RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ROLE).namespace(args.namespace()).labels(labels).build())
                .rules(PolicyRuleArgs.builder().apiGroups("argoproj.io").resources("workflowtaskresults")
                        .verbs("create", "patch").build())
                .build(), child);
        new RoleBinding(name, RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ROLE).namespace(args.namespace()).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(ROLE).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(args.name()).namespace(args.namespace()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());
        registerOutputs(Map.of());
    }
}
