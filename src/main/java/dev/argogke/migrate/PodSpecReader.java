package dev.argogke.migrate;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CronJob's pod spec into the fields of one Argo template. Containers are carried over
 * unchanged: an Argo template's {@code container}, {@code initContainers} and {@code sidecars}
 * are Kubernetes containers (Argo v4.1 schema: Template.container is core/v1 Container,
 * UserContainer has every Container field).
 */
final class PodSpecReader {

    /**
     * @param deadline       the pod's {@code activeDeadlineSeconds}
     * @param templateFields template fields in output order, ending with container and sidecars
     * @param workflowFields fields Argo has only on the whole workflow
     */
    record Result(Optional<Long> deadline, Map<String, Object> templateFields, Map<String, Object> workflowFields) {
    }

    private PodSpecReader() {
    }

    /** The pod's parts, or null when a problem stops the import (reported to {@code r}). */
    static Result read(FieldReader pod, JobReport r) {
        Map<String, Object> template = new LinkedHashMap<>();
        Map<String, Object> workflow = new LinkedHashMap<>();
        int before = r.problemCount();

        List<Map<String, Object>> containers = requiredContainers(pod, r);
        List<Map<String, Object>> initContainers = containers(pod, "initContainers", r);
        readServiceAccount(pod, r, template);
        readSameNameTemplateFields(pod, template);
        if (initContainers != null && !initContainers.isEmpty()) {
            template.put("initContainers", initContainers);
        }
        if (containers != null && !containers.isEmpty()) {
            putContainers(pod, r, template, containers);
        }

        Optional<Long> deadline = pod.integerAtLeast("activeDeadlineSeconds", 1);
        checkRestartPolicy(pod, r);
        readWorkflowLevelFields(pod, workflow);
        for (Map.Entry<String, Object> d : Map.<String, Object>of("terminationGracePeriodSeconds", 30,
                "enableServiceLinks", true).entrySet()) {
            if (pod.has(d.getKey()) && CronJobReader.sameValue(pod.peek(d.getKey()), d.getValue())) {
                pod.handled(d.getKey()); // Kubernetes' default, which Argo's pods get as well
            }
        }
        CronJobReader.reportLeftovers(pod, r,
                "an Argo template has no such field (a template's podSpecPatch can set it by hand)");
        return r.problemCount() > before ? null : new Result(deadline, template, workflow);
    }

    /** The pod's containers; reports a pod without any. */
    private static List<Map<String, Object>> requiredContainers(FieldReader pod, JobReport r) {
        List<Map<String, Object>> containers = containers(pod, "containers", r);
        if (containers != null && containers.isEmpty()) {
            r.error(pod.path("containers"), "is empty: the pod needs at least one container");
        } else if (containers == null && !pod.has("containers")) {
            r.error(pod.path("containers"), "is missing: the pod needs at least one container");
        }
        return containers;
    }

    /**
     * The service account is carried over as the CronJob named it, although argo-gke refuses every one
     * but argo-workflow (rule workflow-pods-confined), and {@link NamespaceNeeds} warns about it. Dropping
     * it would change silently who the job runs as: the file would deploy and the job run as argo-workflow,
     * with other rights than it had, failing (or doing more than before) only at run time. Kept, argo-gke
     * check and plan stop it before a deploy, with the rule's reason, until the user grants argo-workflow
     * what the job needs and removes the line.
     */
    private static void readServiceAccount(FieldReader pod, JobReport r, Map<String, Object> template) {
        // serviceAccount is the deprecated spelling of serviceAccountName; Kubernetes prefers the latter.
        Optional<String> legacyAccount = pod.string("serviceAccount");
        Optional<String> account = pod.has("serviceAccountName") ? pod.string("serviceAccountName") : legacyAccount;
        if (legacyAccount.isPresent() && !legacyAccount.equals(account)) {
            r.warn(pod.path("serviceAccount"), "not carried over: deprecated, and serviceAccountName ("
                    + account.orElse("") + ") takes precedence");
        }
        account.ifPresent(a -> template.put("serviceAccountName", a));
    }

    /** Pod spec fields an Argo template has too, under the same name or (resources) another. */
    private static void readSameNameTemplateFields(FieldReader pod, Map<String, Object> template) {
        pod.bool("automountServiceAccountToken").ifPresent(v -> template.put("automountServiceAccountToken", v));
        pod.string("priorityClassName").ifPresent(v -> template.put("priorityClassName", v));
        pod.string("schedulerName").filter(v -> !v.equals("default-scheduler")).ifPresent(v -> template.put("schedulerName", v));
        pod.map("nodeSelector").filter(m -> !m.isEmpty()).ifPresent(v -> template.put("nodeSelector", v));
        pod.list("tolerations").filter(l -> !l.isEmpty()).ifPresent(v -> template.put("tolerations", v));
        pod.map("affinity").filter(m -> !m.isEmpty()).ifPresent(v -> template.put("affinity", v));
        pod.list("hostAliases").filter(l -> !l.isEmpty()).ifPresent(v -> template.put("hostAliases", v));
        // An empty securityContext is what the API server stores for "none": nothing to carry.
        pod.map("securityContext").filter(m -> !m.isEmpty()).ifPresent(v -> template.put("securityContext", v));
        // Pod-level requests and limits: Argo's template field has another name, same type and gate.
        pod.map("resources").filter(m -> !m.isEmpty()).ifPresent(v -> template.put("podResources", v));
        pod.list("resourceClaims").filter(l -> !l.isEmpty()).ifPresent(v -> template.put("resourceClaims", v));
        pod.list("volumes").filter(l -> !l.isEmpty()).ifPresent(v -> template.put("volumes", v));
    }

    /** The first container becomes Argo's main container, the others its sidecars. */
    private static void putContainers(FieldReader pod, JobReport r, Map<String, Object> template,
                                      List<Map<String, Object>> containers) {
        Map<String, Object> main = containers.get(0);
        template.put("container", main);
        r.note(pod.path("containers[0]"), "container " + main.get("name") + " runs as container \"main\""
                + " in Argo's pods, which Argo names so (kubectl logs POD -c main)");
        for (int i = 0; i < containers.size(); i++) {
            commandNamed(containers.get(i), pod.path("containers[" + i + "]"), r);
        }
        List<Map<String, Object>> sidecars = containers.subList(1, containers.size());
        for (int i = 0; i < sidecars.size(); i++) {
            r.warn(pod.path("containers[" + (i + 1) + "]"), "container " + sidecars.get(i).get("name")
                    + " becomes a sidecar: Argo stops it once the main container (" + main.get("name")
                    + ") exits, where the Job waited for every container to finish; if its work must"
                    + " complete, run it as a step of its own (--chain)");
        }
        if (!sidecars.isEmpty()) {
            template.put("sidecars", new ArrayList<>(sidecars));
        }
    }

    private static void checkRestartPolicy(FieldReader pod, JobReport r) {
        // Argo's pods always have restartPolicy Never (workflow/controller/workflowpod.go).
        pod.string("restartPolicy").ifPresent(p -> {
            if (p.equals("OnFailure")) {
                r.note(pod.path("restartPolicy"), "OnFailure not carried over: Argo runs each attempt in a new pod"
                        + " (restartPolicy Never) and retries through retryStrategy");
            } else if (!p.equals("Never")) {
                r.error(pod.path("restartPolicy"), "\"" + p + "\" is not allowed in a Job: use OnFailure or Never");
            }
        });
    }

    private static void readWorkflowLevelFields(FieldReader pod, Map<String, Object> workflow) {
        pod.list("imagePullSecrets").filter(l -> !l.isEmpty()).ifPresent(v -> workflow.put("imagePullSecrets", v));
        pod.bool("hostNetwork").filter(v -> v).ifPresent(v -> workflow.put("hostNetwork", v));
        pod.string("dnsPolicy").filter(v -> !v.equals("ClusterFirst")).ifPresent(v -> workflow.put("dnsPolicy", v));
        pod.map("dnsConfig").filter(m -> !m.isEmpty()).ifPresent(v -> workflow.put("dnsConfig", v));
    }

    /** A list of containers, each a mapping with a name and an image; null when absent or malformed. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(FieldReader pod, String key, JobReport r) {
        Optional<List<Object>> list = pod.list(key);
        if (list.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.get().size(); i++) {
            String path = Tree.index(pod.path(key), i);
            if (!(list.get().get(i) instanceof Map<?, ?> c)) {
                r.error(path, "must be a mapping (a container), not " + FieldReader.describe(list.get().get(i)));
                ok = false;
                continue;
            }
            if (!(c.get("name") instanceof String n) || n.isEmpty()) {
                r.error(path + ".name", "is missing: every container needs a name");
                ok = false;
            }
            if (!(c.get("image") instanceof String img) || img.isBlank()) {
                r.error(path + ".image", "is missing: every container needs an image");
                ok = false;
            }
            out.add((Map<String, Object>) c);
        }
        return ok ? out : null;
    }

    /**
     * A container without a command makes Argo's controller read the image's entrypoint from its registry
     * before every run (Argo v4.0.7 workflow/controller/workflowpod.go), which fails for a private registry:
     * argo-gke's controller has no Google identity. The check rule workflow-commands-explicit refuses it.
     */
    private static void commandNamed(Map<String, Object> container, String path, JobReport r) {
        Object command = container.get("command");
        if (!(command instanceof List<?> list) || list.isEmpty()) {
            r.warn(path + ".command", "not set: before every run Argo's controller would read the entrypoint of "
                    + container.get("image") + " from its registry, which fails for a private one; add command: with the"
                    + " image's entrypoint (argo-gke check refuses the workflow until then: workflow-commands-explicit)");
        }
    }
}
