package dev.argogke.argo;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Argo UI may suspend and resume a CronWorkflow, and change nothing else about it.
 *
 * <p>In {@code server} auth mode every UI user acts as argo-server's service account, which needs
 * update and patch on CronWorkflows for suspend and resume ({@link ServerRbac}); RBAC cannot say
 * "only this field", so without this guard a UI user could also rewrite a production
 * CronWorkflow's schedule, arguments or template, until the next deploy undid it. A
 * ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1, GA in Kubernetes 1.30; Kubernetes
 * docs "Validating Admission Policy") lets the API server itself refuse any other change made by
 * that account. Everyone else (the deploy, the workflow-controller writing status) is not matched.
 *
 * <p>What argo-server's suspend and resume change: a JSON merge patch
 * {@code {"spec":{"suspend":true|false}}} and nothing else (Argo v4.0.7
 * server/cronworkflow/cron_workflow_server.go, setCronWorkflowSuspend; the UI calls
 * {@code PUT api/v1/cron-workflows/{ns}/{name}/suspend|resume}, ui/src/shared/services/cron-workflow-service.ts).
 * The API server itself then changes metadata.resourceVersion, metadata.generation and
 * metadata.managedFields, so those may change too.
 *
 * <p>The rule allows named changes and refuses every other one (instead of naming the guarded
 * fields), so a field a later chart adds to the CronWorkflow schema is guarded without a change
 * here. Each object is compared as a map of its keys through {@code dyn(...)}: Argo's full CRDs
 * give {@code spec} a typed schema, against which the API server's type check refuses a macro
 * over {@code object.spec} itself ("cannot be range of a comprehension"); {@code dyn} makes the
 * range dynamic, and at run time the object is the request's unstructured map
 * (k8s.io/apiserver v0.36.5 pkg/admission/plugin/cel/condition.go, objectToResolveVal).
 */
public final class CronWorkflowEditGuard extends ComponentResource {
    public static final String POLICY = "argo-gke-ui-cronworkflows-suspend-only";
    public static final String API_VERSION = "admissionregistration.k8s.io/v1";
    /** The version of Argo's CronWorkflow CRD; the API server type-checks the rule against its schema. */
    static final String CRON_WORKFLOW_VERSION = "v1alpha1";
    /** The one field argo-server's suspend and resume set. */
    static final List<String> SPEC_MAY_CHANGE = List.of("suspend");
    /** What the API server itself changes on every write (Kubernetes API conventions, "Metadata"). */
    static final List<String> METADATA_MAY_CHANGE = List.of("resourceVersion", "generation", "managedFields");

    /**
     * @param argoNamespace        where argo-server's service account lives
     * @param workflowsNamespace   where the CronWorkflows are deployed
     * @param serverServiceAccount argo-server's Kubernetes service account
     * @param workflowsDirectory   the project's folder of workflows, named in the refusal
     */
    public record Args(String argoNamespace, String workflowsNamespace, String serverServiceAccount,
                       String workflowsDirectory) {
        public Args {
            if (workflowsDirectory.matches(".*['\\\\].*")) {
                throw new IllegalArgumentException("a workflows folder with a quote or backslash cannot be named in the CEL message: " + workflowsDirectory);
            }
        }

        /** The user name the API server gives a service account's requests. */
        String serverUser() {
            return "system:serviceaccount:" + argoNamespace + ":" + serverServiceAccount;
        }
    }

    private final CustomResource policy;
    private final CustomResource binding;

    public CronWorkflowEditGuard(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:CronWorkflowEditGuard", name, options);
        this.policy = new CustomResource(name + "-policy", CustomResourceArgs.builder(API_VERSION, "ValidatingAdmissionPolicy")
                .metadata(metadata())
                .spec(policySpec(args))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.binding = new CustomResource(name + "-binding", CustomResourceArgs.builder(API_VERSION, "ValidatingAdmissionPolicyBinding")
                .metadata(metadata())
                .spec(bindingSpec(args))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
        registerOutputs(Map.of());
    }

    static Map<String, Object> policySpec(Args args) {
        Map<String, Object> spec = new LinkedHashMap<>();
        // An error in the rule refuses argo-server's change rather than letting it through.
        spec.put("failurePolicy", "Fail");
        spec.put("matchConstraints", Map.of("resourceRules", List.of(Map.of(
                "apiGroups", List.of("argoproj.io"),
                // Equivalent (the default matchPolicy) also converts a request to another version to this one.
                "apiVersions", List.of(CRON_WORKFLOW_VERSION),
                "operations", List.of("UPDATE"),
                "resources", List.of("cronworkflows")))));
        spec.put("matchConditions", List.of(Map.of(
                "name", "argo-server",
                "expression", "request.userInfo.username == '" + args.serverUser() + "'")));
        spec.put("variables", List.of(
                variable("changedTopLevel", changedKeys("object", "oldObject", List.of("metadata", "spec"), "")),
                variable("changedSpec", changedKeys("object.spec", "oldObject.spec", SPEC_MAY_CHANGE, "spec.")),
                variable("changedMetadata", changedKeys("object.metadata", "oldObject.metadata", METADATA_MAY_CHANGE, "metadata.")),
                variable("changes", "variables.changedTopLevel + variables.changedSpec + variables.changedMetadata")));
        spec.put("validations", List.of(Map.of(
                "expression", "variables.changes.size() == 0",
                "reason", "Forbidden",
                "message", refusal(args),
                // The same, naming the CronWorkflow and what the request would change.
                "messageExpression", "'CronWorkflow ' + object.metadata.name + ': " + refusal(args)
                        + " (this request changes ' + variables.changes.join(', ') + ')'")));
        return spec;
    }

    /**
     * CEL for the keys of {@code after} that differ from {@code before} (changed, added or removed),
     * except {@code mayChange}, each written as {@code prefix + key}.
     */
    static String changedKeys(String after, String before, List<String> mayChange, String prefix) {
        String allowed = mayChange.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ", "[", "]"));
        String a = "dyn(" + after + ")";
        String b = "dyn(" + before + ")";
        String keys = "(" + a + ".filter(k, !(k in " + allowed + ") && (!(k in " + b + ") || " + a + "[k] != " + b + "[k]))"
                + " + " + b + ".filter(k, !(k in " + allowed + ") && !(k in " + a + ")))";
        return prefix.isEmpty() ? keys : keys + ".map(k, '" + prefix + "' + k)";
    }

    /** What the user should do instead. No quote: it is also written inside a CEL string. */
    static String refusal(Args args) {
        return "change CronWorkflows in " + args.workflowsDirectory() + "/ and deploy; the Argo UI may only suspend or resume them";
    }

    static Map<String, Object> bindingSpec(Args args) {
        return Map.of(
                "policyName", POLICY,
                "validationActions", List.of("Deny"),
                // The namespace's name label, which the API server sets on every namespace (Kubernetes
                // docs "Well-Known Labels, Annotations and Taints", kubernetes.io/metadata.name).
                "matchResources", Map.of("namespaceSelector", Map.of("matchLabels",
                        Map.of("kubernetes.io/metadata.name", args.workflowsNamespace()))));
    }

    private static Map<String, Object> variable(String name, String expression) {
        return Map.of("name", name, "expression", expression);
    }

    private static ObjectMetaArgs metadata() {
        return ObjectMetaArgs.builder().name(POLICY).labels(Map.of("app.kubernetes.io/part-of", "argo-gke")).build();
    }

    public CustomResource policy() {
        return policy;
    }

    public CustomResource binding() {
        return binding;
    }
}
