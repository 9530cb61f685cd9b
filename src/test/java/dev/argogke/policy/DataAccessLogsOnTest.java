package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import dev.argogke.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataAccessLogsOnTest {
    private static final String AUDIT = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
    private final Rule rule = new DataAccessLogsOn();

    @TempDir
    Path dir;

    private static String withLogsOff(String stack, String extra) {
        return RuleExamples.committed(stack, "  argo-gke:environment: " + stack + "\n",
                "  argo-gke:environment: " + stack + "\n  argo-gke:dataAccessLogs: false\n" + extra);
    }

    @Test
    void theCommittedStacksLogEveryReadAndWriteOfIapStorageAndGke() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void aStackThatTurnsThemOffFailsOncePerService() {
        List<Violation> v = violationsOfOnly(rule.name(), RuleExamples.stack(dir, "dev", withLogsOff("dev", "")));
        assertEquals(List.of(
                AUDIT + " for iap.googleapis.com (project acme-argo-dev)",
                AUDIT + " for storage.googleapis.com (project acme-argo-dev)",
                AUDIT + " for container.googleapis.com (project acme-argo-dev)"), v.stream().map(Violation::resource).toList());
        assertTrue(v.get(0).message().contains("set argo-gke:dataAccessLogs: true, or, where the project's audit config is managed elsewhere, "
                + "waive data-access-logs with that reason"), v.get(0).message());
    }

    /** A central audit config is a legitimate reason, in prod too. */
    @Test
    void prodMayWaiveItWhenItsOrganizationManagesTheAuditConfig() {
        String prod = withLogsOff("prod", "").replace("  argo-gke:waivers:\n", "  argo-gke:waivers:\n"
                + "    - rule: data-access-logs\n"
                + "      reason: the security team sets this project's audit config from the organization's Terraform\n");
        PolicyReport report = Policies.evaluate(RuleExamples.stack(dir, "prod", prod));
        assertTrue(report.passed(), report.render());
        PolicyReport.Outcome outcome = report.outcomes().stream().filter(o -> o.rule().equals(rule.name())).findFirst().orElseThrow();
        assertEquals(PolicyReport.Status.WAIVED, outcome.status());
        assertEquals(3, outcome.violations().size(), "what the waiver lets through");
    }

    @Test
    void aConfigThatLeavesOutOneLogTypeFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), AUDIT, "audit-logs-storage", "auditLogConfigs",
                List.of(Map.of("logType", "ADMIN_READ"), Map.of("logType", "DATA_WRITE")));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(1, v.size(), v.toString());
        assertEquals(AUDIT + " audit-logs-storage", v.get(0).resource());
        assertTrue(v.get(0).message().startsWith("does not log DATA_READ, so who read or wrote the workflows' artifacts"), v.get(0).message());
    }

    @Test
    void anExemptedMemberFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), AUDIT, "audit-logs-container", "auditLogConfigs", List.of(
                Map.of("logType", "ADMIN_READ"),
                Map.of("logType", "DATA_READ", "exemptedMembers", List.of("user:ops@example.com")),
                Map.of("logType", "DATA_WRITE")));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(List.of("DATA_READ exempts [user:ops@example.com], whose reads and writes are then not recorded; remove exemptedMembers"),
                v.stream().map(Violation::message).toList());
    }

    @Test
    void aConfigForAnotherProjectDoesNotCount() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), AUDIT, "audit-logs-iap", "project", "someone-elses-project");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(List.of(AUDIT + " for iap.googleapis.com (project acme-argo-dev)"), v.stream().map(Violation::resource).toList());
    }

    @Test
    void anExistingGkeClusterStillGetsTheProjectsAuditLogs() {
        PolicyInput shared = RuleExamples.stack(dir, "shared", TestSettings.EXISTING_GKE_PROD);
        assertEquals(3, shared.plan().resourcesOfType(AUDIT).size());
        assertEquals(List.of(), rule.check(shared));
    }

    @Test
    void aClusterOutsideGoogleCloudHasNoProjectToLog() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\ncurrent-context: kind-argo\n");
        PolicyInput local = PolicyFixtures.inputOf(TestSettings.stackFile(dir, "local", """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: %s}
                """.formatted(kubeconfig)));
        assertEquals(List.of(), local.plan().resourcesOfType(AUDIT));
        assertEquals(List.of(), rule.check(local));
    }
}
