package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.edge.Edge;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** argo-server's own permissions: what everyone IAP lets in acts with, in server auth mode. */
class ServerRbacTest {
    private static final String ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
    private static final String CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

    @TempDir
    Path dir;

    private static Registered serverRole(MockCloud.Result r) {
        return r.named(ROLE, "argo-server-rbac-workflows");
    }

    private static MockCloud.Result run(Settings s) {
        return MockCloud.run(s.stack(), Map.of(), Set.of(), ctx -> new ArgoWorkflows("argo", new ArgoWorkflows.Args(
                s.gcp(), s.stack(), false, s.argo(), s.workflows(), Optional.empty(),
                Edge.serverService(Output.of(MockCloud.PROJECT_NUMBER))), null));
    }

    private Settings devWithWorkflowsNamespace(String namespace) {
        return SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev",
                TestSettings.devWith("  argo-gke:workflows:\n", "  argo-gke:workflows:\n    namespace: " + namespace + "\n")));
    }

    private static List<Map<?, ?>> rules(Registered role) {
        return ((List<?>) role.input("rules")).stream().<Map<?, ?>>map(r -> (Map<?, ?>) r).toList();
    }

    private static List<?> verbsOn(Registered role, String resource) {
        return rules(role).stream().filter(r -> ((List<?>) r.get("resources")).contains(resource))
                .flatMap(r -> ((List<?>) r.get("verbs")).stream()).toList();
    }

    @Test
    void theChartsServerRoleIsReplacedByOneThatReadsNoSecret() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        assertEquals(Map.of("create", false), r.one("kubernetes:helm.sh/v3:Release").input("values.server.rbac"));
        Registered role = serverRole(r);
        assertEquals("argo-workflows", role.string("metadata.namespace"));
        for (Map<?, ?> rule : rules(role)) {
            assertFalse(((List<?>) rule.get("resources")).contains("secrets"), "rule " + rule);
            assertFalse(((List<?>) rule.get("resources")).contains("*"), "rule " + rule);
        }
        for (Registered clusterRole : List.of(r.named(CLUSTER_ROLE, "argo-server-rbac-cluster-templates"))) {
            assertEquals(List.of("clusterworkflowtemplates"), clusterRole.input("rules[0].resources"));
            assertEquals(List.of("get", "list", "watch"), clusterRole.input("rules[0].verbs"));
            assertEquals(1, rules(clusterRole).size());
        }
    }

    @Test
    void theRoleIsBoundToArgoServersServiceAccount() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        Registered binding = r.named("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "argo-server-rbac-workflows");
        assertEquals(serverRole(r).string("metadata.name"), binding.string("roleRef.name"));
        assertEquals("ServiceAccount", binding.string("subjects[0].kind"));
        assertEquals("argo-server", binding.string("subjects[0].name"));
        assertEquals("argo", binding.string("subjects[0].namespace"));
    }

    @Test
    void uiCanRunRetryAndStopWorkflowsAndPauseSchedulesButNotEditTemplates() {
        Registered role = serverRole(run(TestSettings.of("dev")));
        assertTrue(verbsOn(role, "workflows").containsAll(List.of("create", "update", "patch", "delete")));
        assertTrue(verbsOn(role, "pods").contains("delete"), "a retry deletes the pods of the steps it reruns");
        assertTrue(verbsOn(role, "cronworkflows").containsAll(List.of("update", "patch")));
        assertFalse(verbsOn(role, "cronworkflows").contains("create"));
        assertEquals(List.of("get", "list", "watch"), verbsOn(role, "workflowtemplates"));
        assertTrue(verbsOn(role, "pods/log").contains("get"));
    }

    @Test
    void uiCanSubmitFromACronWorkflowWhoseRunItOwns() {
        // The Workflow gets a blockOwnerDeletion owner reference to the CronWorkflow (Argo v4.0.6 workflow/common/convert.go).
        Registered role = serverRole(run(TestSettings.of("dev")));
        assertEquals(List.of("update"), verbsOn(role, "cronworkflows/finalizers"));
    }

    @Test
    void workflowsInTheirOwnNamespaceKeepArgoServerNamespacedWithoutClusterWideRoles() {
        MockCloud.Result r = run(devWithWorkflowsNamespace("jobs"));
        Registered release = r.one("kubernetes:helm.sh/v3:Release");
        // --namespaced comes from the chart (singleNamespace), --managed-namespace from the program.
        assertEquals(Boolean.TRUE, release.input("values.singleNamespace"));
        assertEquals(List.of("--auth-mode=server", "--managed-namespace=jobs"), release.input("values.server.extraArgs"));
        Map<String, Registered> roles = new HashMap<>();
        r.ofType(ROLE).stream().filter(role -> role.string("metadata.name").equals(ServerRbac.ROLE))
                .forEach(role -> roles.put(role.string("metadata.namespace"), role));
        assertEquals(Set.of("argo", "jobs"), roles.keySet());
        assertTrue(verbsOn(roles.get("jobs"), "workflows").contains("create"));
        assertEquals(List.of("configmaps"), roles.get("argo").input("rules[0].resources"), "only its configuration in its own namespace");
        assertEquals(1, rules(roles.get("argo")).size());
        for (Registered binding : r.ofType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")) {
            if (binding.string("metadata.name").equals(ServerRbac.ROLE)) {
                assertEquals("argo", binding.string("subjects[0].namespace"));
            }
        }
    }
}
