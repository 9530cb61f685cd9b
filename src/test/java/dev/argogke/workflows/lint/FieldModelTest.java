package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hand-written field model must say what Argo's Go types say. Argo's JSON schema is generated
 * from those types, so every object type of the model is compared with its schema definition:
 * the same field names, and compatible types.
 */
class FieldModelTest {
    // Model types whose schema definition has another name.
    private static final Map<String, String> SCHEMA_NAMES = Map.of(
            "ProbeHTTPHeader", "io.k8s.api.core.v1.HTTPHeader",
            "HTTPHeader", "io.argoproj.workflow.v1alpha1.HTTPHeader");

    /** The kinds of Argo's CRDs a repository holds (argo-workflows v4.1 manifests/base/crds; shared/conformance/README.md). */
    static final List<String> ARGO_KINDS = List.of("Workflow", "CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate",
            "WorkflowEventBinding");

    @Test
    void everyModelTypeHasExactlyTheFieldsOfArgosSchema() throws IOException {
        JsonNode definitions = new ObjectMapper().readTree(SharedConformance.schema().toFile()).get("definitions");
        List<String> problems = new ArrayList<>();
        assertTrue(FieldModel.argo().types().keySet().containsAll(ARGO_KINDS), FieldModel.argo().types().keySet().toString());
        for (FieldModel.ObjectType type : FieldModel.argo().types().values()) {
            JsonNode definition = definitions.get(schemaName(type.name(), definitions));
            if (definition == null) {
                problems.add(type.name() + ": no schema definition");
                continue;
            }
            Set<String> schemaFields = new TreeSet<>();
            definition.path("properties").fieldNames().forEachRemaining(schemaFields::add);
            Set<String> modelFields = new TreeSet<>(type.fields().keySet());
            if (!schemaFields.equals(modelFields)) {
                Set<String> missing = new TreeSet<>(schemaFields);
                missing.removeAll(modelFields);
                Set<String> extra = new TreeSet<>(modelFields);
                extra.removeAll(schemaFields);
                problems.add(type.name() + ": missing " + missing + ", not in schema " + extra);
                continue;
            }
            for (Map.Entry<String, FieldType> field : type.fields().entrySet()) {
                String problem = compatible(field.getValue(), definition.get("properties").get(field.getKey()), definitions);
                if (problem != null) {
                    problems.add(type.name() + "." + field.getKey() + ": " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theModelCoversEveryObjectReachableFromTheFiveKinds() {
        Set<String> reachable = ReachableTypes.from(FieldModel.argo(), ARGO_KINDS);
        assertEquals(new TreeSet<>(FieldModel.argo().types().keySet()), reachable,
                "every type of argo-fields.txt is used, and every used type is defined");
    }

    @Test
    void aMistakeInTheModelFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> FieldModel.parse("A: b:Missing\n"));
        assertThrows(IllegalStateException.class, () -> FieldModel.parse("A: b:strng\n"));
        assertThrows(IllegalStateException.class, () -> FieldModel.parse("A: x\nA: y\n"));
    }

    private static String schemaName(String modelName, JsonNode definitions) {
        if (SCHEMA_NAMES.containsKey(modelName)) {
            return SCHEMA_NAMES.get(modelName);
        }
        // Argo's own types first: some Kubernetes types share their short names (Event).
        for (String prefix : List.of("io.argoproj.workflow.v1alpha1.", "io.k8s.api.core.v1.", "io.k8s.api.policy.v1.",
                "io.k8s.apimachinery.pkg.apis.meta.v1.")) {
            if (definitions.has(prefix + modelName)) {
                return prefix + modelName;
            }
        }
        return null;
    }

    /** Why the model's type disagrees with the schema's, or null. */
    private static String compatible(FieldType model, JsonNode schema, JsonNode definitions) {
        String ref = schema.has("$ref") ? schema.get("$ref").asText().substring("#/definitions/".length()) : null;
        if (ref != null) {
            String shortName = ref.substring(ref.lastIndexOf('.') + 1);
            switch (shortName) {
                case "IntOrString":
                    return is(model, FieldType.Kind.INT_OR_STRING);
                case "Quantity":
                    return is(model, FieldType.Kind.QUANTITY);
                case "Time":
                    return is(model, FieldType.Kind.TIME);
                case "Item", "FieldsV1":
                    return is(model, FieldType.Kind.ANY);
                case "Plugin":
                    return is(model, FieldType.Kind.PLUGIN);
                case "Amount":
                    return is(model, FieldType.Kind.NUMBER);
                case "ParallelSteps":
                    return model instanceof FieldType.ListOf l && l.element() instanceof FieldType.Ref r
                            && r.typeName().equals("WorkflowStep") ? null : "expected a list of WorkflowStep";
                case "WorkflowStatus", "CronWorkflowStatus":
                    return is(model, FieldType.Kind.ANY);
                default:
                    if (!(model instanceof FieldType.Ref r)) {
                        return "schema has object " + shortName + ", model " + model;
                    }
                    String expected = schemaName(r.typeName(), definitions);
                    return ref.equals(expected) ? null : "schema has " + ref + ", model " + r.typeName();
            }
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "array":
                return model instanceof FieldType.ListOf l ? compatible(l.element(), schema.get("items"), definitions)
                        : "schema has a list, model " + model;
            case "object":
                return model instanceof FieldType.MapOf m ? compatible(m.value(), schema.get("additionalProperties"), definitions)
                        : "schema has a map, model " + model;
            case "boolean":
                return is(model, FieldType.Kind.BOOL);
            case "number":
                return is(model, FieldType.Kind.NUMBER);
            case "integer": {
                String format = schema.path("format").asText();
                if (model instanceof FieldType.Scalar s && (s.kind() == FieldType.Kind.INT32 && !format.equals("int64")
                        || s.kind() == FieldType.Kind.INT64 && !format.equals("int32")
                        || s.kind() == FieldType.Kind.UINT)) {
                    return null;
                }
                return "schema has integer " + format + ", model " + model;
            }
            case "string":
                if (model instanceof FieldType.OneOf) {
                    return null;
                }
                if (schema.path("format").asText().equals("byte")) {
                    return is(model, FieldType.Kind.BYTES);
                }
                return model instanceof FieldType.Scalar s
                        && (s.kind() == FieldType.Kind.STRING || s.kind() == FieldType.Kind.ANY_STRING) ? null
                        : "schema has a string, model " + model;
            default:
                return "unexpected schema type '" + type + "'";
        }
    }

    private static String is(FieldType model, FieldType.Kind kind) {
        return model instanceof FieldType.Scalar s && s.kind() == kind ? null : "expected " + kind.word + ", model " + model;
    }
}
