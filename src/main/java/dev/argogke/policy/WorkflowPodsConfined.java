package dev.argogke.policy;

import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Workflow pods stay inside their container and their identity: no privileged container, no
 * {@code hostPath} volume, no host network, PID or IPC namespace (the Kubernetes Pod Security
 * Standards' "Baseline" profile forbids all of them: kubernetes.io/docs/concepts/security/pod-security-standards),
 * and no service account but the workflows' own ({@value ArgoWorkflows#WORKFLOW_SERVICE_ACCOUNT}),
 * which is the one Workload Identity maps to the jobs' Google account (Argo's docs, "Workflow RBAC"
 * and "Service Accounts": a workflow may name any service account in its namespace, and runs with its rights).
 * Read in every template of every deployed Workflow, WorkflowTemplate, CronWorkflow and
 * ClusterWorkflowTemplate, {@code podSpecPatch} included.
 */
final class WorkflowPodsConfined implements Rule {
    private static final List<String> HOST_NAMESPACES = List.of("hostNetwork", "hostPID", "hostIPC");

    @Override
    public String name() {
        return "workflow-pods-confined";
    }

    @Override
    public String description() {
        return "workflow pods: no privileged container, hostPath, host network/PID/IPC, or service account other than "
                + ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT;
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (WorkflowObjects.Doc doc : WorkflowObjects.of(input)) {
            podLevel(doc.where(), doc.specPath(), doc.spec(), out);
            WorkflowObjects.listed(doc.specPath() + ".volumes", doc.spec().get("volumes"), (p, v) -> hostPath(doc.where(), p, v, out));
            WorkflowObjects.templates(doc, (tp, template) -> {
                podLevel(doc.where(), tp, template, out);
                WorkflowObjects.containers(tp, template, (cp, c) -> privileged(doc.where(), cp, c, out));
            });
        }
        return out;
    }

    /** Fields a workflow spec or a template may both carry: host namespaces, service accounts, a pod spec patch. */
    private void podLevel(String where, String path, Map<String, Object> spec, List<Violation> out) {
        for (String field : HOST_NAMESPACES) {
            if (PlanQuery.isTrue(spec.get(field))) {
                out.add(violation(where + ": " + path + "." + field, "shares the node's " + field.substring(4) + " namespace with the job; remove it"));
            }
        }
        serviceAccount(where, path + ".serviceAccountName", spec.get("serviceAccountName"), out);
        serviceAccount(where, path + ".executor.serviceAccountName", Tree.at(spec, "executor.serviceAccountName"), out);
        String patch = Tree.string(spec.get("podSpecPatch"));
        if (patch != null) {
            podSpecPatch(where, path + ".podSpecPatch", patch, out);
        }
    }

    private void serviceAccount(String where, String path, Object value, List<Violation> out) {
        String sa = Tree.string(value);
        if (sa != null && !sa.equals(ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT)) {
            out.add(violation(where + ": " + path, "'" + sa + "' is not the workflows' service account; remove it (jobs run as "
                    + ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT + ", which argo-gke gives argo-gke:argo.workflowRoles)"));
        }
    }

    private void hostPath(String where, String path, Map<String, Object> volume, List<Violation> out) {
        if (volume.containsKey("hostPath")) {
            out.add(violation(where + ": " + path + ".hostPath", "mounts a folder of the node into the job; use an emptyDir, a PVC or artifacts"));
        }
    }

    private void privileged(String where, String path, Map<String, Object> container, List<Violation> out) {
        if (PlanQuery.isTrue(Tree.at(container, "securityContext.privileged"))) {
            out.add(violation(where + ": " + path + ".securityContext.privileged", "a privileged container is root on the node; remove it"));
        }
    }

    /** A pod spec patch (YAML or JSON, merged into the pod by the controller) can set all of the above. */
    private void podSpecPatch(String where, String path, String patch, List<Violation> out) {
        Object parsed;
        try {
            parsed = new Load(LoadSettings.builder().build()).loadFromString(patch);
        } catch (RuntimeException e) {
            return; // the linter reports a patch that is not YAML
        }
        Map<String, Object> pod = PlanQuery.map(parsed);
        podLevel(where, path, pod, out);
        WorkflowObjects.listed(path + ".volumes", pod.get("volumes"), (p, v) -> hostPath(where, p, v, out));
        WorkflowObjects.listed(path + ".containers", pod.get("containers"), (p, c) -> privileged(where, p, c, out));
        WorkflowObjects.listed(path + ".initContainers", pod.get("initContainers"), (p, c) -> privileged(where, p, c, out));
    }
}
