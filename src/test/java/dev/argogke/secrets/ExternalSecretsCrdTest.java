package dev.argogke.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.argogke.testing.GoModules;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.workflows.lint.JobObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ExternalSecret committed in {@code workflows/} and the SecretStore the program creates, checked against
 * External Secrets Operator's own CRDs, as its module at v1.3.2 (the release the pinned chart 1.3.2 installs)
 * holds them: config/crds/bases/external-secrets.io_{externalsecrets,secretstores}.yaml. Each served version's
 * openAPIV3Schema is what the API server validates a custom resource with; unknown fields are made errors, as
 * the API server's strict field validation (kubectl's default) reports them, except where the schema keeps
 * them ({@code x-kubernetes-preserve-unknown-fields}).
 */
class ExternalSecretsCrdTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MODULE = "github.com/external-secrets/external-secrets";
    private static final String VERSION = "v1.3.2";

    private static Path crd(String plural) {
        return GoModules.module(MODULE, VERSION).resolve("config/crds/bases/external-secrets.io_" + plural + ".yaml");
    }

    @Test
    void theApiVersionArgoGkeUsesIsTheOneTheOperatorServes() throws IOException {
        for (String plural : List.of("externalsecrets", "secretstores")) {
            List<String> served = new ArrayList<>();
            for (JsonNode v : YAML.readTree(crd(plural).toFile()).at("/spec/versions")) {
                if (v.path("served").asBoolean()) {
                    served.add("external-secrets.io/" + v.path("name").asText());
                }
            }
            assertEquals(List.of(JobObjects.EXTERNAL_SECRET_API_VERSION), served, plural);
        }
    }

    @Test
    void theCommittedExternalSecretIsValid() throws IOException {
        List<JsonNode> externalSecrets = new ArrayList<>();
        try (var docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(Path.of("workflows/jira-conference-sync.yaml").toFile())) {
            docs.forEachRemaining(d -> {
                if ("ExternalSecret".equals(d.path("kind").asText())) {
                    externalSecrets.add(d);
                }
            });
        }
        assertEquals(1, externalSecrets.size());
        assertEquals(Set.of(), schema("externalsecrets").validate(externalSecrets.get(0)));
    }

    @Test
    void theProgramsSecretStoreIsValid() throws IOException {
        assertEquals(Set.of(), schema("secretstores").validate(plannedStore()));
    }

    /** The check can fail: a misspelt field of the same store is refused. */
    @Test
    void aMisspeltFieldIsRefused() throws IOException {
        ObjectNode store = plannedStore();
        ObjectNode auth = (ObjectNode) store.at("/spec/provider/gcpsm/auth/workloadIdentity");
        auth.set("serviceAccountRefs", auth.remove("serviceAccountRef"));
        Set<ValidationMessage> problems = schema("secretstores").validate(store);
        assertFalse(problems.isEmpty());
        assertTrue(problems.toString().contains("serviceAccountRefs"), problems.toString());
        assertTrue(problems.toString().contains("serviceAccountRef"), "and the required field is missing: " + problems);
    }

    private static ObjectNode plannedStore() {
        MockCloud.Result dev = MockCloud.run(MockCloud.stack("dev"), MockCloud::program);
        Registered store = dev.one("kubernetes:external-secrets.io/v1:SecretStore");
        Map<String, Object> object = new LinkedHashMap<>();
        for (String field : List.of("apiVersion", "kind", "metadata", "spec")) {
            object.put(field, store.input(field));
        }
        return YAML.valueToTree(object);
    }

    private static JsonSchema schema(String plural) throws IOException {
        JsonNode crd = YAML.readTree(crd(plural).toFile());
        for (JsonNode v : crd.at("/spec/versions")) {
            if (v.path("served").asBoolean()) {
                JsonNode schema = strict(v.at("/schema/openAPIV3Schema").deepCopy());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            }
        }
        throw new AssertionError(plural + ": no served version");
    }

    /** Unknown fields are errors where the schema lists properties and does not keep unknown fields. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith("x-kubernetes-")) {
                    it.remove();
                }
            }
            object.properties().forEach(e -> strict(e.getValue()));
            if (object.has("properties") && !preserve && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ExternalSecretsCrdTest::strict);
        }
        return node;
    }
}
