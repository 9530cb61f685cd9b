package dev.argogke.ops;

import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.ImageOverride;
import java.util.Optional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class StatusTest {
    static {
        MockServerLogging.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path repo;

    @BeforeEach
    void registerArgoKinds() {
        server.expectCustomResource(ArgoResources.CRON_WORKFLOWS);
        server.expectCustomResource(ArgoResources.WORKFLOWS);
    }

    private void cron(String yaml) {
        client.genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace("argo")
                .resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    private static String cronYaml(String name, String timezone, String... schedules) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: %s}
                spec:
                  schedules: [%s]
                  timezone: %s
                  workflowSpec:
                    entrypoint: main
                    templates: [{name: main, container: {image: "ghcr.io/acme/etl:1.2"}}]
                """.formatted(name, String.join(", ", List.of(schedules).stream().map(s -> "\"" + s + "\"").toList()), timezone);
    }

    private Status.Report status(String now) {
        return status(now, Optional.empty());
    }

    private Status.Report status(String now, Optional<RepoCronWorkflows> repoCrons) {
        Cancellation c = new Cancellation();
        ArgoCluster cluster = new ArgoCluster(KubeConnection.wrap(client), "argo",
                new Retry(RetryPolicy.standard(), c, c::sleep, null));
        return Status.collect(cluster, repoCrons, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static List<String> nextRuns(Status.Report report, String name) {
        return report.crons().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                .nextRuns().stream().map(StatusFormat.TIME::format).toList();
    }

    private Status.CronStatus row(Status.Report report, String name) {
        return report.crons().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nextRunsOfAMorningJobShiftTheirOffsetWhenOsloSpringsForward() {
        cron(cronYaml("morning", "Europe/Oslo", "30 6 * * *"));

        assertEquals(List.of("2026-03-28 06:30 +01:00", "2026-03-29 06:30 +02:00", "2026-03-30 06:30 +02:00"),
                nextRuns(status("2026-03-27T12:00:00Z"), "morning"));
    }

    @Test
    void jobInTheHourOsloSkipsOnTheSpringChangeHasNoRunThatDay() {
        cron(cronYaml("night", "Europe/Oslo", "30 2 * * *"));

        assertEquals(List.of("2026-03-28 02:30 +01:00", "2026-03-30 02:30 +02:00", "2026-03-31 02:30 +02:00"),
                nextRuns(status("2026-03-27T12:00:00Z"), "night"));
    }

    @Test
    void jobInTheHourOsloRepeatsOnTheAutumnChangeRunsTwiceThatNight() {
        cron(cronYaml("night", "Europe/Oslo", "30 2 * * *"));

        assertEquals(List.of("2026-10-25 02:30 +02:00", "2026-10-25 02:30 +01:00", "2026-10-26 02:30 +01:00"),
                nextRuns(status("2026-10-24T12:00:00Z"), "night"));
    }

    @Test
    void hourlyJobAcrossTheAutumnChangeRunsAtBothTwoOClocks() {
        cron(cronYaml("hourly", "Europe/Oslo", "0 * * * *"));

        assertEquals(List.of("2026-10-25 02:00 +02:00", "2026-10-25 02:00 +01:00", "2026-10-25 03:00 +01:00"),
                nextRuns(status("2026-10-24T23:30:00Z"), "hourly"));
    }

    @Test
    void nextRunsMergeAllScheduleLinesInTheCronsZone() {
        cron(cronYaml("twice", "America/New_York", "0 18 * * *", "0 6 * * *"));

        assertEquals(List.of("2026-03-08 18:00 -04:00", "2026-03-09 06:00 -04:00", "2026-03-09 18:00 -04:00"),
                nextRuns(status("2026-03-08T12:00:00Z"), "twice"));
    }

    @Test
    void suspendedCronHasNoNextRuns() {
        cron(cronYaml("paused", "UTC", "0 * * * *").replace("spec:\n", "spec:\n  suspend: true\n"));

        Status.CronStatus row = row(status("2026-03-08T12:00:00Z"), "paused");
        assertTrue(row.suspended());
        assertEquals(List.of(), row.nextRuns());
    }

    @Test
    void lastScheduledActiveAndLastRunComeFromTheCluster() {
        cron(cronYaml("etl", "Europe/Oslo", "0 2 * * *"));
        GenericKubernetesResource etl = client.genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace("argo")
                .withName("etl").get();
        etl.setAdditionalProperty("status", Map.of("lastScheduledTime", "2026-03-08T01:00:00Z",
                "active", List.of(Map.of("name", "etl-1772931600", "namespace", "argo"))));
        client.genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace("argo").resource(etl).update();
        workflow("etl-1772845200", "etl", Map.of("phase", "Failed", "startedAt", "2026-03-07T01:00:00Z",
                "finishedAt", "2026-03-07T01:04:12Z"));
        workflow("etl-1772931600", "etl", Map.of("phase", "Running", "startedAt", "2026-03-08T01:00:00Z"));
        workflow("other-1", "other", Map.of("phase", "Succeeded", "startedAt", "2026-03-08T05:00:00Z"));

        Status.CronStatus row = row(status("2026-03-08T01:30:00Z"), "etl");

        assertEquals("2026-03-08 02:00 +01:00", StatusFormat.TIME.format(row.lastScheduled().orElseThrow()));
        assertEquals(List.of("etl-1772931600"), row.active());
        Status.LastRun last = row.lastRun().orElseThrow();
        assertEquals("etl-1772931600", last.workflow());
        assertEquals("Running", last.phase());
        assertEquals(Optional.of(Duration.ofMinutes(30)), last.duration());
    }

    private void workflow(String name, String cron, Map<String, Object> status) {
        GenericKubernetesResource wf = Serialization.unmarshal("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: %s
                  labels: {workflows.argoproj.io/cron-workflow: %s}
                spec: {entrypoint: main}
                """.formatted(name, cron), GenericKubernetesResource.class);
        wf.setAdditionalProperty("status", status);
        client.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace("argo").resource(wf).create();
    }

    @Test
    void driftNamesMissingExtraAndDifferentCronWorkflowsAndIgnoresServerDefaults() throws Exception {
        Files.writeString(repo.resolve("crons.yaml"), cronYaml("same", "Europe/Oslo", "0 2 * * *") + "---\n"
                + cronYaml("changed", "Europe/Oslo", "0 6 * * *") + "---\n"
                + cronYaml("not-deployed", "UTC", "0 3 * * *"));
        // What the API server and Argo add (defaults, status) is not drift.
        cron(cronYaml("same", "Europe/Oslo", "0 2 * * *").replace("spec:\n", "spec:\n  concurrencyPolicy: Allow\n  suspend: false\n"));
        cron(cronYaml("changed", "Europe/Oslo", "0 7 * * *").replace("ghcr.io/acme/etl:1.2", "ghcr.io/acme/etl:1.3"));
        cron(cronYaml("hand-made", "UTC", "0 4 * * *"));

        Status.Report report = status("2026-03-08T12:00:00Z",
                RepoCronWorkflows.load(repo, "argo", DeployedForm.asWritten()));

        assertEquals(Status.DriftState.IN_SYNC, row(report, "same").drift().state());
        assertEquals(Status.DriftState.MISSING, row(report, "not-deployed").drift().state());
        assertEquals(Status.DriftState.EXTRA, row(report, "hand-made").drift().state());
        Status.Drift changed = row(report, "changed").drift();
        assertEquals(Status.DriftState.DIFFERENT, changed.state());
        assertEquals(List.of("spec.schedules[0]: workflows/ has '0 6 * * *', the cluster '0 7 * * *'",
                "spec.workflowSpec.templates[0].container.image: workflows/ has 'ghcr.io/acme/etl:1.2', the cluster"
                        + " 'ghcr.io/acme/etl:1.3'"), changed.differences());
    }

    @Test
    void whatTheStackChangesOnDeployIsNotDrift() throws Exception {
        String own = "europe-docker.pkg.dev/acme-prod/images/etl:1.2";
        Files.writeString(repo.resolve("etl.yaml"), cronYaml("etl", "UTC", "0 2 * * *")
                .replace("spec:\n", "spec:\n  suspend: false\n").replace("ghcr.io/acme/etl:1.2", own));
        cron(cronYaml("etl", "UTC", "0 2 * * *").replace("spec:\n", "spec:\n  suspend: true\n")
                .replace("ghcr.io/acme/etl:1.2", "europe-west1-docker.pkg.dev/acme-dev/images/etl:dev"));
        DeployedForm dev = new DeployedForm(true, new ImageOverride(Optional.of("europe-west1-docker.pkg.dev/acme-dev/images"), Optional.of("dev")));

        assertEquals(Status.DriftState.IN_SYNC, row(status("2026-03-08T12:00:00Z",
                RepoCronWorkflows.load(repo, "argo", dev)), "etl").drift().state());
        assertEquals(2, row(status("2026-03-08T12:00:00Z",
                RepoCronWorkflows.load(repo, "argo", DeployedForm.asWritten())), "etl").drift().differences().size());
    }

    @Test
    void jsonCarriesEveryFieldWithOffsetsForTools() throws Exception {
        cron(cronYaml("morning", "Europe/Oslo", "30 6 * * *"));

        JsonNode json = new ObjectMapper().readTree(StatusFormat.json(status("2026-03-28T12:00:00Z")));

        JsonNode morning = json.get("cronWorkflows").get(0);
        assertEquals("morning", morning.get("name").asText());
        assertEquals("Europe/Oslo", morning.get("timezone").asText());
        assertEquals("2026-03-29T06:30:00+02:00", morning.get("nextRuns").get(0).asText());
        assertEquals("unknown", morning.get("drift").get("state").asText());
        assertTrue(morning.get("lastRun").isNull());
    }

    @Test
    void cronWorkflowInAZoneGoKnowsAndJavaTimeDoesNotShowsItsRuns() {
        // Argo's controller loads "EST" (a tzdata link to America/Panama, -05:00 all year);
        // robfig/cron v3.0.1's next run after 2026-07-01T00:00Z for "0 2 * * *" is 07:00Z.
        cron(cronYaml("eastern", "EST", "0 2 * * *"));

        Status.Report report = status("2026-07-01T00:00:00Z");

        assertEquals(Optional.empty(), row(report, "eastern").problem());
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"), row(report, "eastern").nextRuns().get(0).toInstant());
    }

    @Test
    void scheduleWithItsOwnZoneUnderSpecTimezoneIsReportedAsTheControllerRejectsIt() {
        // The controller schedules "CRON_TZ=Europe/Oslo CRON_TZ=Asia/Tokyo 0 2 * * *": robfig reads
        // six fields and the CronWorkflow never runs (validation, which skips the prefix, lets it in).
        cron(cronYaml("tokyo", "Europe/Oslo", "CRON_TZ=Asia/Tokyo 0 2 * * *"));

        Status.Report report = status("2026-07-01T00:00:00Z");

        String problem = row(report, "tokyo").problem().orElseThrow();
        assertTrue(problem.startsWith("spec.schedules[0] 'CRON_TZ=Asia/Tokyo 0 2 * * *': expected 5 fields"), problem);
        assertTrue(problem.endsWith("keep only one of them"), problem);
        assertEquals(List.of(), row(report, "tokyo").nextRuns());
    }

    @Test
    void aTimeZoneWithASpaceIsReportedAsTheControllerRefusesIt() {
        // Go 1.26 time.LoadLocation("Europe/Oslo "): "unknown time zone Europe/Oslo "; ops used to trim it.
        cron(cronYaml("padded", "'Europe/Oslo '", "0 2 * * *"));

        Status.Report report = status("2026-03-08T12:00:00Z");

        assertEquals(Optional.of("spec.timezone 'Europe/Oslo ' is not a known time zone (use an IANA name such as Europe/Oslo)"),
                row(report, "padded").problem());
    }

    @Test
    void aCronWorkflowNotYetDeployedRunsInTheZoneGoLoadsForItsName() throws Exception {
        // Go 1.26 time.LoadLocation("EST"): -05:00 all year (tzdata's backward link to America/Panama);
        // java.time's ZoneId.of("EST") throws, which made this row UTC before.
        Files.writeString(repo.resolve("crons.yaml"), cronYaml("eastern", "EST", "0 3 * * *"));

        Status.Report report = status("2026-03-08T12:00:00Z", RepoCronWorkflows.load(repo, "argo", DeployedForm.asWritten()));

        assertEquals(Status.DriftState.MISSING, row(report, "eastern").drift().state());
        assertEquals(ZoneId.of("America/Panama"), row(report, "eastern").zone());
    }

    @Test
    void onlyTheBooleanTrueSuspendsACronWorkflow() throws Exception {
        // CronWorkflowSpec.Suspend is a Go bool (argo-workflows v4.0.7 cron_workflow_types.go) and the
        // chart's full CRD (argo-helm 1.0.18, crds.full: true) declares it "type: boolean": the text
        // "true" suspends nothing, the API server refuses it. ops used to count the text as true.
        Files.writeString(repo.resolve("crons.yaml"), cronYaml("quoted", "UTC", "0 3 * * *")
                .replace("spec:\n", "spec:\n  suspend: \"true\"\n") + "---\n"
                + cronYaml("suspended", "UTC", "0 3 * * *").replace("spec:\n", "spec:\n  suspend: true\n"));

        Status.Report report = status("2026-03-08T12:00:00Z", RepoCronWorkflows.load(repo, "argo", DeployedForm.asWritten()));

        assertFalse(row(report, "quoted").suspended());
        assertTrue(row(report, "suspended").suspended());
    }

    @Test
    void cronWorkflowWithAnUnknownTimeZoneIsReportedWithoutHidingTheOthers() {
        cron(cronYaml("broken", "Europe/Olso", "0 2 * * *"));
        cron(cronYaml("fine", "UTC", "0 2 * * *"));

        Status.Report report = status("2026-03-08T12:00:00Z");

        assertEquals(Optional.of("spec.timezone 'Europe/Olso' is not a known time zone (use an IANA name such as Europe/Oslo)"),
                row(report, "broken").problem());
        assertEquals(List.of(), row(report, "broken").nextRuns());
        assertEquals(3, row(report, "fine").nextRuns().size());
        assertTrue(StatusFormat.table(report).contains(
                "broken: spec.timezone 'Europe/Olso' is not a known time zone (use an IANA name such as Europe/Oslo)\n"));
    }
}
