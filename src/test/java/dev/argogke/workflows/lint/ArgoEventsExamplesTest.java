package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.testing.ArgoEventsModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Argo Events v1.9.10's own examples (examples/event-sources and examples/sensors of the Go module
 * github.com/argoproj/argo-events@v1.9.10), linted as one set, as they would be applied to one namespace. Skipped when
 * the module is not in the Go module cache ({@link ArgoEventsModule}).
 */
class ArgoEventsExamplesTest {

    /**
     * What the linter must report, file and field path, each checked by hand against the module's sources: every
     * other document of the examples passes.
     */
    private static final List<String> EXPECTED = List.of(
            // StripeEventSource (pkg/apis/events/v1alpha1/eventsource_types.go) has no namespace field.
            "stripe.yaml spec.stripe.example.namespace",
            // examples/event-sources/webhook.yaml defines only the event 'example'; 'example-foo' is commented out there.
            "dependencies-conditions.yaml spec.dependencies[1].eventName",
            // Two example Sensors are called 'bitbucket', and two 'webhook': applied together, one replaces the other.
            "sensor-to-existing-workflow-template.yaml metadata.name",
            // submit-from a CronWorkflow 'special-trigger' that no example defines.
            "special-workflow-trigger-submit-existing.yml spec.triggers[0].template.argoWorkflow.source.resource.metadata.name",
            // 'example1' is commented out in examples/event-sources/webhook.yaml as well.
            "time-filter-webhook.yaml spec.dependencies[1].eventName",
            "transform.yaml spec.dependencies[1].eventName",
            // sensor_types.go: TriggerTemplate's field is openWhisk (json:"openWhisk").
            "trigger-openwhisk.yaml spec.triggers[0].template.openwhisk",
            // sensor_types.go: atLeastOnce and policy are fields of Trigger, not of its template.
            "trigger-with-atleast-once-semantics.yaml spec.triggers[0].template.atLeastOnce",
            "trigger-with-policy.yaml spec.triggers[0].template.policy",
            // sensor_types.go: URLArtifact's field is verifyCert.
            "url-sensor.yaml spec.triggers[0].template.k8s.source.url.verifycert",
            "webhook.yaml metadata.name");

    @Test
    void argoEventsOwnExamplesPassExceptTheMistakesTheyReallyHave() throws IOException {
        Path examples = ArgoEventsModule.folder().resolve("examples");
        List<Path> folders = List.of(examples.resolve("event-sources"), examples.resolve("sensors"));
        LintReport report = Linter.lint(folders);

        String listing = report.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
        List<String> found = report.findings().stream()
                .map(f -> f.severity() + " " + f.file().getFileName() + " " + f.path()).toList();
        assertEquals(EXPECTED.stream().map(e -> "ERROR " + e).toList(), found, listing);

        Map<String, Integer> byKind = documentsByKind(folders);
        assertEquals(byKind.values().stream().mapToInt(Integer::intValue).sum(), report.documents(), byKind.toString());
        assertEquals(Map.of("EventSource", 31, "Sensor", 79, "WorkflowTemplate", 1), byKind,
                "every document is one of the kinds the linter checks, so none was skipped");
    }

    /** The examples' documents by kind, read with the YAML library alone. */
    private static Map<String, Integer> documentsByKind(List<Path> folders) throws IOException {
        Map<String, Integer> byKind = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).toList()) {
                    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                        if (doc instanceof Map<?, ?> m) {
                            byKind.merge(String.valueOf(m.get("kind")), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return byKind;
    }
}
