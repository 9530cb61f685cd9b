package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo decodes strictly, but a few Go types take more than one JSON type; those must pass. */
class StrictDecoderTest {

    private static List<Finding> lint(String yaml) {
        return Linter.lintManifests(ManifestLoader.parse(Path.of("w.yaml"), yaml)).findings();
    }

    private static String workflow(String templateExtra, String containerExtra) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: w-}
                spec:
                  entrypoint: main
                  arguments:
                    parameters:
                      - {name: count, value: 3}
                      - {name: ratio, value: 0.5}
                      - {name: dry-run, value: true}
                  templates:
                    - name: main
                %s
                      container:
                        image: alpine:3.20
                %s
                """.formatted(templateExtra.indent(6).stripTrailing(), containerExtra.indent(8).stripTrailing());
    }

    @Test
    void intOrStringQuantityAndParameterValuesAcceptWhatArgoAccepts() {
        String yaml = workflow("""
                retryStrategy: {limit: 10}
                activeDeadlineSeconds: "{{workflow.parameters.count}}"
                """, """
                resources:
                  requests: {cpu: 0.5, memory: 512Mi}
                  limits: {cpu: 2, memory: 1e9}
                readinessProbe:
                  httpGet: {port: 8080}
                livenessProbe:
                  httpGet: {port: http}
                """);
        assertEquals(List.of(), lint(yaml));
    }

    @Test
    void anUnquotedYesIsTheBooleanArgoReadsWhereABooleanIsExpected() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: c}
                spec:
                  schedules: ["0 2 * * *"]
                  suspend: yes
                  workflowSpec:
                    entrypoint: main
                    arguments: {parameters: [{name: flag, value: on}]}
                    templates: [{name: main, container: {image: alpine, args: ["yes"]}}]
                """;
        assertEquals(List.of(), lint(yaml));
    }

    @Test
    void nullIsAcceptedForAnyField() {
        assertEquals(List.of(), lint(workflow("outputs:\nnodeSelector:", "env:\nresources:")));
    }

    @Test
    void anIntegerWrittenWithAZeroFractionIsAnIntegerButAFractionIsNot() {
        // YAML 2.0 reaches Go as the JSON number 2, which decodes into an integer field.
        assertEquals(null, StrictDecoder.scalarProblem(2.0, FieldType.Kind.INT32));
        assertEquals("expected an integer, got the number 2.5", StrictDecoder.scalarProblem(2.5, FieldType.Kind.INT32));
    }

    @Test
    void aLabelValueMustBeAStringAsInKubernetes() {
        List<Finding> findings = lint(workflow("metadata:\n  labels: {version: 2}", ""));
        assertEquals(1, findings.size());
        assertEquals("spec.templates[0].metadata.labels.version", findings.get(0).path());
        assertEquals("expected a string, got the number 2; quote it: \"2\"", findings.get(0).message());
    }

    @Test
    void anIntegerOutOfRangeIsRejected() {
        List<Finding> findings = lint(workflow("", "ports: [{containerPort: 4294967296}]"));
        assertEquals(1, findings.size());
        assertEquals("spec.templates[0].container.ports[0].containerPort", findings.get(0).path());
    }
}
