package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    @Test
    void devAndProdPassEveryRule() {
        assertAllPass(real("dev"));
        assertAllPass(real("prod"));
    }

    @Test
    void theIssuesTenRulesAreAllThereWithUniqueNamesAndOneLineDescriptions() {
        Set<String> names = new HashSet<>();
        for (Rule r : Policies.all()) {
            assertTrue(names.add(r.name()), "unique: " + r.name());
            assertTrue(r.name().matches("[a-z][a-z0-9-]+"), "a waiver can name it: " + r.name());
            assertTrue(!r.description().isBlank() && !r.description().contains("\n"), r.name());
        }
        assertTrue(names.containsAll(List.of("iap-required", "https-only", "workload-identity", "node-service-account",
                "no-service-account-keys", "legacy-auth-off", "shielded-nodes", "private-nodes", "least-privilege",
                "private-bucket", "secrets-encrypted", "deletion-protection")), names.toString());
    }

    @Test
    void aWaiverOfAnUnknownRuleIsAnErrorNamingTheKey() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "partner allow-list"),
                new Settings.Waiver("privat-bucket", "public downloads")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("Pulumi.dev.yaml: argo-gke:waivers[1].rule: 'privat-bucket' is not a policy rule (did you mean private-bucket?)"),
                e.getMessage());
    }

    @Test
    void aWaiverNeedsAReason() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "  ")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("argo-gke:waivers[0].reason: is empty"), e.getMessage());
    }

    @Test
    void aRuleWaivedTwiceIsAnError() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "a"), new Settings.Waiver("private-nodes", "b")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("argo-gke:waivers[1].rule: private-nodes is waived twice"), e.getMessage());
    }

    @Test
    void aWaivedRuleIsReportedAsWaivedNotAsAFailure() {
        PolicyInput dev = real("dev");
        PolicyInput broken = withPlan(dev, set(dev.plan(), "gcp:container/cluster:Cluster", "cluster", "enableLegacyAbac", true));
        assertEquals(false, Policies.evaluate(broken).passed());
        PolicyReport report = Policies.evaluate(withWaivers(broken, List.of(new Settings.Waiver("legacy-auth-off", "migrating an old tool"))));
        assertTrue(report.passed(), report.render());
        assertTrue(report.render().contains("waived  legacy-auth-off          (migrating an old tool)"), report.render());
        assertTrue(report.render().endsWith("All 11 rules pass, 1 waived.\n"), report.render());
    }

    @Test
    void aWaiverThatIsNotNeededSaysSo() {
        PolicyReport report = Policies.evaluate(withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "just in case"))));
        assertTrue(report.render().contains("(just in case; the rule passes anyway: the waiver can go)"), report.render());
    }

    @Test
    void aFailureShowsTheRuleTheResourceAndTheFix() {
        PolicyInput dev = real("dev");
        PolicyReport report = Policies.evaluate(withPlan(dev, set(dev.plan(), "gcp:container/cluster:Cluster", "cluster", "enableShieldedNodes", false)));
        assertTrue(report.render().contains("  FAIL    shielded-nodes"), report.render());
        assertTrue(report.render().contains("gcp:container/cluster:Cluster cluster: enableShieldedNodes is not true; set it to true"), report.render());
        assertTrue(report.render().endsWith("1 of 12 rules fail.\n"), report.render());
    }

    private static PolicyInput withWaivers(PolicyInput input, List<Settings.Waiver> waivers) {
        Settings s = input.settings();
        Settings waived = new Settings(s.stack(), s.environment(), s.gcp(), s.cluster(), s.nodePools(), s.argo(), s.workflows(), s.edge(), waivers);
        return new PolicyInput(waived, input.plan(), input.stackFile());
    }
}
