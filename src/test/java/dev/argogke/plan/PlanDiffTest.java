package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    static final Path FIXTURES = Path.of("src/test/resources/plan");
    static final String POOL = "gcp:container/nodePool:NodePool";
    static final String CRON = "kubernetes:argoproj.io/v1alpha1:CronWorkflow";

    /** A plan holding one resource of {@code type} named {@code name} with these inputs. */
    static PlanFile one(String type, String name, Map<String, ?> inputs) {
        return PlanFile.builder("argo-gke", "dev")
                .resource("urn:pulumi:dev::argo-gke::" + type + "::" + name, type, name, null, null, true, inputs).build();
    }

    static PlanDiff.ResourceChange onlyChange(PlanDiff d) {
        assertEquals(1, d.resources().size(), d.resources().toString());
        return d.resources().get(0);
    }

    static PropertyChange change(PlanDiff.ResourceChange c, String path) {
        return c.changes().stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no change at " + path + " in " + c.changes()));
    }

    @Test
    void nestedMapsReportEachChangedLeafAtItsPath() {
        PlanDiff d = PlanDiff.of(
                one(POOL, "pool", Map.of("autoscaling", Map.of("minNodeCount", 1, "maxNodeCount", 3),
                        "nodeConfig", Map.of("labels", Map.of("team", "data", "tier", "dev")))),
                one(POOL, "pool", Map.of("autoscaling", Map.of("minNodeCount", 1, "maxNodeCount", 5),
                        "nodeConfig", Map.of("labels", Map.of("team", "data", "env", "dev")))));
        PlanDiff.ResourceChange c = onlyChange(d);
        assertEquals(PlanDiff.Action.UPDATE, c.action());
        assertEquals(List.of("autoscaling.maxNodeCount", "nodeConfig.labels.env", "nodeConfig.labels.tier"),
                c.changes().stream().map(PropertyChange::path).toList());
        assertEquals(3L, change(c, "autoscaling.maxNodeCount").before());
        assertEquals(5L, change(c, "autoscaling.maxNodeCount").after());
        assertEquals(PropertyChange.Kind.ADDED, change(c, "nodeConfig.labels.env").kind());
        assertEquals(PropertyChange.Kind.REMOVED, change(c, "nodeConfig.labels.tier").kind());
    }

    @Test
    void keysThatAreNotIdentifiersAreQuotedInThePath() {
        PlanDiff d = PlanDiff.of(
                one("kubernetes:networking.k8s.io/v1:Ingress", "argo", Map.of("metadata", Map.of("annotations",
                        Map.of("kubernetes.io/ingress.class", "gce")))),
                one("kubernetes:networking.k8s.io/v1:Ingress", "argo", Map.of("metadata", Map.of("annotations",
                        Map.of("kubernetes.io/ingress.class", "gce-internal")))));
        assertEquals("metadata.annotations[\"kubernetes.io/ingress.class\"]", onlyChange(d).changes().get(0).path());
    }

    private static Map<String, Object> podSpec(List<Map<String, Object>> containers) {
        return Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "p"), "spec", Map.of("containers", containers));
    }

    @Test
    void containersAndEnvAreMatchedByNameNotPosition() {
        Map<String, Object> app = Map.of("name", "app", "image", "app:1",
                "env", List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")));
        Map<String, Object> sidecar = Map.of("name", "proxy", "image", "proxy:1");
        Map<String, Object> appAfter = Map.of("name", "app", "image", "app:1",
                "env", List.of(Map.of("name", "B", "value", "3"), Map.of("name", "A", "value", "1")));
        PlanDiff d = PlanDiff.of(one("kubernetes:core/v1:Pod", "p", podSpec(List.of(app, sidecar))),
                one("kubernetes:core/v1:Pod", "p", podSpec(List.of(sidecar, appAfter))));
        PlanDiff.ResourceChange c = onlyChange(d);
        assertEquals(List.of("spec.containers[name=app].env[name=B].value"), c.changes().stream().map(PropertyChange::path).toList());
        assertEquals("2", c.changes().get(0).before());
        assertEquals("3", c.changes().get(0).after());
    }

    @Test
    void volumeMountsAreMatchedByMountPathAsKubernetesDoes() {
        Map<String, Object> before = Map.of("name", "app", "volumeMounts", List.of(
                Map.of("name", "data", "mountPath", "/in", "readOnly", true), Map.of("name", "data", "mountPath", "/out")));
        Map<String, Object> after = Map.of("name", "app", "volumeMounts", List.of(
                Map.of("name", "data", "mountPath", "/out"), Map.of("name", "data", "mountPath", "/in", "readOnly", false)));
        PlanDiff.ResourceChange c = onlyChange(PlanDiff.of(one("kubernetes:core/v1:Pod", "p", podSpec(List.of(before))),
                one("kubernetes:core/v1:Pod", "p", podSpec(List.of(after)))));
        assertEquals(List.of("spec.containers[name=app].volumeMounts[mountPath=/in].readOnly"),
                c.changes().stream().map(PropertyChange::path).toList());
    }

    @Test
    void listsWithoutAKeyAreComparedByIndex() {
        PlanDiff.ResourceChange c = onlyChange(PlanDiff.of(
                one(POOL, "pool", Map.of("nodeConfig", Map.of("taints", List.of(Map.of("key", "a", "effect", "NO_SCHEDULE"))))),
                one(POOL, "pool", Map.of("nodeConfig", Map.of("taints", List.of(Map.of("key", "a", "effect", "NO_EXECUTE"),
                        Map.of("key", "b", "effect", "NO_SCHEDULE")))))));
        assertEquals(List.of("nodeConfig.taints[0].effect", "nodeConfig.taints[1]"),
                c.changes().stream().map(PropertyChange::path).toList());
        assertEquals(PropertyChange.Kind.ADDED, c.changes().get(1).kind());
    }

    @Test
    void aNodePoolMachineTypeChangeReplacesThePoolAndSaysWhy() {
        PlanDiff d = PlanDiff.of(
                one(POOL, "pool", Map.of("nodeConfig", Map.of("machineType", "e2-medium", "labels", Map.of("a", "1")))),
                one(POOL, "pool", Map.of("nodeConfig", Map.of("machineType", "e2-standard-2", "labels", Map.of("a", "2")))));
        PlanDiff.ResourceChange c = onlyChange(d);
        assertEquals(PlanDiff.Action.REPLACE, c.action());
        assertEquals(List.of("nodeConfig.machineType"), c.replacedBy());
        assertFalse(change(c, "nodeConfig.labels.a").replaces(), "labels update in place");
        String text = DiffReport.text(d);
        assertTrue(text.contains("+- gcp:container/nodePool:NodePool pool  (replace: nodeConfig.machineType)"), text);
        assertTrue(text.contains("nodeConfig.machineType: \"e2-medium\" → \"e2-standard-2\"  [forces replacement]"), text);
        assertTrue(DiffReport.markdown(d).contains("| **replace** | `pool` | `gcp:container/nodePool:NodePool` | `nodeConfig.machineType` |"));
    }

    @Test
    void aNodePoolSizeChangeIsAnUpdate() {
        PlanDiff d = PlanDiff.of(one(POOL, "pool", Map.of("autoscaling", Map.of("maxNodeCount", 3))),
                one(POOL, "pool", Map.of("autoscaling", Map.of("maxNodeCount", 6))));
        assertEquals(PlanDiff.Action.UPDATE, onlyChange(d).action());
    }

    @Test
    void moreReplacementsFollowTheTable() {
        assertEquals(PlanDiff.Action.REPLACE, onlyChange(PlanDiff.of(
                one("gcp:container/cluster:Cluster", "c", Map.of("location", "us-central1-a")),
                one("gcp:container/cluster:Cluster", "c", Map.of("location", "us-central1")))).action());
        assertEquals(PlanDiff.Action.REPLACE, onlyChange(PlanDiff.of(
                one("gcp:container/cluster:Cluster", "c", Map.of("name", "c")),
                one("gcp:container/cluster:Cluster", "c", Map.of("name", "c", "privateClusterConfig",
                        Map.of("enablePrivateNodes", true))))).action(), "adding private nodes re-creates the cluster");
        assertEquals(PlanDiff.Action.UPDATE, onlyChange(PlanDiff.of(
                one("gcp:container/cluster:Cluster", "c", Map.of("releaseChannel", Map.of("channel", "REGULAR"))),
                one("gcp:container/cluster:Cluster", "c", Map.of("releaseChannel", Map.of("channel", "STABLE"))))).action());
        assertEquals(PlanDiff.Action.REPLACE, onlyChange(PlanDiff.of(
                one(CRON, "job", Map.of("metadata", Map.of("name", "job", "namespace", "argo"))),
                one(CRON, "job", Map.of("metadata", Map.of("name", "job", "namespace", "etl"))))).action());
        assertEquals(PlanDiff.Action.REPLACE, onlyChange(PlanDiff.of(
                one("gcp:storage/bucket:Bucket", "b", Map.of("location", "US")),
                one("gcp:storage/bucket:Bucket", "b", Map.of("location", "EU")))).action());
        assertEquals(PlanDiff.Action.UPDATE, onlyChange(PlanDiff.of(
                one("gcp:storage/bucket:Bucket", "b", Map.of("storageClass", "STANDARD")),
                one("gcp:storage/bucket:Bucket", "b", Map.of("storageClass", "NEARLINE")))).action());
    }

    @Test
    void turningOnDataplaneV2ReCreatesTheCluster() {
        assertEquals(PlanDiff.Action.REPLACE, onlyChange(PlanDiff.of(
                one("gcp:container/cluster:Cluster", "c", Map.of("name", "c")),
                one("gcp:container/cluster:Cluster", "c", Map.of("name", "c", "datapathProvider", "ADVANCED_DATAPATH")))).action());
    }

    @Test
    void componentResourcesAreNotListedOnlyTheirChildren() {
        PlanFile base = PlanFile.builder("argo-gke", "dev").build();
        PlanFile head = PlanFile.builder("argo-gke", "dev")
                .resource("urn:edge", "argo-gke:edge:Edge", "edge", null, null, false, Map.of())
                .resource("urn:ip", "gcp:compute/globalAddress:GlobalAddress", "edge-ip", "urn:edge", null, true, Map.of("name", "ip"))
                .build();
        PlanDiff.ResourceChange c = onlyChange(PlanDiff.of(base, head));
        assertEquals("gcp:compute/globalAddress:GlobalAddress", c.type());
    }

    @Test
    void movingAResourceToAnotherProviderReplacesIt() {
        PlanFile base = PlanFile.builder("argo-gke", "dev").resource("urn:ns", "kubernetes:core/v1:Namespace", "argo", null,
                "urn:provider-a", true, Map.of()).build();
        PlanFile head = PlanFile.builder("argo-gke", "dev").resource("urn:ns", "kubernetes:core/v1:Namespace", "argo", null,
                "urn:provider-b", true, Map.of()).build();
        PlanDiff.ResourceChange c = onlyChange(PlanDiff.of(base, head));
        assertEquals(PlanDiff.Action.REPLACE, c.action());
        assertEquals(List.of("(provider)"), c.replacedBy());
    }

    @Test
    void secretsAreNeverShownAndAChangedSecretCannotBeSeen() {
        PlanDiff d = PlanDiff.of(
                one("pulumi:providers:kubernetes", "k8s", Map.of("kubeconfig", PlanValues.secret(), "context", "a")),
                one("pulumi:providers:kubernetes", "k8s", Map.of("kubeconfig", PlanValues.secret(), "context", "b")));
        PlanDiff.ResourceChange c = onlyChange(d);
        assertEquals(PropertyChange.Kind.SECRET_NOT_COMPARED, change(c, "kubeconfig").kind());
        assertNull(change(c, "kubeconfig").before());
        assertTrue(DiffReport.text(d).contains("kubeconfig: secret (not compared)"), DiffReport.text(d));
        assertTrue(DiffReport.markdown(d).contains("| `kubeconfig` | secret (not compared) |  |"), DiffReport.markdown(d));
        assertTrue(DiffReport.json(d).contains("\"kind\" : \"secret (not compared)\""), DiffReport.json(d));
    }

    @Test
    void aValueThatBecomesSecretShowsOnlyThatItIsSecret() {
        PlanDiff d = PlanDiff.of(one("kubernetes:core/v1:Secret", "oauth", Map.of("stringData", Map.of("id", "client-123"))),
                one("kubernetes:core/v1:Secret", "oauth", Map.of("stringData", Map.of("id", PlanValues.secret()))));
        String text = DiffReport.text(d);
        assertTrue(text.contains("stringData.id: \"client-123\" → (secret)"), text);
        assertFalse(text.contains("redacted"), text);
    }

    @Test
    void aPlanWithOnlySecretsOnBothSidesHasNoChangesInOneLine() {
        PlanFile p = one("pulumi:providers:kubernetes", "k8s", Map.of("kubeconfig", PlanValues.secret()));
        PlanDiff d = PlanDiff.of(p, p);
        assertTrue(d.isEmpty());
        assertEquals("No changes (1 secret value not compared: plans never hold secrets).\n", DiffReport.text(d));
    }

    @Test
    void unknownValuesShowAsKnownAfterDeploy() {
        PlanDiff d = PlanDiff.of(one("gcp:dns/recordSet:RecordSet", "a", Map.of("rrdatas", List.of("34.1.2.3"), "ttl", 300)),
                one("gcp:dns/recordSet:RecordSet", "a", Map.of("rrdatas", List.of(PlanValues.unknown()), "ttl", 300)));
        assertTrue(DiffReport.text(d).contains("rrdatas: [\"34.1.2.3\"] → [(known after deploy)]"), DiffReport.text(d));
        PlanFile unknownBoth = one("gcp:dns/recordSet:RecordSet", "a", Map.of("rrdatas", List.of(PlanValues.unknown())));
        assertTrue(PlanDiff.of(unknownBoth, unknownBoth).isEmpty(), "two unknowns are not a change");
    }

    @Test
    void identicalPlansSayNoChangesInOneLine() {
        PlanFile p = one(POOL, "pool", Map.of("autoscaling", Map.of("maxNodeCount", 3)));
        PlanDiff d = PlanDiff.of(p, p);
        assertEquals("No changes.\n", DiffReport.text(d));
        assertEquals("### Stack `dev`\n\nNo changes.\n", DiffReport.markdown(d));
    }

    @Test
    void plansOfTwoStacksAreNotCompared() {
        PlanFile dev = PlanFile.builder("argo-gke", "dev").build();
        PlanFile prod = PlanFile.builder("argo-gke", "prod").build();
        UserError e = assertThrows(UserError.class, () -> PlanDiff.of(dev, prod));
        assertEquals("the base plan is of stack 'dev' and the head plan of stack 'prod': compare two plans of the same stack",
                e.getMessage());
    }

    // ---- workflows (fixtures: dev-base → dev-head; src/test/resources/plan/README.md says what changes) ----

    static PlanDiff fixtureDiff() {
        return PlanDiff.of(PlanFile.read(FIXTURES.resolve("dev-base.json")), PlanFile.read(FIXTURES.resolve("dev-head.json")));
    }

    /** The change of the CronWorkflow {@code name}. */
    static PlanDiff.WorkflowChange workflow(PlanDiff d, String name) {
        return workflow(d, "CronWorkflow", name);
    }

    static PlanDiff.WorkflowChange workflow(PlanDiff d, String kind, String name) {
        return d.workflows().stream().filter(w -> w.kind().equals(kind) && w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workflow change for " + kind + " " + name));
    }

    @Test
    void anAddedAndARemovedCronWorkflowAreDescribedInWords() {
        PlanDiff d = fixtureDiff();
        PlanDiff.WorkflowChange added = workflow(d, "weekday-digest");
        assertEquals(PlanDiff.Action.CREATE, added.action());
        // "0 6 * * MON-FRI", Forbid, and dev suspends every schedule.
        assertEquals(List.of("new: runs at 06:00 on Monday to Friday (Europe/Oslo); skips a run while the previous one is"
                + " still running; suspended"), added.words());
        PlanDiff.WorkflowChange removed = workflow(d, "employee-directory-sync");
        assertEquals(PlanDiff.Action.DELETE, removed.action());
        // "30 5 * * *", Replace.
        assertEquals(List.of("removed: ran at 05:30 every day (Europe/Oslo); a new run stops the one still running; suspended"),
                removed.words());
        String md = DiffReport.markdown(d);
        assertTrue(md.contains("| create | `workflows-cronworkflow-weekday-digest` | `kubernetes:argoproj.io/v1alpha1:CronWorkflow` |"), md);
        assertTrue(md.contains("| delete | `workflows-cronworkflow-employee-directory-sync` | `kubernetes:argoproj.io/v1alpha1:CronWorkflow` |"), md);
    }

    @Test
    void aScheduleChangeIsSaidInWords() {
        PlanDiff.WorkflowChange w = workflow(fixtureDiff(), "nightly-reports");
        assertEquals("runs at 03:00 every day (Europe/Oslo) instead of 02:00", w.words().get(0));
    }

    @Test
    void aDagChangeShowsMermaidBeforeAndAfterInTheMarkdown() {
        PlanDiff d = fixtureDiff();
        // The steps live in the WorkflowTemplate the CronWorkflow runs (templateReferencing: Strict).
        PlanDiff.WorkflowChange w = workflow(d, "WorkflowTemplate", "nightly-reports");
        assertTrue(w.shapeChanged());
        String md = DiffReport.markdown(d);
        String section = md.substring(md.indexOf("**WorkflowTemplate** `nightly-reports`"));
        int before = section.indexOf("Before:\n\n```mermaid\nflowchart TD\n");
        int after = section.indexOf("After:\n\n```mermaid\nflowchart TD\n");
        assertTrue(before > 0 && after > before, section);
        String beforeChart = section.substring(before, after);
        String afterChart = section.substring(after, section.indexOf("```\n", after + 20));
        assertFalse(beforeChart.contains("load-firebase"), beforeChart);
        assertTrue(afterChart.contains("n_nightly__load_firebase[\"load-firebase<br/>ref: etl-step/run\"]"), afterChart);
        assertTrue(afterChart.contains("n_nightly__extract_jira --> n_nightly__load_firebase"), afterChart);
        assertTrue(section.contains("- step added: load-firebase"), section);
        assertTrue(section.contains("- new dependencies: extract-jira → load-firebase"), section);
    }

    @Test
    void aWorkflowTemplateWhoseShapeDidNotChangeIsNotInTheWorkflowSection() {
        PlanDiff d = fixtureDiff();
        assertTrue(d.workflows().stream().noneMatch(w -> w.name().equals("etl-step")), "only the retry limit changed");
        PlanDiff.ResourceChange c = d.resources().stream().filter(r -> r.name().equals("workflows-workflowtemplate-etl-step"))
                .findFirst().orElseThrow();
        assertEquals(List.of("spec.templates[name=run].retryStrategy.limit"), c.changes().stream().map(PropertyChange::path).toList());
    }

    @Test
    void theMarkdownSummarisesCountsAndTheCostDelta() {
        String md = DiffReport.markdown(fixtureDiff());
        // create weekday-digest (template and CronWorkflow); update nightly-reports (both) and etl-step;
        // replace the pool (machine type); delete employee-directory-sync (template, CronWorkflow, and its Sensor with the Sensor's account and binding); the `workflows` output lists the change.
        assertTrue(md.startsWith("### Stack `dev`\n\n**2 to create, 3 to update, 1 to replace, 5 to delete, 1 output changed** · cost $"), md);
        assertTrue(md.contains("<details><summary>Property changes ("), md);
        assertTrue(md.contains("#### Cost (USD a month"), md);
        assertTrue(md.contains("| Node pool general | "), md);
        assertTrue(md.contains("Cloud Composer 3, smallest environment, for comparison: about $"), md);
    }

    @Test
    void theJsonFormatCarriesTheSameFacts() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(DiffReport.json(fixtureDiff()));
        assertEquals(1, tree.get("summary").get("replace").asInt());
        assertEquals("nodeConfig.machineType", tree.get("resources").get(0).get("replacedBy").get(0).asText());
        assertTrue(tree.get("cost").get("delta").asDouble() > 0);
    }

    /** docs/pull-requests.md's "Example comment" is what `diff --format markdown` prints for the fixtures, headings two levels down. */
    @Test
    void theDocumentedExampleCommentIsWhatTheCommandPrints() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("docs/pull-requests.md"));
        String shown = DiffReport.markdown(fixtureDiff()).lines().map(l -> l.startsWith("#") ? "##" + l : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(readme.contains("\n---\n\n" + shown.strip() + "\n\n---\n"), "docs/pull-requests.md, section Example comment, differs from:\n" + shown);
    }
}
