package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.ArgoEventsModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Argo Events field model is generated from Argo Events v1.9.10's OpenAPI spec; regenerating it from the
 * module must give the committed file. Run with {@code -Dargogke.updateEventsModel=true} to write it instead.
 */
class EventsFieldModelTest {
    static final Path COMMITTED = Path.of("src/main/resources/dev/argogke/workflows/lint", FieldModel.EVENTS_RESOURCE);

    @Test
    void theCommittedModelIsWhatArgoEventsOpenApiSpecGives() throws IOException {
        Path module = ArgoEventsModule.folder();
        String generated = EventsFieldModelGenerator.generate(module.resolve("api/openapi-spec/swagger.json"),
                ArgoEventsModule.MODULE + "@" + ArgoEventsModule.VERSION + " api/openapi-spec/swagger.json");
        if (Boolean.getBoolean("argogke.updateEventsModel")) {
            Files.writeString(COMMITTED, generated);
        }
        assertEquals(generated, committedText(), COMMITTED + " differs from what Argo Events' swagger.json gives;"
                + " rerun with -Dargogke.updateEventsModel=true and read the diff");
    }

    @Test
    void everyTypeOfTheModelIsReachableFromEventSourceOrSensor() {
        Set<String> reachable = ReachableTypes.from(FieldModel.events(), EventsFieldModelGenerator.KINDS);
        assertEquals(new TreeSet<>(FieldModel.events().types().keySet()), reachable);
    }

    /** Spot checks against Argo Events v1.9.10's Go types, read by hand (pkg/apis/events/v1alpha1/*.go). */
    @Test
    void theModelHasTheFieldsOfArgoEventsGoTypes() {
        // eventsource_types.go: PubSubEventSource, WebhookEventSource (WebhookContext inlined, plus filter).
        assertTrue(fields("PubSubEventSource").containsAll(List.of("projectID", "topicProjectID", "topic", "subscriptionID",
                "deleteSubscriptionOnFinish", "jsonBody", "credentialSecret", "metadata", "filter")));
        assertTrue(fields("WebhookEventSource").containsAll(List.of("endpoint", "method", "port", "url", "filter")));
        // sensor_types.go: EventDependency, TriggerParameter, ArgoWorkflowTrigger.
        assertEquals(Set.of("name", "eventSourceName", "eventName", "filters", "transform", "filtersLogicalOperator"),
                fields("EventDependency"));
        assertEquals(Set.of("src", "dest", "operation"), fields("TriggerParameter"));
        assertEquals(Set.of("source", "operation", "parameters", "args"), fields("ArgoWorkflowTrigger"));
        assertEquals(new FieldType.Scalar(FieldType.Kind.ANY), FieldModel.events().type("ArtifactLocation").fields().get("resource"));
    }

    private static Set<String> fields(String type) {
        return FieldModel.events().type(type).fields().keySet();
    }

    private static String committedText() throws IOException {
        try (InputStream in = FieldModel.class.getResourceAsStream(FieldModel.EVENTS_RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
