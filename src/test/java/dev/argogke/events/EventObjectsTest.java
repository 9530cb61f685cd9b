package dev.argogke.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventObjectsTest {
    private static final EventObjects.Target DEV = new EventObjects.Target("dev", Optional.of("acme-argo-dev"), "argo-events", "argo-workflows");
    private static final EventObjects.Target OUTSIDE_GOOGLE = new EventObjects.Target("e2e", Optional.empty(), "argo-events", "argo-workflows");

    @TempDir
    Path dir;

    private static final String SENSOR = """
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: on-upload
            spec:
              dependencies:
                - {name: landed, eventSourceName: uploads, eventName: file-landed}
              triggers:
                - template:
                    name: load
                    %s
            """;

    private EventObjects of(EventObjects.Target target, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
        return EventObjects.of(WorkflowCatalog.load(dir).manifests(), target);
    }

    private static Manifest only(List<Manifest> manifests) {
        assertEquals(1, manifests.size(), manifests.toString());
        return manifests.get(0);
    }

    private static Manifest named(List<Manifest> manifests, String name) {
        return manifests.stream().filter(m -> m.name().orElseThrow().equals(name)).findFirst().orElseThrow();
    }

    /** The repository's example, as docs/events.md describes the dev stack's objects. */
    @Test
    void thePubSubExampleGetsTheStacksProjectSubscriptionAndItsOwnAccount() {
        EventObjects events = EventObjects.of(WorkflowCatalog.load(Path.of("workflows")).manifests(), DEV);
        Map<String, Object> source = events.deployedSpec(named(events.eventSources(), "hr-exports"));
        assertEquals("hr-exports-eventsource", Tree.string(source, "template.serviceAccountName"));
        assertEquals("acme-argo-dev", Tree.string(source, "pubSub.export-finished.projectID"));
        assertEquals("argo-events-dev-hr-exports", Tree.string(source, "pubSub.export-finished.subscriptionID"));
        assertEquals(new EventObjects.PubSubSource("hr-exports", "export-finished", "hr-export-finished", Optional.empty()),
                events.pubSubSources().get(0));

        Map<String, Object> sensor = events.deployedSpec(named(events.sensors(), "employee-directory-sync"));
        assertEquals("employee-directory-sync-sensor", Tree.string(sensor, "template.serviceAccountName"));
        assertEquals("argo-workflows", Tree.string(sensor, "triggers[0].template.k8s.source.resource.metadata.namespace"));
    }

    @Test
    void aBucketNotificationMustNameAPubSubEventSource() {
        var target = new EventObjects.Target("dev", Optional.of("acme-argo-dev"), "argo-events", "argo-workflows",
                List.of(new dev.argogke.config.Settings.BucketNotification("partner-file", "drop", Optional.empty())));
        UserError e = assertThrows(UserError.class, () -> EventObjects.of(WorkflowCatalog.load(Path.of("workflows")).manifests(), target));
        assertEquals(List.of("argo-gke:events.bucketNotifications[0].eventSource: 'partner-file' is not a Pub/Sub EventSource in workflows/"
                + " (there are: hr-exports, partner-files)"), e.lines());
    }

    @Test
    void theBucketNotificationGoesWithItsEventSource() {
        var partner = new dev.argogke.config.Settings.BucketNotification("partner-files", "drop", Optional.of("incoming/"));
        var target = new EventObjects.Target("dev", Optional.of("acme-argo-dev"), "argo-events", "argo-workflows", List.of(partner));
        EventObjects events = EventObjects.of(WorkflowCatalog.load(Path.of("workflows")).manifests(), target);
        assertEquals(List.of(Optional.empty(), Optional.of(partner)), events.pubSubSources().stream().map(EventObjects.PubSubSource::bucket).toList());
    }

    @Test
    void anExistingTopicIsNamedByItsProject() throws IOException {
        EventObjects events = of(DEV, "hr.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: hr}
                spec:
                  pubSub:
                    done: {topic: exports, topicProjectID: acme-hr}
                """);
        assertEquals(List.of(new EventObjects.PubSubSource("hr", "done", "exports", Optional.of("acme-hr"))), events.pubSubSources());
    }

    /** pkg/sensors/triggers/argo-workflow/argo-workflow.go runs the argo CLI and lists Workflows, which the Sensor's Role does not allow. */
    @Test
    void anArgoWorkflowTriggerIsRefusedWithFileLineAndField() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "on-upload.yaml",
                SENSOR.formatted("argoWorkflow: {operation: submit}")));
        assertEquals(List.of(dir.resolve("on-upload.yaml") + ":11: Sensor/on-upload: spec.triggers[0].template.argoWorkflow: a Sensor may only"
                + " create Workflows (its account's one right); use a k8s trigger that creates a Workflow from a WorkflowTemplate"
                + " (docs/events.md)"), e.lines());
    }

    @Test
    void aK8sTriggerMustCreateAWorkflowFromATemplate() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "on-upload.yaml", SENSOR.formatted("""
                k8s:
                          operation: delete
                          source:
                            resource: {apiVersion: v1, kind: Pod}""")));
        assertEquals(2, e.lines().size(), e.getMessage());
        assertTrue(e.lines().get(0).endsWith("spec.triggers[0].template.k8s.operation: 'delete' is not allowed: the Sensor's account may"
                + " only create Workflows; use create"), e.getMessage());
        assertTrue(e.lines().get(1).contains("spec.triggers[0].template.k8s.source.resource: must be a Workflow"), e.getMessage());
    }

    @Test
    void aTriggersWorkflowInAnotherNamespaceIsRefused() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "on-upload.yaml", SENSOR.formatted("""
                k8s:
                          operation: create
                          source:
                            resource:
                              apiVersion: argoproj.io/v1alpha1
                              kind: Workflow
                              metadata: {generateName: load-, namespace: default}
                              spec: {workflowTemplateRef: {name: load}}""")));
        assertEquals(List.of(dir.resolve("on-upload.yaml") + ":17: Sensor/on-upload: spec.triggers[0].template.k8s.source.resource"
                + ".metadata.namespace: argo-gke sets this to argo-workflows; remove the line"), e.lines());
    }

    /** The policy rule events-workload-identity says the same of the plan; here it stops before anything is registered. */
    @Test
    void aKeyOnAPubSubSourceIsRefused() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "hr.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: hr}
                spec:
                  pubSub:
                    done:
                      topic: exports
                      credentialSecret: {name: gcp-key, key: key.json}
                """));
        assertTrue(e.getMessage().contains("EventSource/hr: spec.pubSub.done.credentialSecret: remove it: the event source reads its"
                + " subscription through Workload Identity with no key"), e.getMessage());
    }

    /** As ExternalSecrets: the same workflows/ serves a local cluster, where Pub/Sub cannot reach. */
    @Test
    void outsideGoogleCloudPubSubSourcesAndTheirSensorsAreNotDeployedAndSayWhy() {
        EventObjects events = EventObjects.of(WorkflowCatalog.load(Path.of("workflows")).manifests(), OUTSIDE_GOOGLE);
        assertEquals(false, events.any());
        assertEquals(List.of("EventSource/hr-exports: a Pub/Sub event source needs Google Cloud",
                "EventSource/partner-files: a Pub/Sub event source needs Google Cloud",
                "Sensor/employee-directory-sync: it depends on EventSource hr-exports, which is not deployed here",
                "Sensor/partner-files: it depends on EventSource partner-files, which is not deployed here"), events.notDeployed());
    }

    @Test
    void fieldsTheProgramOwnsMayNotSaySomethingElse() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "hr.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: hr, namespace: default}
                spec:
                  template: {serviceAccountName: admin}
                  pubSub:
                    done: {topic: exports, projectID: acme-hr, subscriptionID: mine}
                """));
        List<String> fields = e.lines().stream().map(l -> l.split(": ")[2]).toList();
        assertEquals(List.of("metadata.namespace", "spec.template.serviceAccountName", "spec.pubSub.done.projectID",
                "spec.pubSub.done.subscriptionID"), fields, e.getMessage());
        assertTrue(e.lines().get(0).endsWith("argo-gke sets this to argo-events; remove the line"), e.getMessage());
    }

    @Test
    void anEventSourceArgoGkeCannotGiveRightsToIsRefused() throws IOException {
        UserError e = assertThrows(UserError.class, () -> of(DEV, "orders.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: orders}
                spec:
                  kafka:
                    placed: {url: kafka:9092, topic: orders}
                """));
        assertTrue(e.getMessage().contains("EventSource/orders: spec.kafka: argo-gke deploys pubSub and webhook event sources only"),
                e.getMessage());
    }

    @Test
    void aWebhookSourceIsDeployedAsWritten() throws IOException {
        EventObjects events = of(OUTSIDE_GOOGLE, "uploads.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: EventSource
                metadata: {name: uploads}
                spec:
                  webhook:
                    file-landed: {port: "12000", endpoint: /file-landed, method: POST}
                """);
        Manifest source = only(events.eventSources());
        assertEquals(Tree.map(source.content().get("spec")), events.deployedSpec(source));
        assertEquals(List.of(), events.pubSubSources());
    }
}
