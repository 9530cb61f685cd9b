package dev.argogke.migrate;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an imported job needs from the namespace it will run in, one finding per reference: the
 * service account, Secrets, ConfigMaps and PersistentVolumeClaims its pod names (init containers and
 * sidecars included), each with how to provide it there; and a warning when that namespace is not
 * the one the CronJob ran in, since argo-gke runs every workflow in the stack's workflows namespace.
 * A pod names them by name only, always in its own namespace (k8s API reference: SecretKeySelector,
 * ConfigMapKeySelector, SecretEnvSource, ConfigMapEnvSource, SecretVolumeSource, ConfigMapVolumeSource,
 * SecretProjection, ConfigMapProjection, PersistentVolumeClaimVolumeSource, PodSpec.imagePullSecrets),
 * so once argo-gke runs the job in its workflows namespace they must be there; a pod whose Secret or
 * ConfigMap is missing does not start (CreateContainerConfigError, or its volume never mounts).
 *
 * <p>A finding is a warning when the CronJob ran in another namespace (or in one its file does not
 * name), where these objects are now; a note when it already ran in the workflows namespace.
 */
final class NamespaceNeeds {
    /** The README section, written by the Secret Manager work, that says how a job gets its configuration. */
    static final String README_SECTION = "README: \"Job configuration and secrets\"";
    /** The one service account workflow pods may run as (argo/ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT). */
    static final String WORKFLOW_ACCOUNT = "argo-workflow";

    /**
     * One reference: the field that makes it, and what to do.
     *
     * @param refused a warning wherever the job ran, since argo-gke refuses it (not only where it moves)
     */
    private record Need(String path, String message, boolean refused) {
        Need(String path, String message) {
            this(path, message, false);
        }
    }

    private final String namespace;
    private final List<Need> found = new ArrayList<>();

    private NamespaceNeeds(String namespace) {
        this.namespace = namespace;
    }

    /**
     * Reports where the job moves, then what the pod spec at {@code podPath} of {@code cronJob} references:
     * its service account, image pull secrets, volumes, then each container's (init containers, then
     * containers, the first of which is Argo's main container and the others its sidecars).
     */
    static void report(Map<String, Object> cronJob, String podPath, Optional<String> ranIn, JobReport r,
                       ImportOptions options) {
        NamespaceNeeds needs = new NamespaceNeeds(options.namespace());
        Map<String, Object> pod = Tree.map(cronJob, podPath);
        needs.serviceAccount(podPath, pod);
        needs.pullSecrets(Tree.join(podPath, "imagePullSecrets"), Tree.list(pod.get("imagePullSecrets")));
        needs.volumes(Tree.join(podPath, "volumes"), Tree.list(pod.get("volumes")));
        for (String key : List.of("initContainers", "containers")) {
            List<Object> containers = Tree.list(pod.get(key));
            for (int i = 0; i < containers.size(); i++) {
                needs.container(Tree.index(Tree.join(podPath, key), i), Tree.map(containers.get(i)));
            }
        }
        needs.reportNamespace(ranIn, r);
        boolean stays = ranIn.equals(Optional.of(options.namespace()));
        needs.found.forEach(n -> r.add(stays && !n.refused() ? Finding.Severity.NOTE : Finding.Severity.WARNING,
                n.path(), n.message()));
    }

    /**
     * Where the job ran against where it will run: a warning naming both when they differ; when the file
     * names no namespace (it ran wherever it was applied), a note if the job uses anything from there.
     */
    private void reportNamespace(Optional<String> ranIn, JobReport r) {
        if (ranIn.isEmpty()) {
            if (!found.isEmpty()) {
                r.note("metadata.namespace", "not set: the CronJob ran in the namespace it was applied to; the"
                        + " workflow will run in " + namespace + " (--namespace: the stack's argo-gke:workflows.namespace),"
                        + " where what it uses must be provided, each listed below");
            }
            return;
        }
        String old = ranIn.get();
        if (old.equals(namespace)) {
            return;
        }
        r.warn("metadata.namespace", old + ", but the workflow will run in " + namespace + " (--namespace: the"
                + " stack's argo-gke:workflows.namespace, where argo-gke deploys every file of workflows/); "
                + (found.isEmpty() ? "it names no Secret, ConfigMap, volume claim or service account of " + old
                : "what it uses from " + old + " must be provided in " + namespace + ", each listed below")
                + "; to keep " + old + ", set argo-gke:workflows.namespace: " + old + " and import with --namespace " + old);
    }

    /**
     * The service account is carried over as it was (see PodSpecReader), and the rule that refuses it
     * says why here: workflow pods run as {@value #WORKFLOW_ACCOUNT}, whose Google rights are granted
     * through the stack (policy/WorkflowPodsConfined, argo/WorkflowsAccount).
     */
    private void serviceAccount(String podPath, Map<String, Object> pod) {
        String key = pod.get("serviceAccountName") != null ? "serviceAccountName" : "serviceAccount";
        String account = Tree.string(pod.get(key));
        if (account == null || account.equals(WORKFLOW_ACCOUNT)) {
            return;
        }
        found.add(new Need(Tree.join(podPath, key), "service account " + account + " kept, but argo-gke check and"
                + " plan refuse it (rule workflow-pods-confined): workflow pods run as " + WORKFLOW_ACCOUNT + ", which"
                + " argo-gke creates in " + namespace + " and binds through Workload Identity to the workflows' Google"
                + " service account; grant that account what " + account + " could do through"
                + " argo-gke:argo.workflowRoles, then remove " + key + " (" + account + "'s Kubernetes RBAC does not"
                + " carry over)", true));
    }

    private void pullSecrets(String path, List<Object> refs) {
        for (int i = 0; i < refs.size(); i++) {
            String name = Tree.string(refs.get(i), "name");
            if (name != null) {
                secret(Tree.index(path, i), name, "to pull the images", false);
            }
        }
    }

    private void volumes(String path, List<Object> volumes) {
        for (int i = 0; i < volumes.size(); i++) {
            Map<String, Object> volume = Tree.map(volumes.get(i));
            String at = Tree.index(path, i);
            String used = "volume " + Tree.text(volume.get("name"));
            Map<String, Object> secret = Tree.map(volume.get("secret"));
            if (secret.get("secretName") instanceof String name) {
                secret(at + ".secret", name, used, optional(secret));
            }
            Map<String, Object> configMap = Tree.map(volume.get("configMap"));
            if (configMap.get("name") instanceof String name) {
                configMap(at + ".configMap", name, used, optional(configMap));
            }
            String claim = Tree.string(volume, "persistentVolumeClaim.claimName");
            if (claim != null) {
                found.add(new Need(at + ".persistentVolumeClaim", "PersistentVolumeClaim " + claim + " (" + used
                        + ") must be in " + namespace + ": a claim and its disk belong to one namespace; create"
                        + " one there, or pass data between steps as artifacts"));
            }
            projected(at + ".projected.sources", Tree.list(volume, "projected.sources"), used + ", projected");
        }
    }

    private void projected(String path, List<Object> sources, String used) {
        for (int i = 0; i < sources.size(); i++) {
            Map<String, Object> source = Tree.map(sources.get(i));
            Map<String, Object> secret = Tree.map(source.get("secret"));
            if (secret.get("name") instanceof String name) {
                secret(Tree.index(path, i) + ".secret", name, used, optional(secret));
            }
            Map<String, Object> configMap = Tree.map(source.get("configMap"));
            if (configMap.get("name") instanceof String name) {
                configMap(Tree.index(path, i) + ".configMap", name, used, optional(configMap));
            }
        }
    }

    private void container(String path, Map<String, Object> container) {
        String of = "container " + Tree.text(container.get("name"));
        List<Object> env = Tree.list(container.get("env"));
        for (int i = 0; i < env.size(); i++) {
            String variable = Tree.text(env.get(i), "name");
            Map<String, Object> valueFrom = Tree.map(env.get(i), "valueFrom");
            String at = Tree.index(path + ".env", i) + ".valueFrom";
            Map<String, Object> secret = Tree.map(valueFrom.get("secretKeyRef"));
            if (secret.get("name") instanceof String name) {
                secret(at + ".secretKeyRef", name, "key " + Tree.text(secret.get("key")) + " as " + variable
                        + " in " + of, optional(secret));
            }
            Map<String, Object> configMap = Tree.map(valueFrom.get("configMapKeyRef"));
            if (configMap.get("name") instanceof String name) {
                configMap(at + ".configMapKeyRef", name, "key " + Tree.text(configMap.get("key")) + " as "
                        + variable + " in " + of, optional(configMap));
            }
        }
        List<Object> envFrom = Tree.list(container.get("envFrom"));
        for (int i = 0; i < envFrom.size(); i++) {
            String at = Tree.index(path + ".envFrom", i);
            String used = "every key as an environment variable of " + of;
            Map<String, Object> secret = Tree.map(envFrom.get(i), "secretRef");
            if (secret.get("name") instanceof String name) {
                secret(at + ".secretRef", name, used, optional(secret));
            }
            Map<String, Object> configMap = Tree.map(envFrom.get(i), "configMapRef");
            if (configMap.get("name") instanceof String name) {
                configMap(at + ".configMapRef", name, used, optional(configMap));
            }
        }
    }

    /**
     * Job credentials come from Google Secret Manager through an ExternalSecret in {@code workflows/}, so
     * that no secret value is in git, the stack or Pulumi's state (issue 16).
     */
    private void secret(String path, String name, String used, boolean optional) {
        found.add(new Need(path, "Secret " + name + " (" + used + ") must be in " + namespace + optionally(optional)
                + ": keep its values in Google Secret Manager and add to workflows/ an ExternalSecret that writes"
                + " Secret " + name + " (" + README_SECTION + ")"));
    }

    /** argo-gke deploys a ConfigMap of {@code workflows/} into the workflows namespace, as it does the workflows. */
    private void configMap(String path, String name, String used, boolean optional) {
        found.add(new Need(path, "ConfigMap " + name + " (" + used + ") must be in " + namespace + optionally(optional)
                + ": add the ConfigMap to workflows/, which argo-gke deploys there (" + README_SECTION + ")"));
    }

    /** {@code optional: true}: Kubernetes starts the pod without it (the variables or files are then absent). */
    private static boolean optional(Map<String, Object> ref) {
        return Tree.isTrue(ref.get("optional"));
    }

    private static String optionally(boolean optional) {
        return optional ? " (optional: without it the pod starts without these values)" : "";
    }
}
