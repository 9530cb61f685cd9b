package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyAuthOffTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private final Rule rule = new LegacyAuthOff();

    @Test
    void theCommittedStacksTurnLegacyAuthOff() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void legacyAbacFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), CLUSTER, "cluster", "enableLegacyAbac", true)));
        assertTrue(v.get(0).message().startsWith("enableLegacyAbac is true"), v.get(0).message());
    }

    @Test
    void clientCertificatesFail() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), CLUSTER, "cluster", "masterAuth.clientCertificateConfig.issueClientCertificate", true);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("client certificate"), v.get(0).message());
    }

    @Test
    void basicAuthFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), CLUSTER, "cluster", "masterAuth.username", "admin");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("basic auth"), v.get(0).message());
    }
}
