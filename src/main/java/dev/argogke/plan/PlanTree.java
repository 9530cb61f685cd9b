package dev.argogke.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as people read it: the resource tree with each resource's key inputs. */
public final class PlanTree {
    /**
     * The inputs worth a glance per type; other types show their top-level plain values. A key
     * ending in {@code .*} shows each entry of that mapping (annotation keys contain dots).
     */
    private static final Map<String, List<String>> KEY_INPUTS = Map.ofEntries(
            Map.entry("gcp:container/cluster:Cluster", List.of("name", "location", "releaseChannel.channel",
                    "workloadIdentityConfig.workloadPool", "privateClusterConfig.enablePrivateNodes", "enableShieldedNodes",
                    "nodeConfig.serviceAccount", "databaseEncryption.state", "databaseEncryption.keyName", "deletionProtection")),
            Map.entry("gcp:projects/iAMAuditConfig:IAMAuditConfig", List.of("project", "service", "auditLogConfigs")),
            Map.entry("gcp:container/nodePool:NodePool", List.of("name", "nodeConfig.machineType", "nodeConfig.spot",
                    "autoscaling.minNodeCount", "autoscaling.maxNodeCount", "nodeConfig.diskSizeGb", "nodeConfig.taints")),
            Map.entry("kubernetes:core/v1:Namespace", List.of("metadata.name")),
            Map.entry("kubernetes:helm.sh/v3:Release", List.of("chart", "version", "namespace", "repositoryOpts.repo")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("name", "location", "uniformBucketLevelAccess",
                    "publicAccessPrevention", "lifecycleRules")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:CronWorkflow", List.of("metadata.name", "metadata.namespace",
                    "spec.schedules", "spec.timezone", "spec.concurrencyPolicy", "spec.suspend")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:WorkflowTemplate", List.of("metadata.name", "metadata.namespace")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:ClusterWorkflowTemplate", List.of("metadata.name")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:EventBus", List.of("metadata.name", "metadata.namespace", "spec.jetstream")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:EventSource", List.of("metadata.name", "metadata.namespace",
                    "spec.template.serviceAccountName", "spec.pubSub", "spec.webhook")),
            Map.entry("kubernetes:argoproj.io/v1alpha1:Sensor", List.of("metadata.name", "metadata.namespace",
                    "spec.template.serviceAccountName", "spec.dependencies")),
            Map.entry("gcp:pubsub/topic:Topic", List.of("name", "project")),
            Map.entry("gcp:pubsub/subscription:Subscription", List.of("name", "project", "topic", "expirationPolicy.ttl")),
            Map.entry("gcp:compute/globalAddress:GlobalAddress", List.of("name", "ipVersion", "addressType")),
            Map.entry("gcp:compute/sSLPolicy:SSLPolicy", List.of("name", "profile", "minTlsVersion")),
            Map.entry("gcp:dns/managedZone:ManagedZone", List.of("name", "dnsName", "visibility")),
            Map.entry("gcp:dns/recordSet:RecordSet", List.of("name", "type", "ttl", "managedZone", "rrdatas")),
            Map.entry("gcp:iap/webIamMember:WebIamMember", List.of("role", "member")),
            Map.entry("kubernetes:cloud.google.com/v1:BackendConfig", List.of("metadata.name", "metadata.namespace",
                    "spec.iap.enabled", "spec.iap.oauthclientCredentials.secretName", "spec.healthCheck.type",
                    "spec.healthCheck.port", "spec.healthCheck.requestPath", "spec.timeoutSec")),
            Map.entry("kubernetes:networking.gke.io/v1beta1:FrontendConfig", List.of("metadata.name",
                    "spec.redirectToHttps.enabled", "spec.sslPolicy")),
            Map.entry("kubernetes:networking.gke.io/v1:ManagedCertificate", List.of("metadata.name", "spec.domains")),
            Map.entry("kubernetes:networking.k8s.io/v1:Ingress", List.of("metadata.name", "metadata.namespace",
                    "metadata.annotations.*", "spec.defaultBackend.service.name", "spec.defaultBackend.service.port.number")),
            Map.entry("kubernetes:networking.k8s.io/v1:NetworkPolicy", List.of("metadata.name", "spec.podSelector.matchLabels.*",
                    "spec.ingress")),
            Map.entry("kubernetes:core/v1:Secret", List.of("metadata.name", "metadata.namespace", "type", "stringData")),
            Map.entry("kubernetes:core/v1:ConfigMap", List.of("metadata.name", "metadata.namespace")),
            Map.entry("kubernetes:core/v1:ServiceAccount", List.of("metadata.name", "metadata.namespace", "metadata.annotations.*")),
            Map.entry("kubernetes:external-secrets.io/v1:ExternalSecret", List.of("metadata.name", "metadata.namespace",
                    "spec.secretStoreRef.name", "spec.data")),
            Map.entry("kubernetes:external-secrets.io/v1:SecretStore", List.of("metadata.name", "metadata.namespace",
                    "spec.provider.gcpsm.projectID", "spec.provider.gcpsm.auth.workloadIdentity.serviceAccountRef.name")),
            Map.entry("gcp:secretmanager/secret:Secret", List.of("secretId", "replication")),
            Map.entry("kubernetes:rbac.authorization.k8s.io/v1:Role", List.of("metadata.name", "metadata.namespace", "rules")),
            Map.entry("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", List.of("metadata.name", "rules")),
            Map.entry("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", List.of("metadata.name", "metadata.namespace",
                    "roleRef.name", "subjects")),
            Map.entry("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", List.of("metadata.name", "roleRef.name", "subjects")));
    private static final int MAX_VALUE = 90;

    private PlanTree() {
    }

    public static String render(PlanFile plan) {
        Map<String, List<PlanFile.Resource>> children = new HashMap<>();
        List<PlanFile.Resource> roots = new ArrayList<>();
        String stackUrn = plan.resources().stream().filter(r -> r.type().equals(Urns.ROOT_STACK_TYPE))
                .map(PlanFile.Resource::urn).findFirst().orElse("");
        for (PlanFile.Resource r : plan.resources()) {
            if (r.urn().equals(stackUrn)) {
                continue;
            }
            if (r.parent() == null || r.parent().equals(stackUrn)) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Plan for stack ").append(plan.stack()).append(" (").append(count(plan)).append(" resources; ")
                .append("(known after deploy) marks values only the cloud can tell)\n");
        for (PlanFile.Resource r : roots) {
            render(r, children, 0, out);
        }
        if (!plan.outputs().isEmpty()) {
            out.append("Outputs:\n");
            plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(" = ").append(show(v)).append('\n'));
        }
        if (!plan.waivers().isEmpty()) {
            out.append("Waived policy rules:\n");
            plan.waivers().forEach(w -> out.append("  ").append(w.rule()).append(": ").append(w.reason()).append('\n'));
        }
        return out.toString();
    }

    private static long count(PlanFile plan) {
        return plan.resources().stream().filter(PlanFile.Resource::custom).filter(r -> !r.type().startsWith("pulumi:")).count();
    }

    private static void render(PlanFile.Resource r, Map<String, List<PlanFile.Resource>> children, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        out.append(indent).append(r.custom() ? "+ " : "  ").append(r.type()).append("  ").append(r.name());
        if (r.provider() != null && r.type().startsWith("kubernetes:") && !r.type().startsWith("pulumi:")) {
            out.append("  (provider ").append(r.provider().substring(r.provider().lastIndexOf("::") + 2)).append(')');
        }
        out.append('\n');
        for (Map.Entry<String, Object> e : keyInputs(r).entrySet()) {
            out.append(indent).append("      ").append(e.getKey()).append(" = ").append(show(e.getValue())).append('\n');
        }
        for (PlanFile.Resource child : children.getOrDefault(r.urn(), List.of())) {
            render(child, children, depth + 1, out);
        }
    }

    static Map<String, Object> keyInputs(PlanFile.Resource r) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> keys = KEY_INPUTS.get(r.type());
        if (keys != null) {
            for (String k : keys) {
                if (k.endsWith(".*")) {
                    String prefix = k.substring(0, k.length() - 2);
                    if (r.input(prefix) instanceof Map<?, ?> entries && !PlanValues.isSecret(entries) && !PlanValues.isUnknown(entries)) {
                        entries.forEach((key, value) -> out.put(prefix + "[" + key + "]", value));
                    } else if (r.input(prefix) != null) {
                        out.put(prefix, r.input(prefix));
                    }
                    continue;
                }
                Object v = r.input(k);
                if (v != null) {
                    out.put(k, v);
                }
            }
            return out;
        }
        int shown = 0;
        for (Map.Entry<String, Object> e : r.inputs().entrySet()) {
            Object v = e.getValue();
            boolean plain = !(v instanceof Map<?, ?>) || PlanValues.isSecret(v) || PlanValues.isUnknown(v);
            if (plain && !(v instanceof List<?>) && !e.getKey().startsWith("__") && shown++ < 6) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    static String show(Object v) {
        String s;
        if (PlanValues.isUnknown(v)) {
            s = "(known after deploy)";
        } else if (PlanValues.isSecret(v)) {
            s = "[secret]";
        } else if (v instanceof String str) {
            s = str.contains("\n") ? str.lines().findFirst().orElse("") + " ..." : str;
        } else {
            s = String.valueOf(v);
        }
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 3) + "..." : s;
    }
}
