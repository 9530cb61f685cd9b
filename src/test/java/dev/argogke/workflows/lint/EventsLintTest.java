package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * EventSources and Sensors linted with the rest of the set (issue 14, "Done when": the linter reports a Sensor
 * depending on an unknown event source, a trigger naming an unknown WorkflowTemplate and an undeclared parameter,
 * each with file, line and field path).
 */
class EventsLintTest {

    private static Path resource(String name) {
        try {
            return Path.of(EventsLintTest.class.getResource("/lint/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String listing(LintReport report) {
        return report.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
    }

    @Test
    void anEventDrivenSetWhoseReferencesResolveAcrossFilesLintsClean() {
        // Four files: two EventSources, two WorkflowTemplates with their Sensors, a CronWorkflow a Sensor submits from.
        LintReport report = Linter.lint(List.of(resource("valid/events")));

        assertEquals(List.of(), report.findings(), listing(report));
        assertEquals(7, report.documents());
    }

    @Test
    void withoutTheFileDefiningItsEventSourceTheSensorsDependencyIsReported() {
        LintReport report = Linter.lint(List.of(resource("valid/events/employee-directory-sync.yaml")));

        assertEquals(1, report.findings().size(), listing(report));
        Finding f = report.findings().get(0);
        assertEquals("spec.dependencies[0].eventSourceName", f.path());
        assertEquals("EventSource 'hr-exports' is not defined in the linted files", f.message());
    }

    /** Lines and columns counted in the case files: the Sensor is the third document of each. */
    @Test
    void theThreeCasesOfTheIssueAreReportedWithFileLineAndFieldPath() {
        assertOne("invalid/sensor-event-source-unknown.yaml", 34, 7, "spec.dependencies[0].eventSourceName",
                "EventSource 'hr-export' is not defined in the linted files; did you mean 'hr-exports'?");
        assertOne("invalid/sensor-workflow-template-unknown.yaml", 49, 19,
                "spec.triggers[0].template.argoWorkflow.source.resource.spec.workflowTemplateRef.name",
                "WorkflowTemplate 'employee-directory' is not defined in the linted files");
        assertOne("invalid/sensor-parameter-undeclared.yaml", 52, 23,
                "spec.triggers[0].template.argoWorkflow.source.resource.spec.arguments.parameters[0].name",
                "WorkflowTemplate 'employee-directory-sync' declares no parameter 'export-fle' in spec.arguments.parameters;"
                        + " did you mean 'export-file'?");
    }

    private static void assertOne(String file, int line, int column, String path, String message) {
        Path path0 = resource(file);
        LintReport report = Linter.lint(List.of(path0));
        assertEquals(1, report.findings().size(), listing(report));
        Finding f = report.findings().get(0);
        assertEquals(List.of(path0, line, column, Severity.ERROR, "Sensor/employee-directory-sync", path, message),
                List.of(f.file(), f.position().line(), f.position().column(), f.severity(), f.resource(), f.path(), f.message()));
        assertEquals(path0 + ":" + line + ":" + column + ": error: Sensor/employee-directory-sync " + path + ": " + message,
                f.format(), "the line a user reads");
    }
}
