package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes Services a plan creates: those registered as resources, and those the Argo Helm
 * chart renders from its values (argo-server's and the controller's), which the plan only shows
 * as values.
 */
final class PlannedServices {
    /** argo-helm's chart name; its templates name objects {@code <fullname>-<component>}. */
    static final String ARGO_CHART = "argo-workflows";

    /**
     * @param source where the Service comes from, as violations name it
     * @param type   spec.type; ClusterIP when unset, as Kubernetes defaults it
     */
    record PlannedService(String source, String namespace, String name, String type, Map<String, String> annotations) {
    }

    private PlannedServices() {
    }

    static List<PlannedService> of(PlanQuery plan) {
        List<PlannedService> out = new ArrayList<>();
        for (PlanFile.Resource r : plan.ofType(ResourceTypes.SERVICE)) {
            String type = Tree.string(r.input("spec.type"));
            out.add(new PlannedService(PlanQuery.label(r), PlanQuery.namespace(r), PlanQuery.name(r),
                    type == null ? "ClusterIP" : type, PlanQuery.annotations(r)));
        }
        for (PlanQuery.HelmRelease release : plan.helmReleases()) {
            if (!ARGO_CHART.equals(release.chart())) {
                continue;
            }
            String source = PlanQuery.label(release.resource());
            // Component names and defaults: argo-helm charts/argo-workflows/values.yaml (server.name: server,
            // controller.name: workflow-controller, both serviceType: ClusterIP; server.enabled: true).
            if (!PlanQuery.isFalse(release.value("server.enabled"))) {
                out.add(chartService(release, source + " (values.server)", "server", "server"));
            }
            out.add(chartService(release, source + " (values.controller)", "controller", "workflow-controller"));
        }
        return out;
    }

    private static PlannedService chartService(PlanQuery.HelmRelease release, String source, String key, String defaultName) {
        String component = Optional.ofNullable(Tree.string(release.value(key + ".name"))).orElse(defaultName);
        String type = Optional.ofNullable(Tree.string(release.value(key + ".serviceType"))).orElse("ClusterIP");
        return new PlannedService(source, release.namespace(), release.fullName() + "-" + component, type,
                PlanQuery.strings(release.value(key + ".serviceAnnotations")));
    }

    static Optional<PlannedService> find(List<PlannedService> services, String namespace, String name) {
        return services.stream().filter(s -> namespace.equals(s.namespace()) && name.equals(s.name())).findFirst();
    }
}
