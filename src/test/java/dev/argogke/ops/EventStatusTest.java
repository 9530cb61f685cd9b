package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.workflows.DeployedForm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status's event-driven workflows against fabric8's mock API server (formatting and selection; the real API
 * server's answers are checked in bin/e2e). The Sensors and EventSources are shaped as Argo Events v1.9.10's
 * examples (examples/sensors/webhook.yaml, examples/event-sources/gcp-pubsub.yaml), as in
 * src/test/resources/lint/valid/events.
 */
@EnableKubernetesMockClient(crud = true)
class EventStatusTest {
    static {
        MockServerLogging.quiet();
    }

    static final String NOW = "2026-10-24T12:00:00Z";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path repo;

    static final String DIRECTORY_SYNC = """
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata: {name: employee-directory-sync}
            spec:
              dependencies:
                - {name: export, eventSourceName: hr-exports, eventName: export-finished}
              triggers:
                - template:
                    name: sync
                    k8s:
                      operation: create
                      source:
                        resource:
                          apiVersion: argoproj.io/v1alpha1
                          kind: Workflow
                          metadata: {generateName: employee-directory-sync-}
                          spec:
                            workflowTemplateRef: {name: employee-directory-sync}
                            arguments: {parameters: [{name: export-file}, {name: requested-by}]}
                      parameters:
                        - src: {dependencyName: export, dataKey: body.file}
                          dest: spec.arguments.parameters.0.value
                        - src: {dependencyName: export, dataKey: attributes.requestedBy, value: hr}
                          dest: spec.arguments.parameters.1.value
            """;
    static final String HR_EXPORTS = """
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata: {name: hr-exports}
            spec:
              pubSub:
                export-finished:
                  topicProjectID: acme-hr
                  projectID: acme-argo-prod
                  topic: hr-export-finished
                  subscriptionID: hr-export-finished-argo-events
                  jsonBody: true
            """;
    static final String NIGHTLY_REPORTS = """
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata: {name: nightly-reports}
            spec:
              dependencies:
                - {name: landed, eventSourceName: uploads, eventName: file-landed}
              triggers:
                - template:
                    name: for-the-day
                    k8s:
                      operation: create
                      source:
                        resource:
                          apiVersion: argoproj.io/v1alpha1
                          kind: Workflow
                          metadata: {generateName: nightly-reports-}
                          spec:
                            workflowTemplateRef: {name: nightly-reports}
                            arguments: {parameters: [{name: day}]}
                      parameters:
                        - src: {dependencyName: landed, dataKey: body.day, value: today}
                          dest: spec.arguments.parameters.0.value
            """;
    static final String UPLOADS = """
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata: {name: uploads}
            spec:
              service:
                ports: [{port: 80, targetPort: 12000}]
              webhook:
                file-landed: {port: "12000", endpoint: /file-landed, method: POST}
            """;

    @BeforeEach
    void registerKinds() {
        server.expectCustomResource(ArgoResources.CRON_WORKFLOWS);
        server.expectCustomResource(ArgoResources.WORKFLOWS);
    }

    /**
     * What an API server without Argo Events' CRDs answers for Sensors: 404 (checked against a real kube-apiserver in
     * bin/e2e). The CRUD mock would answer an empty list for a kind it was not taught.
     */
    private void withoutArgoEvents() {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo-events/sensors")
                .andReturn(404, "{\"kind\":\"Status\",\"code\":404,\"message\":\"the server could not find the requested resource\"}")
                .always();
    }

    private void installArgoEvents() {
        server.expectCustomResource(ArgoResources.SENSORS);
        server.expectCustomResource(ArgoResources.EVENT_SOURCES);
    }

    private void create(CustomResourceDefinitionContext kind, String namespace, String yaml) {
        client.genericKubernetesResources(kind).inNamespace(namespace)
                .resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    /** A Workflow as a Sensor's trigger labels it (argo-events v1.9.10 standard-k8s.go, Create). */
    private void triggered(String name, String sensor, String trigger, Instant at, String phase) {
        GenericKubernetesResource wf = Serialization.unmarshal("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: %s
                  labels: {events.argoproj.io/sensor: %s, events.argoproj.io/trigger: %s, events.argoproj.io/action-timestamp: "%d"}
                spec: {workflowTemplateRef: {name: x}}
                """.formatted(name, sensor, trigger, at.toEpochMilli()), GenericKubernetesResource.class);
        wf.setAdditionalProperty("status", Map.of("phase", phase));
        client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo-workflows").resource(wf).create();
    }

    private EventStatus.Report collect(Optional<RepoSensors> repoSensors, Optional<String> project) {
        Cancellation c = new Cancellation();
        ArgoCluster cluster = new ArgoCluster(KubeConnection.wrap(client), "argo-workflows",
                new Retry(RetryPolicy.standard(), c, c::sleep, null));
        return EventStatus.collect(cluster, "argo-events", repoSensors, project, Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
    }

    private Optional<RepoSensors> repoWith(String... documents) throws Exception {
        for (int i = 0; i < documents.length; i++) {
            Files.writeString(repo.resolve("doc" + i + ".yaml"), documents[i]);
        }
        return RepoSensors.load(repo, "argo-events", DeployedForm.asWritten());
    }

    @Test
    void withoutArgoEventsOnTheClusterAndNoSensorInTheRepositoryStatusSaysNothingMore() throws Exception {
        withoutArgoEvents();
        EventStatus.Report report = collect(repoWith(MockArgo.dailyCron("nightly", "0 2 * * *", "UTC")), Optional.empty());

        assertTrue(report.isEmpty());
        assertFalse(report.installed());
        assertEquals("", EventStatusFormat.table(report));
    }

    @Test
    void aSensorInTheRepositoryWithoutArgoEventsOnTheClusterIsMissingFromTheCluster() throws Exception {
        withoutArgoEvents();
        EventStatus.Report report = collect(repoWith(NIGHTLY_REPORTS), Optional.empty());

        assertEquals("""

                Event-driven workflows: Sensors in namespace argo-events (Argo Events is not installed on this cluster)
                SENSOR           WAITS FOR            STARTS           LAST TRIGGER     DRIFT
                nightly-reports  uploads/file-landed  nightly-reports  never triggered  missing from cluster
                """, EventStatusFormat.table(report));
    }

    @Test
    void eachSensorShowsWhatItWaitsForWhatItStartsItsNewestWorkflowAndATestMessage() throws Exception {
        installArgoEvents();
        create(ArgoResources.SENSORS, "argo-events", DIRECTORY_SYNC);
        create(ArgoResources.EVENT_SOURCES, "argo-events", HR_EXPORTS);
        create(ArgoResources.SENSORS, "argo-events", NIGHTLY_REPORTS);
        create(ArgoResources.EVENT_SOURCES, "argo-events", UPLOADS);
        // The newest by trigger time, not by name: -zzz was triggered 2h05m before now, -aaa 30 s before.
        triggered("nightly-reports-zzz", "nightly-reports", "for-the-day", Instant.parse("2026-10-24T09:55:00Z"), "Succeeded");
        triggered("nightly-reports-aaa", "nightly-reports", "for-the-day", Instant.parse("2026-10-24T11:59:30Z"), "Running");
        triggered("employee-directory-sync-k2x8p", "employee-directory-sync", "sync",
                Instant.parse("2026-10-24T09:55:00Z"), "Failed");
        // Labelled by another sensor, and in the events namespace: neither counts.
        triggered("someone-elses", "other-sensor", "t", Instant.parse("2026-10-24T11:59:59Z"), "Running");

        EventStatus.Report report = collect(repoWith(DIRECTORY_SYNC), Optional.of("acme-argo-prod"));

        assertEquals("""

                Event-driven workflows: Sensors in namespace argo-events
                SENSOR                   WAITS FOR                   STARTS                   LAST TRIGGER                   DRIFT
                employee-directory-sync  hr-exports/export-finished  employee-directory-sync  employee-directory-sync-k2x8p  in sync
                                                                                              Failed, 2h5m ago
                nightly-reports          uploads/file-landed         nightly-reports          nightly-reports-aaa            not in repository
                                                                                              Running, 30s ago
                Test messages (each starts the Sensor's workflow for real):
                  employee-directory-sync, on hr-exports/export-finished:
                    gcloud pubsub topics publish hr-export-finished --project acme-hr --message '{"file":"test"}' --attribute 'requestedBy=hr'
                  nightly-reports, on uploads/file-landed:
                    kubectl -n argo-events port-forward svc/uploads-eventsource-svc 12000:80 &
                    curl -X POST http://localhost:12000/file-landed -H 'Content-Type: application/json' -d '{"day":"today"}'
                """, EventStatusFormat.table(report));
    }

    @Test
    void jsonCarriesTheLastTriggerAndTheTestCommands() throws Exception {
        installArgoEvents();
        create(ArgoResources.SENSORS, "argo-events", NIGHTLY_REPORTS);
        create(ArgoResources.EVENT_SOURCES, "argo-events", UPLOADS);
        triggered("nightly-reports-zzz", "nightly-reports", "for-the-day", Instant.parse("2026-10-24T09:55:00Z"), "Succeeded");

        JsonNode json = new ObjectMapper().valueToTree(EventStatusFormat.json(collect(Optional.empty(), Optional.empty())));

        assertEquals("argo-events", json.get("namespace").asText());
        JsonNode sensor = json.at("/sensors/0");
        assertEquals("nightly-reports-zzz", sensor.at("/lastTrigger/workflow").asText());
        assertEquals("for-the-day", sensor.at("/lastTrigger/trigger").asText());
        assertEquals(Duration.ofHours(2).plusMinutes(5).toSeconds(), sensor.at("/lastTrigger/secondsAgo").asLong());
        assertEquals("unknown", sensor.at("/drift/state").asText(), "no workflows/ to compare with");
        assertEquals(2, sensor.at("/testMessages/0/commands").size());
    }

    @Test
    void aSensorThatDiffersFromItsManifestSaysWhere() throws Exception {
        installArgoEvents();
        create(ArgoResources.SENSORS, "argo-events", NIGHTLY_REPORTS.replace("value: today", "value: yesterday"));

        EventStatus.Report report = collect(repoWith(NIGHTLY_REPORTS), Optional.empty());

        assertEquals(Status.DriftState.DIFFERENT, report.sensors().get(0).drift().state());
        assertEquals(List.of("spec.triggers[0].template.k8s.parameters[0].src.value: workflows/ has 'today', the cluster 'yesterday'"),
                report.sensors().get(0).drift().differences());
    }

    @Test
    void aSensorWhoseEventSourceIsNotOnTheClusterSaysSoInsteadOfACommand() throws Exception {
        installArgoEvents();
        create(ArgoResources.SENSORS, "argo-events", NIGHTLY_REPORTS);

        String table = EventStatusFormat.table(collect(Optional.empty(), Optional.empty()));

        assertTrue(table.endsWith("  nightly-reports, on uploads/file-landed: no EventSource uploads in namespace argo-events\n"), table);
    }

    @Test
    void notAllowedToReadSensorsIsOneLineNotAFailure() {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argo-events/sensors")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"sensors.argoproj.io is forbidden\"}").always();

        String table = EventStatusFormat.table(collect(Optional.empty(), Optional.empty()));

        assertTrue(table.startsWith("\nEvent-driven workflows: Sensors in namespace argo-events: not allowed to list Sensors"
                + " in namespace argo-events (HTTP 403: sensors.argoproj.io is forbidden)"), table);
    }
}
