package dev.argogke.policy;

import static dev.argogke.plan.ResourceTypes.BUCKET;
import static dev.argogke.plan.ResourceTypes.CLUSTER;
import static dev.argogke.plan.ResourceTypes.HELM_RELEASE;
import static dev.argogke.plan.ResourceTypes.INGRESS;
import static dev.argogke.plan.ResourceTypes.NODE_POOL;
import static dev.argogke.plan.ResourceTypes.SECRET;
import static dev.argogke.plan.ResourceTypes.SERVICE;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading a plan's resources the way the rules need: by type, Kubernetes metadata, Helm values. */
final class PlanQuery {

    private final PlanFile plan;

    PlanQuery(PlanFile plan) {
        this.plan = plan;
    }

    List<PlanFile.Resource> ofType(String... types) {
        List<PlanFile.Resource> out = new ArrayList<>();
        for (PlanFile.Resource r : plan.resources()) {
            for (String t : types) {
                if (r.type().equals(t)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Custom resources of a kind in any version of an API group: {@code ofKind("cloud.google.com", "BackendConfig")}. */
    List<PlanFile.Resource> ofKind(String group, String kind) {
        String prefix = "kubernetes:" + group + "/";
        return plan.resources().stream()
                .filter(r -> r.type().startsWith(prefix) && r.type().endsWith(":" + kind))
                .toList();
    }

    /** The object of a kind with this name in this namespace. */
    Optional<PlanFile.Resource> object(String group, String kind, String namespace, String name) {
        return ofKind(group, kind).stream()
                .filter(r -> name.equals(name(r)) && namespace.equals(namespace(r)))
                .findFirst();
    }

    static String label(PlanFile.Resource r) {
        return r.type() + " " + r.name();
    }

    static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    static boolean isFalse(Object v) {
        return Boolean.FALSE.equals(v) || "false".equals(v);
    }

    /** A mapping, or an empty one for anything else, a value unknown until deploy or a secret included. */
    static Map<String, Object> map(Object v) {
        return PlanValues.isUnknown(v) || PlanValues.isSecret(v) ? Map.of() : Tree.map(v);
    }

    /** A Kubernetes object's {@code metadata.name}; null when not plain text. */
    static String name(PlanFile.Resource r) {
        return Tree.string(r.input("metadata.name"));
    }

    /** A namespaced Kubernetes object's namespace; {@code default} when none is set, as the API server does. */
    static String namespace(PlanFile.Resource r) {
        String ns = Tree.string(r.input("metadata.namespace"));
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    static Map<String, String> annotations(PlanFile.Resource r) {
        return strings(r.input("metadata.annotations"));
    }

    static Map<String, String> strings(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        map(v).forEach((k, val) -> {
            if (val instanceof String s) {
                out.put(k, s);
            }
        });
        return out;
    }

    /**
     * A Helm release and its values. The objects the chart creates are named after its "full name":
     * {@code fullnameOverride}, else the release name when it contains the chart's name, else
     * {@code <release>-<chart>} (the convention of Helm's {@code helm create} templates, which argo-helm uses).
     */
    record HelmRelease(PlanFile.Resource resource, String chart, String namespace, Object rawValues) {
        boolean valuesKnown() {
            return rawValues == null || (rawValues instanceof Map<?, ?> && !PlanValues.isUnknown(rawValues) && !PlanValues.isSecret(rawValues));
        }

        Object value(String dottedPath) {
            return Tree.at(rawValues, dottedPath);
        }

        String fullName() {
            String override = Tree.string(value("fullnameOverride"));
            if (override != null && !override.isEmpty()) {
                return override;
            }
            String release = Tree.string(resource.input("name"));
            if (release == null) {
                release = resource.name();
            }
            return release.contains(chart) ? release : release + "-" + chart;
        }
    }

    /**
     * The chart's name from a Release's {@code chart}: the name itself, or the last part of a chart
     * folder or {@code oci://} reference ({@code ../charts/argo-workflows}, {@code oci://ghcr.io/argoproj/argo-helm/argo-workflows}).
     */
    static String chartName(String chart) {
        if (chart == null) {
            return "";
        }
        String trimmed = chart.endsWith("/") ? chart.substring(0, chart.length() - 1) : chart;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    List<HelmRelease> helmReleases() {
        List<HelmRelease> out = new ArrayList<>();
        for (PlanFile.Resource r : ofType(HELM_RELEASE)) {
            String chart = chartName(Tree.string(r.input("chart")));
            String ns = Tree.string(r.input("namespace"));
            out.add(new HelmRelease(r, chart, ns == null || ns.isEmpty() ? "default" : ns, r.input("values")));
        }
        return out;
    }
}
