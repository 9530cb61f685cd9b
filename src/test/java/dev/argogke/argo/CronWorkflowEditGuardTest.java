package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.edge.Edge;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.Shared;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Argo UI (argo-server's service account) may suspend and resume CronWorkflows and change
 * nothing else. What the rule does to real requests is proven by the end-to-end tier against a
 * real API server (e2e/scenario.sh, deploy); these tests pin the objects' shape.
 */
class CronWorkflowEditGuardTest {
    private static final String POLICY = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
    private static final String BINDING = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding";

    @TempDir
    Path dir;

    private static MockCloud.Result run(Settings s) {
        return MockCloud.run(s.stack(), Map.of(), Set.of(), ctx -> new ArgoWorkflows("argo", new ArgoWorkflows.Args(
                s.gcp(), s.stack(), false, s.argo(), s.workflows(), Optional.empty(),
                Edge.serverService(Output.of(MockCloud.PROJECT_NUMBER))), null));
    }

    /** Workflows in {@code jobs}, argo-server in {@code argo}: the two must not be confused. */
    private MockCloud.Result runWithWorkflowsIn(String namespace) {
        return run(SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev",
                TestSettings.devWith("  argo-gke:workflows:\n", "  argo-gke:workflows:\n    namespace: " + namespace + "\n"))));
    }

    @Test
    void onlyRequestsOfTheAccountArgoServersRoleIsBoundToAreJudged() {
        MockCloud.Result r = runWithWorkflowsIn("jobs");
        Registered policy = r.one(POLICY);
        // The API server names a service account's requests system:serviceaccount:<namespace>:<name>
        // (Kubernetes docs, "Service Accounts"); the account is the one ServerRbac grants update to.
        Registered serverBinding = r.ofType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").stream()
                .filter(b -> "jobs".equals(b.string("metadata.namespace")) && ServerRbac.ROLE.equals(b.string("roleRef.name")))
                .findFirst().orElseThrow();
        String user = "system:serviceaccount:" + serverBinding.string("subjects[0].namespace") + ":" + serverBinding.string("subjects[0].name");
        assertEquals("system:serviceaccount:argo:argo-server", user);
        assertEquals("request.userInfo.username == '" + user + "'", policy.string("spec.matchConditions[0].expression"));
        assertEquals(1, ((List<?>) policy.input("spec.matchConditions")).size());
    }

    @Test
    void updatesOfCronWorkflowsInTheWorkflowsNamespaceAreJudged() {
        MockCloud.Result r = runWithWorkflowsIn("jobs");
        Registered policy = r.one(POLICY);
        assertEquals(List.of("argoproj.io"), policy.input("spec.matchConstraints.resourceRules[0].apiGroups"));
        assertEquals(List.of("cronworkflows"), policy.input("spec.matchConstraints.resourceRules[0].resources"));
        assertEquals(List.of("UPDATE"), policy.input("spec.matchConstraints.resourceRules[0].operations"));
        Registered binding = r.one(BINDING);
        assertEquals(policy.string("metadata.name"), binding.string("spec.policyName"));
        assertEquals(Map.of("kubernetes.io/metadata.name", "jobs"), binding.input("spec.matchResources.namespaceSelector.matchLabels"));
    }

    @Test
    void aChangeBeyondSuspendIsRefusedAndAnErrorInTheRuleRefusesToo() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        assertEquals(List.of("Deny"), r.one(BINDING).input("spec.validationActions"));
        Registered policy = r.one(POLICY);
        assertEquals("Fail", policy.string("spec.failurePolicy"));
        assertEquals("Forbidden", policy.string("spec.validations[0].reason"));
        assertEquals("variables.changes.size() == 0", policy.string("spec.validations[0].expression"));
    }

    @Test
    void theRefusalTellsTheUserToChangeTheRepositoryAndDeploy() {
        Registered policy = run(TestSettings.of("dev")).one(POLICY);
        String message = policy.string("spec.validations[0].message");
        assertEquals("change CronWorkflows in workflows/ and deploy; the Argo UI may only suspend or resume them", message);
        String expression = policy.string("spec.validations[0].messageExpression");
        assertTrue(expression.contains(message), expression);
        assertTrue(expression.contains("object.metadata.name"), "names the CronWorkflow: " + expression);
    }

    @Test
    void onlyWhatArgoServersSuspendAndResumeChangeMayChange() {
        // Argo v4.0.7 server/cronworkflow/cron_workflow_server.go, setCronWorkflowSuspend: a JSON merge
        // patch {"spec":{"suspend":<bool>}}; the API server adds resourceVersion, generation and managedFields.
        assertEquals(List.of("suspend"), CronWorkflowEditGuard.SPEC_MAY_CHANGE);
        assertEquals(Set.of("resourceVersion", "generation", "managedFields"), Set.copyOf(CronWorkflowEditGuard.METADATA_MAY_CHANGE));
        String variables = run(TestSettings.of("dev")).one(POLICY).input("spec.variables").toString();
        for (String part : List.of("object.spec", "object.metadata", "dyn(object)")) {
            assertTrue(variables.contains(part), "compares " + part + ": " + variables);
        }
    }

    @Test
    void suspendIsABooleanOfTheChartsCronWorkflowSpecInTheVersionTheRuleIsCheckedAgainst() throws IOException {
        Path crd = Shared.argoChart().resolve("files/crds/full/argoproj.io_cronworkflows.yaml");
        Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(crd));
        List<?> versions = (List<?>) ((Map<?, ?>) doc.get("spec")).get("versions");
        assertEquals(1, versions.size(), "a second CRD version: check which one the policy should be type-checked against");
        Map<?, ?> version = (Map<?, ?>) versions.get(0);
        assertEquals(CronWorkflowEditGuard.CRON_WORKFLOW_VERSION, version.get("name"));
        Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema"))
                .get("properties")).get("spec");
        Map<?, ?> suspend = (Map<?, ?>) ((Map<?, ?>) spec.get("properties")).get("suspend");
        assertEquals("boolean", suspend.get("type"));
    }

    @Test
    void aWorkflowsFolderThatWouldBreakTheCelStringIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CronWorkflowEditGuard.Args("argo", "argo", "argo-server", "it's"));
    }
}
