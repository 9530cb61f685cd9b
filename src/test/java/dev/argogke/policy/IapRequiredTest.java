package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IapRequiredTest {
    private static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
    private static final String BACKEND_CONFIG = "kubernetes:cloud.google.com/v1:BackendConfig";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private final Rule rule = new IapRequired();

    @Test
    void theCommittedStacksPutIapInFrontOfTheUi() {
        for (String stack : List.of("dev", "prod")) {
            PolicyInput input = real(stack);
            assertEquals(1, input.plan().resourcesOfType(INGRESS).size(), "the rule has an Ingress to check in " + stack);
            assertEquals(List.of(), rule.check(input), stack);
        }
    }

    @Test
    void aBackendConfigWithIapOffOpensTheUi() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), BACKEND_CONFIG, "edge-backend", "spec.iap.enabled", false)));
        assertEquals(1, v.size());
        assertEquals(BACKEND_CONFIG + " edge-backend", v.get(0).resource());
        assertEquals("spec.iap.enabled is not true, so argo/argo-server is open to anyone who finds it; set spec.iap.enabled: true",
                v.get(0).message());
    }

    @Test
    void anIngressBackendWithoutABackendConfigHasNoIap() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), RELEASE, "argo", "values.server.serviceAnnotations", Map.of("cloud.google.com/neg", "{\"ingress\":true}"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().contains("argo/argo-server") && v.get(0).message().contains("IAP is off"), v.get(0).message());
    }

    @Test
    void aBackendConfigTheStackDoesNotCreateCannotVouchForIap() {
        PolicyInput dev = real("dev");
        PlanFile plan = remove(dev.plan(), BACKEND_CONFIG, "edge-backend");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("BackendConfig argo-server, which this stack does not create"), v.get(0).message());
    }

    @Test
    void anIngressToAServiceOutsideTheStackFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), INGRESS, "edge-ingress", "spec.defaultBackend.service.name", "grafana");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("argo/grafana"), v.get(0).message());
    }

    @Test
    void aLoadBalancerServiceBypassesIap() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), RELEASE, "argo", "values.controller.serviceType", "LoadBalancer");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(1, v.size());
        assertTrue(v.get(0).resource().endsWith("(values.controller)"), v.get(0).resource());
        assertTrue(v.get(0).message().contains("argo/argo-workflow-controller is type LoadBalancer"), v.get(0).message());
    }

    @Test
    void aLoadBalancerServiceResourceFailsToo() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "kubernetes:core/v1:Service", "metrics", Map.of(
                "metadata", Map.of("name", "metrics", "namespace", "argo"), "spec", Map.of("type", "LoadBalancer")));
        assertEquals(1, violationsOfOnly(rule.name(), withPlan(dev, plan)).size());
    }

    @Test
    void iapNeverLetsEveryoneIn() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), "gcp:iap/webIamMember:WebIamMember", "edge-access-group:data-team@example.com", "member", "allUsers");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("lets allUsers through IAP"), v.get(0).message());
    }
}
