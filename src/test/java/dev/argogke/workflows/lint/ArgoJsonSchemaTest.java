package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second opinion on the examples the linter passes: Argo's own JSON schema
 * (api/jsonschema/schema.json), with the quirks its README documents relaxed. The schema declares
 * IntOrString, Quantity and parameter values string-only, while Argo decodes integers, numbers and
 * booleans there too.
 */
class ArgoJsonSchemaTest {
    private static final String DEFS = "io.argoproj.workflow.v1alpha1.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyArgoExampleTheLinterPassesAlsoPassesArgosJsonSchema() throws IOException {
        Map<String, JsonSchema> schemas = relaxedSchemasByKind();
        List<String> failures = new ArrayList<>();
        int validated = 0;
        for (Manifest m : ManifestLoader.loadAll(List.of(SharedConformance.examples()))) {
            JsonSchema schema = schemas.get(m.kind());
            if (schema == null) {
                continue; // plain Kubernetes objects are not in Argo's schema
            }
            validated++;
            Set<ValidationMessage> messages = schema.validate(JSON.valueToTree(m.content()));
            for (ValidationMessage message : messages) {
                failures.add(m.file().getFileName() + " " + m.displayName() + ": " + message.getMessage());
            }
        }
        // shared/conformance/README.md: 199 Workflow, 13 WorkflowTemplate, 6 ClusterWorkflowTemplate,
        // 5 CronWorkflow and 2 WorkflowEventBinding; counted again with the YAML library alone.
        Map<String, Integer> byKind = SharedConformance.documentsByKind();
        assertEquals(List.of(199, 13, 6, 5, 2), List.of(byKind.get("Workflow"), byKind.get("WorkflowTemplate"),
                byKind.get("ClusterWorkflowTemplate"), byKind.get("CronWorkflow"), byKind.get("WorkflowEventBinding")), byKind.toString());
        assertEquals(199 + 13 + 6 + 5 + 2, validated, "every document of the five Argo kinds among the examples");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theSchemaCheckRejectsAWrongTypeSoItIsNotVacuous() throws IOException {
        Manifest bad = ManifestLoader.parse(java.nio.file.Path.of("bad.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: bad-}
                spec:
                  entrypoint: main
                  parallelism: two
                  templates: [{name: main, container: {image: alpine}}]
                """).get(0);
        Set<ValidationMessage> messages = relaxedSchemasByKind().get("Workflow").validate(JSON.valueToTree(bad.content()));
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("$.spec.parallelism: string found, integer expected", messages.iterator().next().getMessage());
    }

    private static Map<String, JsonSchema> relaxedSchemasByKind() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(SharedConformance.schema().toFile());
        ObjectNode definitions = (ObjectNode) root.get("definitions");
        relax(definitions);
        root.remove("oneOf");
        root.remove("type");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> byKind = new HashMap<>();
        for (String kind : FieldModelTest.ARGO_KINDS) {
            ObjectNode forKind = root.deepCopy();
            forKind.put("$ref", "#/definitions/" + DEFS + kind);
            byKind.put(kind, factory.getSchema(forKind));
        }
        return byKind;
    }

    /** The documented quirks (shared/conformance/README.md): values Argo decodes that the schema types as strings. */
    private static void relax(ObjectNode definitions) {
        setTypes((ObjectNode) definitions.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), "string", "integer");
        setTypes((ObjectNode) definitions.get("io.k8s.apimachinery.pkg.api.resource.Quantity"), "string", "number");
        ObjectNode parameter = (ObjectNode) definitions.get(DEFS + "Parameter").get("properties");
        setTypes((ObjectNode) parameter.get("value"), "string", "number", "boolean");
        setTypes((ObjectNode) parameter.get("default"), "string", "number", "boolean");
        setTypes((ObjectNode) parameter.get("enum").get("items"), "string", "number", "boolean");
        ObjectNode valueFrom = (ObjectNode) definitions.get(DEFS + "ValueFrom").get("properties");
        setTypes((ObjectNode) valueFrom.get("default"), "string", "number", "boolean");
    }

    private static void setTypes(ObjectNode node, String... types) {
        ArrayNode array = node.putArray("type");
        for (String t : types) {
            array.add(t);
        }
    }
}
