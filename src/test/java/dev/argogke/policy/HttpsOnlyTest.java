package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpsOnlyTest {
    private static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
    private static final String FRONTEND = "kubernetes:networking.gke.io/v1beta1:FrontendConfig";
    private static final String CERT = "kubernetes:networking.gke.io/v1:ManagedCertificate";
    private final Rule rule = new HttpsOnly();

    @Test
    void theCommittedStacksServeHttpsAndRedirectHttp() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void withoutTheRedirectPlainHttpIsServed() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), FRONTEND, "edge-frontend", "spec.redirectToHttps.enabled", false);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().startsWith("serves plain HTTP"), v.get(0).message());
    }

    @Test
    void refusingHttpIsAsGoodAsRedirectingIt() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), FRONTEND, "edge-frontend", "spec.redirectToHttps.enabled", false);
        Map<String, Object> annotations = new java.util.LinkedHashMap<String, Object>(PlanQuery.annotations(resource(plan, INGRESS, "edge-ingress")));
        annotations.put("kubernetes.io/ingress.allow-http", "false");
        plan = set(plan, INGRESS, "edge-ingress", "metadata.annotations", annotations);
        assertEquals(List.of(), rule.check(withPlan(dev, plan)));
    }

    @Test
    void anIngressWithoutACertificateFails() {
        PolicyInput dev = real("dev");
        Map<String, Object> annotations = new java.util.LinkedHashMap<String, Object>(PlanQuery.annotations(resource(dev.plan(), INGRESS, "edge-ingress")));
        annotations.remove("networking.gke.io/managed-certificates");
        PlanFile plan = set(dev.plan(), INGRESS, "edge-ingress", "metadata.annotations", annotations);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().startsWith("serves no certificate"), v.get(0).message());
    }

    @Test
    void aCertificateWithoutDomainsIsNoCertificate() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), CERT, "edge-certificate", "spec.domains", List.of());
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(CERT + " edge-certificate", v.get(0).resource());
    }
}
