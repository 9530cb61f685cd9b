package dev.argogke.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nothing public without IAP: every Ingress sends traffic only to Services whose BackendConfig
 * turns IAP on, no Service is a LoadBalancer (which would bypass the Ingress and IAP), and IAP
 * never lets everyone in.
 */
final class IapRequired implements Rule {
    /** GKE docs, "Configuring Ingress features through BackendConfig parameters". */
    static final List<String> BACKEND_CONFIG_ANNOTATIONS = List.of("cloud.google.com/backend-config", "beta.cloud.google.com/backend-config");
    static final Set<String> EVERYONE = Set.of("allUsers", "allAuthenticatedUsers");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "iap-required";
    }

    @Override
    public String description() {
        return "nothing public without IAP: every Ingress backend has IAP on, no LoadBalancer Service, no allUsers";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<PlannedServices.PlannedService> services = PlannedServices.of(plan);
        List<Violation> out = new ArrayList<>();
        for (PlannedServices.PlannedService s : services) {
            if ("LoadBalancer".equals(s.type())) {
                out.add(violation(s.source(), "Service " + s.namespace() + "/" + s.name()
                        + " is type LoadBalancer, reachable from the internet without IAP; use NodePort behind the IAP Ingress"));
            }
        }
        for (PlanFile.Resource ingress : plan.ofType(ResourceTypes.INGRESS)) {
            String ns = PlanQuery.namespace(ingress);
            Set<String> backends = backendServices(ingress);
            if (backends.isEmpty()) {
                out.add(violation(PlanQuery.label(ingress), "has no backend Service, so nothing says IAP guards it; route it to a Service with an IAP BackendConfig"));
            }
            for (String backend : backends) {
                out.addAll(checkBackend(plan, services, ingress, ns, backend));
            }
        }
        for (PlanFile.Resource member : plan.ofType("gcp:iap/webIamMember:WebIamMember", "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember")) {
            String who = Tree.string(member.input("member"));
            if (who != null && EVERYONE.contains(who)) {
                out.add(violation(PlanQuery.label(member), "lets " + who + " through IAP; list people, groups or a domain in argo-gke:edge.iapMembers"));
            }
        }
        for (PlanFile.Resource binding : plan.ofType("gcp:iap/webIamBinding:WebIamBinding", "gcp:iap/webBackendServiceIamBinding:WebBackendServiceIamBinding")) {
            for (Object who : Tree.list(binding.input("members"))) {
                if (who instanceof String s && EVERYONE.contains(s)) {
                    out.add(violation(PlanQuery.label(binding), "lets " + s + " through IAP; list people, groups or a domain in argo-gke:edge.iapMembers"));
                }
            }
        }
        return out;
    }

    private List<Violation> checkBackend(PlanQuery plan, List<PlannedServices.PlannedService> services,
                                         PlanFile.Resource ingress, String ns, String backend) {
        String where = PlanQuery.label(ingress);
        Optional<PlannedServices.PlannedService> service = PlannedServices.find(services, ns, backend);
        if (service.isEmpty()) {
            return List.of(violation(where, "routes to Service " + ns + "/" + backend
                    + ", which this stack does not create, so IAP on it cannot be checked; route only to the stack's own Services"));
        }
        Set<String> configs = backendConfigNames(service.get().annotations());
        if (configs.isEmpty()) {
            return List.of(violation(service.get().source(), "Service " + ns + "/" + backend + " (behind " + where
                    + ") has no " + BACKEND_CONFIG_ANNOTATIONS.get(0) + " annotation, so IAP is off; point it at a BackendConfig with iap.enabled: true"));
        }
        List<Violation> out = new ArrayList<>();
        for (String config : configs) {
            Optional<PlanFile.Resource> bc = plan.object("cloud.google.com", "BackendConfig", ns, config);
            if (bc.isEmpty()) {
                out.add(violation(service.get().source(), "Service " + ns + "/" + backend + " names BackendConfig " + config
                        + ", which this stack does not create; create it with iap.enabled: true"));
            } else if (!PlanQuery.isTrue(bc.get().input("spec.iap.enabled"))) {
                out.add(violation(PlanQuery.label(bc.get()), "spec.iap.enabled is not true, so " + ns + "/" + backend
                        + " is open to anyone who finds it; set spec.iap.enabled: true"));
            }
        }
        return out;
    }

    /** spec.defaultBackend and every rule's paths; Ingress API networking.k8s.io/v1. */
    static Set<String> backendServices(PlanFile.Resource ingress) {
        Set<String> out = new LinkedHashSet<>();
        String defaultBackend = Tree.string(ingress.input("spec.defaultBackend.service.name"));
        if (defaultBackend != null) {
            out.add(defaultBackend);
        }
        for (Object rule : Tree.list(ingress.input("spec.rules"))) {
            for (Object path : Tree.list(Tree.at(rule, "http.paths"))) {
                String name = Tree.string(Tree.at(path, "backend.service.name"));
                if (name != null) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The annotation is JSON: {@code {"default": "name"}} and/or {@code {"ports": {"2746": "name"}}}. */
    static Set<String> backendConfigNames(Map<String, String> annotations) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : BACKEND_CONFIG_ANNOTATIONS) {
            String raw = annotations.get(key);
            if (raw == null) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(raw);
                if (node.path("default").isTextual()) {
                    out.add(node.get("default").asText());
                }
                node.path("ports").forEach(n -> {
                    if (n.isTextual()) {
                        out.add(n.asText());
                    }
                });
            } catch (Exception e) {
                // Malformed: GKE ignores it, so there is no BackendConfig and no IAP; reported as missing.
            }
        }
        return out;
    }
}
