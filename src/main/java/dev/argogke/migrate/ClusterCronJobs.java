package dev.argogke.migrate;

import dev.argogke.UserError;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads CronJobs from a live cluster, as {@code kubectl get cronjobs -o yaml} would show them. */
public final class ClusterCronJobs {

    private ClusterCronJobs() {
    }

    /**
     * A client for the cluster of {@code context} (the current one when null) in
     * {@code kubeconfig} (the usual kubeconfig lookup when null).
     */
    public static KubernetesClient connect(String context, Path kubeconfig) {
        Config config;
        try {
            if (kubeconfig != null) {
                if (!Files.isRegularFile(kubeconfig)) {
                    throw new UserError("--kubeconfig " + kubeconfig + ": no such file");
                }
                config = Config.fromKubeconfig(context, kubeconfig.toFile());
            } else {
                config = Config.autoConfigure(context);
            }
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new UserError("cannot read the kubeconfig" + (context == null ? "" : " for context " + context)
                    + ": " + firstLine(e));
        }
        // The client falls back to the current context when the one asked for is missing.
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            String known = config.getContexts() == null ? "" : String.join(", ",
                    config.getContexts().stream().map(c -> c.getName()).toList());
            throw new UserError("--context " + context + ": no such context in "
                    + (kubeconfig != null ? kubeconfig : "the kubeconfig")
                    + (known.isEmpty() ? "" : " (contexts: " + known + ")"));
        }
        // One quick attempt: an unreachable cluster should fail in seconds, not after minutes of retries.
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(10_000);
        config.setRequestTimeout(30_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * Every CronJob in {@code namespace} (the client's namespace when null), or in all namespaces,
     * sorted by namespace and name.
     */
    @SuppressWarnings("unchecked")
    public static List<CronJobSource> list(KubernetesClient client, String namespace, boolean allNamespaces) {
        String ns = namespace != null ? namespace : client.getNamespace() != null ? client.getNamespace() : "default";
        String where = allNamespaces ? "all namespaces" : "namespace " + ns;
        List<CronJob> items;
        try {
            items = allNamespaces
                    ? client.batch().v1().cronjobs().inAnyNamespace().list().getItems()
                    : client.batch().v1().cronjobs().inNamespace(ns).list().getItems();
        } catch (KubernetesClientException e) {
            String hint = e.getCode() == 403 ? " (your account may not list cronjobs there)" : "";
            throw new UserError("cannot list CronJobs in " + where + " at " + client.getMasterUrl() + ": "
                    + firstLine(e) + hint);
        }
        List<CronJobSource> out = new ArrayList<>();
        for (CronJob cj : items.stream().sorted(Comparator
                .comparing((CronJob c) -> String.valueOf(c.getMetadata().getNamespace()))
                .thenComparing(c -> c.getMetadata().getName())).toList()) {
            Map<String, Object> content = (Map<String, Object>) tidy(
                    client.getKubernetesSerialization().convertValue(cj, Map.class));
            String origin = "cluster " + client.getMasterUrl() + ", CronJob " + cj.getMetadata().getNamespace()
                    + "/" + cj.getMetadata().getName();
            out.add(CronJobSource.fromCluster(origin, content));
        }
        return out;
    }

    /**
     * The client's model writes most fields in alphabetical order (as kubectl prints them); a
     * container or volume reads better with its name first, as people write them. Whole numbers
     * come back as Long; as Integer they equal what the same manifest read from a file gives.
     */
    private static Object tidy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (map.containsKey("name")) {
                out.put("name", tidy(map.get("name")));
            }
            map.forEach((k, v) -> out.putIfAbsent(String.valueOf(k), tidy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ClusterCronJobs::tidy).toList());
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return value;
    }

    /** The client wraps network failures in "Operation: [list] ... failed."; the cause says why. */
    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
