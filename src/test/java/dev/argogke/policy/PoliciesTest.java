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

    /** The committed stacks' one waiver: an open control plane, with the reason in the stack file. */
    @Test
    void devAndProdWaiveOnlyTheControlPlaneRestrictionWithARealReason() {
        for (String stack : List.of("dev", "prod")) {
            PolicyReport report = Policies.evaluate(real(stack));
            List<String> waived = report.outcomes().stream().filter(o -> o.status() == PolicyReport.Status.WAIVED).map(PolicyReport.Outcome::rule).toList();
            assertEquals(List.of("control-plane-restricted"), waived, report.render());
            assertTrue(report.render().contains("deployed by GitHub-hosted CI runners"), report.render());
        }
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
                "private-bucket", "secrets-encrypted", "deletion-protection", "control-plane-restricted", "iap-members-named",
                "environment-matches-project", "argo-version-current", "trusted-images", "workflow-pods-confined", "data-access-logs")), names.toString());
    }

    @Test
    void aWaiverOfAnUnknownRuleIsAnErrorNamingTheKey() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "the partner API allow-lists node addresses"),
                new Settings.Waiver("privat-bucket", "public downloads for the partner portal")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("Pulumi.dev.yaml: argo-gke:waivers[2].rule: 'privat-bucket' is not a policy rule (did you mean private-bucket?)"),
                e.getMessage());
    }

    @Test
    void aWaiverNeedsAReason() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "  ")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("argo-gke:waivers[1].reason: is empty"), e.getMessage());
    }

    /** The issue's worked example: a waiver whose reason is "." (or a word or two) says nothing a reviewer can weigh. */
    @Test
    void aWaiverReasonOfADotOrAFewWordsIsRefused() {
        for (String reason : List.of(".", "ok", "legacy", "needed for the job", "temporary workaround.")) {
            PolicyInput input = withWaivers(real("prod"), List.of(new Settings.Waiver("legacy-auth-off", reason)));
            UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input), reason);
            assertTrue(e.getMessage().contains("Pulumi.prod.yaml: argo-gke:waivers[1].reason: '" + reason + "' is not a reason"), e.getMessage());
        }
    }

    @Test
    void prodMayNotWaiveTheRulesThatGuardTheEndpointAndIdentity() {
        for (String rule : List.of("iap-required", "https-only", "workload-identity", "no-service-account-keys", "iap-members-named")) {
            PolicyInput input = withWaivers(real("prod"), List.of(new Settings.Waiver(rule, "the vendor demo needs it open for one week")));
            UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input), rule);
            assertTrue(e.getMessage().contains("Pulumi.prod.yaml: argo-gke:waivers[1].rule: " + rule + " cannot be waived in prod"), e.getMessage());
        }
    }

    @Test
    void devMayWaiveTheEndpointRulesWithAReason() {
        PolicyInput dev = real("dev");
        PolicyInput broken = withPlan(dev, set(dev.plan(), "gcp:iap/webIamMember:WebIamMember", "edge-access-group:data-team@example.com",
                "member", "domain:gmail.com"));
        PolicyReport report = Policies.evaluate(withWaivers(broken, List.of(new Settings.Waiver("iap-members-named", "a throwaway demo for external testers"))));
        assertTrue(report.passed(), report.render());
    }

    @Test
    void aRuleWaivedTwiceIsAnError() {
        PolicyInput input = withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "the partner API allow-lists node addresses"),
                new Settings.Waiver("private-nodes", "and another reason for the same rule")));
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("argo-gke:waivers[2].rule: private-nodes is waived twice"), e.getMessage());
    }

    @Test
    void aWaivedRuleIsReportedAsWaivedNotAsAFailure() {
        PolicyInput dev = real("dev");
        PolicyInput broken = withPlan(dev, set(dev.plan(), "gcp:container/cluster:Cluster", "cluster", "enableLegacyAbac", true));
        assertEquals(false, Policies.evaluate(broken).passed());
        PolicyReport report = Policies.evaluate(withWaivers(broken, List.of(new Settings.Waiver("legacy-auth-off", "migrating an old tool that needs ABAC"))));
        assertTrue(report.passed(), report.render());
        assertTrue(report.render().contains("waived  legacy-auth-off                (migrating an old tool that needs ABAC)"), report.render());
        assertTrue(report.render().endsWith("All 20 rules pass, 2 waived, 1 n/a.\n"), report.render());
    }

    /** The issue: on dev, the prod-only deletion-protection rule reported "pass"; it does not apply there. */
    @Test
    void aProdOnlyRuleIsNotApplicableOnDevWithTheReason() {
        PolicyReport report = Policies.evaluate(real("dev"));
        List<PolicyReport.Outcome> notApplicable = report.outcomes().stream()
                .filter(o -> o.status() == PolicyReport.Status.NOT_APPLICABLE).toList();
        assertEquals(List.of("deletion-protection"), notApplicable.stream().map(PolicyReport.Outcome::rule).toList(), report.render());
        assertTrue(report.render().contains("  n/a     deletion-protection            (prod stacks only; this one's argo-gke:environment is dev)\n"),
                report.render());
        assertTrue(report.passed(), report.render());
        // On prod it applies, as every rule does (workflows/ holds EventSources and Sensors, so the Argo Events rules apply too).
        assertEquals(List.of(), Policies.evaluate(real("prod")).outcomes().stream()
                .filter(o -> o.status() == PolicyReport.Status.NOT_APPLICABLE).map(PolicyReport.Outcome::rule).toList());
    }

    /**
     * The issue: rules about the public endpoint say "n/a" on a stack without one. Without the
     * Ingress nothing is served over HTTPS; IAP access still granted is still checked.
     */
    @Test
    void withoutAnIngressHttpsOnlyDoesNotApplyButGrantedIapAccessIsStillChecked() {
        PolicyInput dev = real("dev");
        PolicyInput noIngress = withPlan(dev, remove(dev.plan(), "kubernetes:networking.k8s.io/v1:Ingress", "edge-ingress"));
        PolicyReport report = Policies.evaluate(noIngress);
        assertEquals(List.of("https-only", "deletion-protection"), report.outcomes().stream()
                .filter(o -> o.status() == PolicyReport.Status.NOT_APPLICABLE).map(PolicyReport.Outcome::rule).toList(), report.render());
        assertTrue(report.render().contains("  n/a     https-only                     (no public endpoint: the stack creates no Ingress)\n"),
                report.render());

        PolicyInput noAccessEither = withPlan(noIngress, remove(noIngress.plan(), "gcp:iap/webIamMember:WebIamMember",
                "edge-access-group:data-team@example.com"));
        assertTrue(Policies.evaluate(noAccessEither).render().contains(
                "  n/a     iap-members-named              (no public endpoint: the stack creates no Ingress and grants no IAP access)\n"),
                Policies.evaluate(noAccessEither).render());
    }

    /** A waiver of a rule that does not apply hides nothing today but would hide a violation once it does. */
    @Test
    void aWaiverOfARuleThatDoesNotApplyFailsNamingTheWaiver() {
        PolicyReport report = Policies.evaluate(withWaivers(real("dev"), List.of(new Settings.Waiver("deletion-protection", "dev is torn down every evening"))));
        assertEquals(List.of("deletion-protection: ./stacks/Pulumi.dev.yaml: argo-gke:waivers[1]: waives deletion-protection, which does not apply"
                + " to this stack (prod stacks only; this one's argo-gke:environment is dev); remove the waiver so a future violation is not hidden"),
                report.violations().stream().map(Violation::line).toList());
    }

    /** The issue: a waiver for a rule that passes without it is an error, since it would hide the next violation. */
    @Test
    void aWaiverThatIsNotNeededFailsThatRuleNamingTheWaiver() {
        PolicyReport report = Policies.evaluate(withWaivers(real("dev"), List.of(new Settings.Waiver("private-nodes", "just in case we need it later"))));
        assertEquals(false, report.passed(), report.render());
        assertEquals(List.of("private-nodes: ./stacks/Pulumi.dev.yaml: argo-gke:waivers[1]: waives private-nodes, which the stack passes without it; "
                + "remove the waiver so a future violation is not hidden"), report.violations().stream().map(Violation::line).toList());
    }

    @Test
    void aFailureShowsTheRuleTheResourceAndTheFix() {
        PolicyInput dev = real("dev");
        PolicyReport report = Policies.evaluate(withPlan(dev, set(dev.plan(), "gcp:container/cluster:Cluster", "cluster", "enableShieldedNodes", false)));
        assertTrue(report.render().contains("  FAIL    shielded-nodes"), report.render());
        assertTrue(report.render().contains("gcp:container/cluster:Cluster cluster: enableShieldedNodes is not true; set it to true"), report.render());
        // 21 rules; on dev, deletion-protection does not apply (the issue: it said "pass"): 20 apply.
        assertTrue(report.render().endsWith("1 of 22 rules fail, 1 waived, 1 n/a.\n"), report.render());
    }

    /** The stack's own waivers, and more. */
    static PolicyInput withWaivers(PolicyInput input, List<Settings.Waiver> more) {
        Settings s = input.settings();
        List<Settings.Waiver> waivers = new java.util.ArrayList<>(s.waivers());
        waivers.addAll(more);
        Settings waived = new Settings(s.stack(), s.environment(), s.gcp(), s.cluster(), s.nodePools(), s.argo(), s.workflows(), s.events(), s.edge(), waivers);
        return new PolicyInput(waived, input.plan(), input.stackFile());
    }
}
