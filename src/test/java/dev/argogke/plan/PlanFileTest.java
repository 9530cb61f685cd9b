package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
    static final Path FIXTURES = Path.of("src/test/resources/plan");

    private static PlanFile plan(boolean reversed) {
        Map<String, Object> nodeConfig = new LinkedHashMap<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (reversed) {
            nodeConfig.put("spot", true);
            nodeConfig.put("machineType", "e2-medium");
            inputs.put("nodeConfig", nodeConfig);
            inputs.put("autoscaling", Map.of("minNodeCount", 1.0, "maxNodeCount", 3.0));
        } else {
            inputs.put("autoscaling", Map.of("maxNodeCount", 3, "minNodeCount", 1L));
            nodeConfig.put("machineType", "e2-medium");
            nodeConfig.put("spot", true);
            inputs.put("nodeConfig", nodeConfig);
        }
        PlanFile.Builder b = PlanFile.builder("argo-gke", "dev");
        List<Runnable> steps = List.of(
                () -> b.resource("urn:b", "gcp:container/nodePool:NodePool", "pool", null, null, true, inputs),
                () -> b.resource("urn:a", "gcp:container/cluster:Cluster", "argo-dev", null, null, true,
                        Map.of("location", "us-central1-a", "masterAuth", PlanValues.unknown())),
                () -> b.output("kubeconfig", PlanValues.secret()),
                () -> b.output("clusterName", "argo-dev"),
                () -> b.workflow("workflows/b.yaml", "CronWorkflow", "b"),
                () -> b.workflow("workflows/a.yaml", "WorkflowTemplate", "a"),
                () -> b.waiver("private-nodes", "dev saves the NAT"));
        if (reversed) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                steps.get(i).run();
            }
        } else {
            steps.forEach(Runnable::run);
        }
        return b.build();
    }

    @Test
    void thePlanOfOneProgramIsByteIdenticalWhateverOrderItWasBuiltIn() {
        PlanFile one = plan(false);
        PlanFile other = plan(true);
        assertEquals(one, other);
        assertEquals(one.toJson(), other.toJson());
    }

    @Test
    void wholeNumbersAreWrittenTheSameWhetherTheyCameAsDoublesOrIntegers() {
        String json = plan(true).toJson();
        assertTrue(json.contains("\"maxNodeCount\": 3,\n") && json.contains("\"minNodeCount\": 1\n"), json);
        assertFalse(json.contains("1.0"), json);
    }

    @Test
    void writesTwoSpaceIndentedJsonWithSortedKeysAndATrailingNewline() {
        String json = plan(false).toJson();
        assertTrue(json.startsWith("{\n  \"formatVersion\": 2,\n  \"project\": \"argo-gke\",\n"), json);
        assertTrue(json.endsWith("}\n") && !json.endsWith("\n\n"), json);
        assertTrue(json.indexOf("\"autoscaling\"") < json.indexOf("\"nodeConfig\""));
        assertTrue(json.indexOf("\"machineType\"") < json.indexOf("\"spot\""));
        assertTrue(json.indexOf("\"urn:a\"") < json.indexOf("\"urn:b\""), "resources sorted by urn");
        assertFalse(json.contains("\r"));
    }

    @Test
    void readingAndWritingAFixtureGivesTheSameBytes() throws IOException {
        for (String name : List.of("dev-base.json", "dev-head.json", "prod.json")) {
            byte[] original = Files.readAllBytes(FIXTURES.resolve(name));
            PlanFile plan = PlanFile.read(FIXTURES.resolve(name));
            assertArrayEquals(original, plan.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void writingToAFileLeavesNoTemporaryFileAndCanBeReadBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("plans/plan.json");
        plan(false).write(out);
        plan(false).write(out);
        assertEquals(plan(true), PlanFile.read(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void markersSurviveTheRoundTrip() {
        PlanFile back = PlanFile.parse(plan(false).toJson(), "plan.json");
        assertTrue(PlanValues.isSecret(back.outputs().get("kubeconfig")));
        assertTrue(PlanValues.isUnknown(back.resource("urn:a").input("masterAuth")));
    }

    @Test
    void invalidJsonNamesTheFileLineAndColumn() {
        UserError e = assertThrows(UserError.class, () -> PlanFile.parse("{\n  \"formatVersion\": 1,\n  oops\n}", "base.json"));
        assertTrue(e.getMessage().startsWith("base.json:3:"), e.getMessage());
    }

    @Test
    void aFileOfANewerFormatVersionSaysToReplan() {
        UserError e = assertThrows(UserError.class, () -> PlanFile.parse("{\"formatVersion\": 3}", "head.json"));
        assertEquals("head.json: formatVersion is 3, this argo-gke reads versions 1 to 2 (re-run bin/argo-gke plan with this version)",
                e.getMessage());
    }

    @Test
    void aVersionOneFileIsReadWithTheUrnsTheEngineGives() {
        // Version 1 recorded the SDK mock's urns, with the root stack's type in front of every child's.
        String stack = "urn:pulumi:dev::argo-gke::pulumi:pulumi:Stack::argo-gke-dev";
        String json = """
                {"formatVersion": 1, "project": "argo-gke", "stack": "dev", "resources": [
                  {"urn": "%s", "type": "pulumi:pulumi:Stack", "name": "argo-gke-dev", "parent": null, "provider": null, "custom": false},
                  {"urn": "urn:pulumi:dev::argo-gke::pulumi:pulumi:Stack$argo-gke:cluster:Network$gcp:compute/network:Network::network",
                   "type": "gcp:compute/network:Network", "name": "network",
                   "parent": "urn:pulumi:dev::argo-gke::pulumi:pulumi:Stack$argo-gke:cluster:Network::network",
                   "provider": "urn:pulumi:dev::argo-gke::pulumi:pulumi:Stack$pulumi:providers:gcp::gcp", "custom": true,
                   "inputs": {"ref": "urn:pulumi:dev::argo-gke::pulumi:pulumi:Stack$pulumi:providers:gcp::gcp"}}]}
                """.formatted(stack);
        PlanFile plan = PlanFile.parse(json, "base.json");
        assertEquals(1, plan.formatVersion());
        assertEquals("pulumi:pulumi:Stack", plan.resource(stack).type(), "the stack itself has no parent type");
        PlanFile.Resource network = plan.resource("urn:pulumi:dev::argo-gke::argo-gke:cluster:Network$gcp:compute/network:Network::network");
        assertEquals("urn:pulumi:dev::argo-gke::argo-gke:cluster:Network::network", network.parent());
        assertEquals("urn:pulumi:dev::argo-gke::pulumi:providers:gcp::gcp", network.provider());
        assertEquals("urn:pulumi:dev::argo-gke::pulumi:providers:gcp::gcp", network.input("ref"));
        assertEquals(List.of(), network.dependsOn(), "version 1 recorded no dependencies");
        assertEquals(PlanFile.Options.NONE, network.options());
    }

    @Test
    void aPlanTheFormerVersionWroteReadsWithEngineUrnsThroughout() throws IOException {
        // format1/dev.json: `bin/argo-gke plan --stack dev --out` at commit 0b9e7d8 (format 1).
        PlanFile plan = PlanFile.read(FIXTURES.resolve("format1/dev.json"));
        // Every entry of the file's resources array, counted by Jackson's tree (not PlanFile's reader).
        int inFile = new com.fasterxml.jackson.databind.ObjectMapper().readTree(FIXTURES.resolve("format1/dev.json").toFile())
                .get("resources").size();
        assertEquals(57, inFile);
        assertEquals(inFile, plan.resources().size());
        for (PlanFile.Resource r : plan.resources()) {
            assertFalse(r.urn().contains("Stack$") || String.valueOf(r.parent()).contains("Stack$")
                    || String.valueOf(r.provider()).contains("Stack$"), r.urn());
            assertEquals(Urns.of("dev", "argo-gke", r.parent(), r.type(), r.name()), r.urn(), "named under its parent as the engine names it");
        }
    }

    @Test
    void dependenciesAndOptionsSurviveTheRoundTrip() {
        PlanFile.Options options = new PlanFile.Options(true, true, List.of("nodeConfig", "initialNodeCount"),
                List.of("urn:pulumi:dev::argo-gke::gcp:container/nodePool:NodePool::old"), List.of("password"));
        PlanFile plan = PlanFile.builder("argo-gke", "dev").resource(new PlanFile.Resource("urn:b", "t", "b", null, "urn:p", true,
                List.of("urn:p", "urn:a"), List.of("urn:a"), Map.of("cluster", List.of("urn:a")), options, Map.of())).build();
        PlanFile back = PlanFile.parse(plan.toJson(), "plan.json");
        assertEquals(plan, back);
        assertEquals(List.of("urn:a", "urn:p"), back.resource("urn:b").dependsOn(), "sorted");
        assertEquals(List.of("initialNodeCount", "nodeConfig"), back.resource("urn:b").options().ignoreChanges());
        assertTrue(plan.toJson().contains("\"propertyDependencies\": {\n        \"cluster\": [\n          \"urn:a\"\n"), plan.toJson());
    }

    @Test
    void aResourceWithoutUrnNamesItsIndex() {
        String json = "{\"formatVersion\":2,\"project\":\"p\",\"stack\":\"dev\",\"resources\":[{\"type\":\"t\",\"name\":\"n\",\"custom\":true}]}";
        UserError e = assertThrows(UserError.class, () -> PlanFile.parse(json, "plan.json"));
        assertEquals("plan.json: resources[0].urn missing", e.getMessage());
    }

    @Test
    void twoResourcesWithOneUrnAreRefused() {
        String r = "{\"urn\":\"u\",\"type\":\"t\",\"name\":\"n\",\"custom\":true}";
        String json = "{\"formatVersion\":2,\"project\":\"p\",\"stack\":\"dev\",\"resources\":[" + r + "," + r + "]}";
        UserError e = assertThrows(UserError.class, () -> PlanFile.parse(json, "plan.json"));
        assertEquals("plan.json: resources[1].urn repeats u", e.getMessage());
    }

    @Test
    void aMissingFileSaysHowToMakeOne(@TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> PlanFile.read(dir.resolve("base.json")));
        assertTrue(e.getMessage().contains("no such plan file (make one with: bin/argo-gke plan --stack STACK --out"), e.getMessage());
    }
}
