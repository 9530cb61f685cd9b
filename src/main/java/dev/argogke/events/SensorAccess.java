package dev.argogke.events;

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
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Sensors may do: each runs as a service account of its own in Argo Events' namespace, and
 * the one right those accounts have is to create Workflows in the workflows namespace (a Role there,
 * nothing cluster-wide: the policy rule {@code sensors-namespaced}). A {@code k8s} trigger's
 * {@code create} calls exactly that (argo-events v1.9.10 pkg/sensors/triggers/standard-k8s/standard-k8s.go,
 * Execute: {@code Namespace(ns).Create}); what it runs is still bounded by the WorkflowTemplate and
 * the workflows' own account.
 */
public final class SensorAccess extends ComponentResource {
    public static final String ROLE = "argo-gke-sensors-create-workflows";
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/part-of", "argo-gke");

    /**
     * @param sensors    the Sensors' names
     * @param namespaces what creates both namespaces (Argo Events', the workflows')
     */
    public record Args(String eventsNamespace, String workflowsNamespace, List<String> sensors, List<Resource> namespaces) {
        public Args {
            sensors = List.copyOf(sensors);
            namespaces = List.copyOf(namespaces);
        }
    }

    private final List<Resource> resources = new ArrayList<>();

    public SensorAccess(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:events:SensorAccess", name, options);
        CustomResourceOptions afterNamespaces = CustomResourceOptions.builder().parent(this).dependsOn(args.namespaces()).build();
        var role = new Role(name, RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ROLE).namespace(args.workflowsNamespace()).labels(LABELS).build())
                .rules(PolicyRuleArgs.builder().apiGroups("argoproj.io").resources("workflows").verbs("create").build())
                .build(), afterNamespaces);
        resources.add(role);
        for (String sensor : args.sensors()) {
            String account = serviceAccountName(sensor);
            resources.add(new ServiceAccount(name + "-" + sensor, ServiceAccountArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(account).namespace(args.eventsNamespace()).labels(LABELS).build())
                    .build(), afterNamespaces));
            resources.add(new RoleBinding(name + "-" + sensor, RoleBindingArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(account).namespace(args.workflowsNamespace()).labels(LABELS).build())
                    .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(ROLE).build())
                    .subjects(SubjectArgs.builder().kind("ServiceAccount").name(account).namespace(args.eventsNamespace()).build())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build()));
        }
        registerOutputs(Map.of());
    }

    /** The service account a Sensor's pod runs as: what its {@code spec.template.serviceAccountName} is set to. */
    public static String serviceAccountName(String sensor) {
        return sensor + "-sensor";
    }

    /** The role, accounts and bindings, which the Sensors wait for. */
    public List<Resource> resources() {
        return List.copyOf(resources);
    }
}
