package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import dev.argogke.testing.Shared;
import dev.argogke.workflows.WorkflowCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each Argo component may do once a committed stack (or {@link PlannedStack#SEPARATE_NAMESPACE})
 * is deployed: the RBAC the chart renders
 * (real Helm, real chart) together with the roles the program creates itself. Each service account
 * is taken from the rendered workload that runs as it, and each need from the upstream component's
 * source at the deployed release (Argo v4.0.6, github.com/argoproj/argo-workflows).
 */
class ArgoChartRbacTest {
    private static final Map<String, Rbac> RBAC = new HashMap<>();

    static List<String> stacks() {
        return PlannedStack.layouts();
    }

    private static RenderedChart rendered(String stack) {
        return PlannedStack.rendered(stack);
    }

    private static synchronized Rbac rbac(String stack) {
        return RBAC.computeIfAbsent(stack, s -> Rbac.of(rendered(s), PlannedStack.of(s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyBindingNamesARoleThatIsCreated(String stack) {
        assertEquals(List.of(), rbac(stack).danglingBindings());
    }

    /**
     * The program deploys ClusterWorkflowTemplates (WorkflowCatalog.DEPLOYABLE_KINDS). The v4.0.6
     * controller watches them only if it may get, list and watch them cluster-wide, checked once at
     * start (workflow/controller/controller.go createClusterWorkflowTemplateInformer,
     * util/rbac/rbac.go HasAccessToClusterWorkflowTemplates); without it every workflow that
     * references one fails.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theControllerCanReadClusterWorkflowTemplates(String stack) {
        assertTrue(WorkflowCatalog.DEPLOYABLE_KINDS.contains("ClusterWorkflowTemplate"));
        String[] controller = runsAs(ArgoChartRenderTest.controllerDeployment(rendered(stack)), rendered(stack));
        for (String verb : List.of("get", "list", "watch")) {
            assertTrue(rbac(stack).can(controller[0], controller[1], verb, "argoproj.io", "clusterworkflowtemplates", null),
                    "the controller (" + controller[0] + "/" + controller[1] + ") cannot " + verb + " clusterworkflowtemplates");
        }
    }

    /** The controller's own needs in the workflows namespace (the chart's controller role, templates/controller/workflow-controller-cluster-roles.yaml). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theControllerRunsWorkflowPodsInTheWorkflowsNamespace(String stack) {
        String ns = ArgoChartRenderTest.workflowsNamespace(PlannedStack.of(stack));
        String[] controller = runsAs(ArgoChartRenderTest.controllerDeployment(rendered(stack)), rendered(stack));
        List<String> missing = missing(stack, controller, ns, List.of(
                "create pods", "delete pods", "watch pods", "update argoproj.io/workflows", "watch argoproj.io/workflows",
                "update argoproj.io/cronworkflows", "get argoproj.io/workflowtemplates", "watch argoproj.io/workflowtaskresults",
                "deletecollection argoproj.io/workflowtaskresults", "create events", "get configmaps"));
        assertEquals(List.of(), missing, "the controller lacks these in " + ns);
    }

    /**
     * The "workflows in their own namespace without giving the controller cluster-wide
     * rights": outside the workflows namespace and its own, the controller may do nothing but read
     * ClusterWorkflowTemplates. Evaluated like the API server's RBAC authorizer over everything the
     * chart renders and the program creates.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theControllerHasNoRightsInOtherNamespaces(String stack) {
        String[] controller = runsAs(ArgoChartRenderTest.controllerDeployment(rendered(stack)), rendered(stack));
        List<String> found = new ArrayList<>();
        for (String namespace : List.of("default", "kube-system", "some-team")) {
            for (String need : List.of("create pods", "list pods", "update argoproj.io/workflows", "get secrets", "get configmaps",
                    "create argoproj.io/cronworkflows", "get argoproj.io/workflowtemplates")) {
                if (missing(stack, controller, namespace, List.of(need)).isEmpty()) {
                    found.add(need + " in " + namespace);
                }
            }
        }
        assertEquals(List.of(), found, "the controller (" + controller[0] + "/" + controller[1] + ") may");
    }

    /**
     * In the workflows namespace the controller gets exactly the rules the chart gives it in its own
     * namespace (the chart's controller Role, rendered by real Helm), less those a Role cannot or
     * need not carry there: namespaces (cluster-scoped) and its leader-election leases (taken in its
     * own namespace).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theControllersWorkflowsNamespaceRoleIsTheChartsRole(String stack) {
        RenderedChart chart = rendered(stack);
        Map<String, Object> chartRole = chart.one("Role", chart.namespace(), "argo-workflow-controller");
        List<String> expected = new ArrayList<>();
        for (Object rule : Doc.list(chartRole, "rules")) {
            Map<?, ?> r = (Map<?, ?>) rule;
            List<?> resources = new ArrayList<>((List<?>) r.get("resources"));
            resources.remove("namespaces");
            if (!resources.isEmpty() && !resources.equals(List.of("leases"))) {
                expected.add(r.get("apiGroups") + " " + resources + " " + r.get("verbs") + " " + r.get("resourceNames"));
            }
        }
        Map<?, ?> ours = PlannedStack.of(stack).ofType("kubernetes:rbac.authorization.k8s.io/v1:Role").stream()
                .map(PlanFile.Resource::inputs).filter(role -> ControllerRbac.WORKFLOWS_ROLE.equals(Doc.text(role, "metadata.name")))
                .findFirst().orElseThrow();
        List<String> actual = new ArrayList<>();
        for (Object rule : Doc.list(ours, "rules")) {
            Map<?, ?> r = (Map<?, ?>) rule;
            actual.add(r.get("apiGroups") + " " + r.get("resources") + " " + r.get("verbs") + " " + r.get("resourceNames"));
        }
        assertEquals(expected, actual);
    }

    /** The executor's minimum (Argo v4.0.6 docs/workflow-rbac.md, "For >= v3.4"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void workflowPodsCanReportTheirResults(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        String ns = ArgoChartRenderTest.workflowsNamespace(planned);
        String sa = (String) Doc.at(ArgoChartRenderTest.controllerConfig(rendered(stack)), "workflowDefaults.spec.serviceAccountName");
        assertEquals(List.of(), missing(stack, new String[] {ns, sa}, ns,
                List.of("create argoproj.io/workflowtaskresults", "patch argoproj.io/workflowtaskresults")));
    }

    /**
     * What the UI does as argo-server's account (server auth mode), each from v4.0.6's server
     * sources: listing and following workflows and their logs and events (server/workflow/
     * workflow_server.go, util/logs/workflow-logger.go), submitting from a WorkflowTemplate or a
     * CronWorkflow, retrying (deletes the rerun steps' pods), suspending and resuming a CronWorkflow
     * (server/cronworkflow), reading its configuration ConfigMap and ClusterWorkflowTemplates.
     * Submitting from a CronWorkflow gives the Workflow an owner reference with blockOwnerDeletion
     * (workflow/common/convert.go, metav1.NewControllerRef), which needs update on
     * cronworkflows/finalizers where the OwnerReferencesPermissionEnforcement admission plugin runs;
     * upstream's argo-server role grants it for that reason (commit 4825b7ec76, "allow submitting
     * cronworkflows from UI").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void argoServerCanDoWhatTheUiDoes(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        String ns = ArgoChartRenderTest.workflowsNamespace(planned);
        String[] server = runsAs(ArgoChartRenderTest.serverDeployment(planned, rendered(stack)), rendered(stack));
        List<String> missing = missing(stack, server, ns, List.of(
                "list argoproj.io/workflows", "watch argoproj.io/workflows", "create argoproj.io/workflows",
                "update argoproj.io/workflows", "delete argoproj.io/workflows",
                "get argoproj.io/workflowtemplates", "list argoproj.io/workflowtemplates",
                "get argoproj.io/cronworkflows", "list argoproj.io/cronworkflows", "update argoproj.io/cronworkflows",
                "update argoproj.io/cronworkflows/finalizers",
                "list pods", "watch pods", "delete pods", "get pods/log", "list events", "watch events"));
        missing.addAll(missing(stack, server, server[0], List.of("get configmaps")));
        if (!rbac(stack).can(server[0], server[1], "list", "argoproj.io", "clusterworkflowtemplates", null)) {
            missing.add("list argoproj.io/clusterworkflowtemplates (cluster-wide)");
        }
        assertEquals(List.of(), missing, "argo-server (" + server[0] + "/" + server[1] + ") lacks these");
    }

    /** No Argo account reads Secrets broadly (least-privilege policy; argo-server and the controller need none here). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void noArgoAccountReadsSecrets(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        String ns = ArgoChartRenderTest.workflowsNamespace(planned);
        List<String[]> accounts = List.of(
                runsAs(ArgoChartRenderTest.serverDeployment(planned, rendered(stack)), rendered(stack)),
                runsAs(ArgoChartRenderTest.controllerDeployment(rendered(stack)), rendered(stack)),
                new String[] {ns, (String) Doc.at(ArgoChartRenderTest.controllerConfig(rendered(stack)), "workflowDefaults.spec.serviceAccountName")});
        for (String[] account : accounts) {
            for (String verb : List.of("get", "list", "watch")) {
                assertFalse(rbac(stack).can(account[0], account[1], verb, "", "secrets", ns),
                        account[0] + "/" + account[1] + " may " + verb + " every Secret in " + ns);
            }
        }
    }

    /** {namespace, name} of the service account a rendered Deployment's pods run as. */
    private static String[] runsAs(Map<String, Object> deployment, RenderedChart chart) {
        return new String[] {chart.namespaceOf(deployment), (String) Doc.at(deployment, "spec.template.spec.serviceAccountName")};
    }

    /** The needs ("verb group/resource", core group without a prefix) the account lacks in {@code namespace}. */
    private static List<String> missing(String stack, String[] account, String namespace, List<String> needs) {
        List<String> out = new ArrayList<>();
        for (String need : needs) {
            String verb = need.substring(0, need.indexOf(' '));
            String target = need.substring(need.indexOf(' ') + 1);
            String group = target.contains(".io/") ? target.substring(0, target.indexOf('/')) : "";
            String resource = group.isEmpty() ? target : target.substring(group.length() + 1);
            if (!rbac(stack).can(account[0], account[1], verb, group, resource, namespace)) {
                out.add(need);
            }
        }
        return out;
    }
}
