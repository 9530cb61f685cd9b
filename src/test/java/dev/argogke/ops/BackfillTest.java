package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.testing.TreePath;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-04-15T12:00:00Z"), ZoneOffset.UTC);
    static final String WORKFLOWS = "/apis/argoproj.io/v1alpha1/namespaces/argo/workflows";

    @TempDir
    Path dir;
    MockArgo argo;
    Cancellation cancellation = new Cancellation();

    @BeforeEach
    void start() throws Exception {
        argo = MockArgo.start(dir);
        argo.addCron(MockArgo.dailyCron("nightly-etl", "0 6 * * *", "Europe/Oslo"));
    }

    @AfterEach
    void stop() throws Exception {
        argo.close();
    }

    Backfill backfill() {
        return new Backfill(argo.cluster(cancellation), NOW, Duration.ofMillis(5));
    }

    Backfill.Summary backfill(String from, String to, int parallel) {
        return backfill(from, to, parallel, new Backfill.Listener() { });
    }

    Backfill.Summary backfill(String from, String to, int parallel, Backfill.Listener listener) {
        Backfill backfill = backfill();
        Backfill.Plan plan = backfill.plan(new Backfill.Request("nightly-etl", from, to, parallel, false, 100, false));
        return backfill.run(plan, listener);
    }

    @Test
    void backfillOverThirtyDaysCreatesThirtyWorkflows() {
        Backfill.Summary summary = backfill("2026-03-01", "2026-03-31", 100);

        assertEquals(new Backfill.Counts(30, 0, 0, 30, 30), summary.counts());
        assertTrue(summary.ok());
        List<GenericKubernetesResource> created = argo.workflows();
        assertEquals(30, created.size());
        // 06:00 in Oslo is 05:00Z before the change on 2026-03-29 and 04:00Z after it.
        assertEquals("nightly-etl-202603010500", created.get(0).getMetadata().getName());
        assertEquals("nightly-etl-202603300400", created.get(29).getMetadata().getName());
    }

    @Test
    void rerunOfTheSameWindowCreatesNothingAndCountsThirtyExisting() {
        backfill("2026-03-01", "2026-03-31", 100);

        Backfill.Summary again = backfill("2026-03-01", "2026-03-31", 100);

        assertEquals(new Backfill.Counts(0, 30, 0, 30, 30), again.counts());
        assertEquals(30, argo.workflows().size());
    }

    @Test
    void serverErrorOnEveryThirdCreateIsRetriedAndAllThirtyAreCreated() {
        FaultInjector.Rule rule = argo.faults.on("POST", WORKFLOWS, n -> n % 3 == 0,
                FaultInjector.status(500, "etcd leader changed"));

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-31", 100);

        assertEquals(new Backfill.Counts(30, 0, 0, 30, 30), summary.counts());
        assertEquals(30, argo.workflows().size());
        // 30 creates that succeed plus one failed attempt per two good ones in between: 14 faults.
        assertEquals(rule.fired().get(), summary.retries());
        assertEquals(14, summary.retries());
    }

    @Test
    void throttledCreateWaitsAsLongAsRetryAfterSays() {
        argo.faults.on("POST", WORKFLOWS, n -> n == 2, FaultInjector.throttled("7"));

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-04", 100);

        assertEquals(3, summary.counts().created());
        assertEquals(1, summary.retries());
        assertEquals(List.of(Duration.ofSeconds(7)), argo.sleeps);
    }

    @Test
    void workflowSomeoneElseCreatedCountsAsExistingNotFailed() {
        GenericKubernetesResource squatter = new GenericKubernetesResource();
        squatter.setApiVersion(ArgoResources.API_VERSION);
        squatter.setKind("Workflow");
        squatter.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("nightly-etl-202603020500").build());
        argo.admin.genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(MockArgo.NS).resource(squatter).create();

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-04", 100);

        assertEquals(new Backfill.Counts(2, 1, 0, 3, 3), summary.counts());
    }

    @Test
    void connectionDroppedAfterTheServerCreatedTheWorkflowCountsItAsCreatedOnce() {
        argo.proxy.drop("POST", WORKFLOWS, DroppingProxy.When.AFTER_SERVER, 1);

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-04", 100);

        assertEquals(1, argo.proxy.dropped.get());
        assertEquals(new Backfill.Counts(3, 0, 0, 3, 3), summary.counts());
        assertEquals(1, summary.retries());
        assertEquals(3, argo.workflows().size());
    }

    @Test
    void connectionDroppedBeforeTheServerSawTheCreateIsRetried() {
        argo.proxy.drop("POST", WORKFLOWS, DroppingProxy.When.BEFORE_SERVER, 2);

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-04", 100);

        assertEquals(new Backfill.Counts(3, 0, 0, 3, 3), summary.counts());
        assertEquals(2, summary.retries());
    }

    @Test
    void answerLaterThanTheRequestTimeoutIsRetriedAndTheCreateCountedOnce() {
        argo.faults.on("POST", WORKFLOWS, n -> n == 1, FaultInjector.lateAnswer(Duration.ofSeconds(3)));
        Backfill backfill = new Backfill(argo.cluster(cancellation, Duration.ofMillis(500)), NOW, Duration.ofMillis(5));

        Backfill.Summary summary = backfill.run(backfill.plan(
                new Backfill.Request("nightly-etl", "2026-03-01", "2026-03-03", 100, false, 100, false)), new Backfill.Listener() { });

        assertEquals(new Backfill.Counts(2, 0, 0, 2, 2), summary.counts());
        assertEquals(2, argo.workflows().size());
    }

    @Test
    void createThatKeepsFailingIsReportedAndTheOthersStillHappen() {
        argo.faults.on("POST", WORKFLOWS, n -> n <= 6, FaultInjector.status(503, "apiserver overloaded"));

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-04", 100);

        assertEquals(new Backfill.Counts(2, 0, 1, 3, 3), summary.counts());
        assertEquals("nightly-etl-202603010500", summary.failures().get(0).item().workflowName());
        assertTrue(summary.failures().get(0).reason().contains("503"), summary.failures().get(0).reason());
        assertFalse(summary.ok());
    }

    @Test
    void rejectedCreatesStopTheRunAfterThreeInARow() {
        argo.faults.on("POST", WORKFLOWS, n -> true, FaultInjector.status(422, "spec.templates: invalid"));

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-11", 100);

        assertEquals(3, summary.counts().failed());
        assertEquals(7, summary.notStarted());
        assertTrue(summary.stopped());
        assertTrue(summary.stopReason().contains("422"), summary.stopReason());
    }

    @Test
    void neverMoreThanParallelWorkflowsAreUnfinishedAtOnce() throws Exception {
        AtomicInteger mostUnfinished = new AtomicInteger();
        Thread controller = new Thread(() -> fakeController(mostUnfinished), "fake-controller");
        controller.setDaemon(true);
        controller.start();

        Backfill.Summary summary = backfill("2026-03-01", "2026-03-13", 3);
        // Let the controller see and finish the last ones too, so a run that overshot would show.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (argo.workflows().stream().anyMatch(w -> !Backfill.finished(w)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        controller.interrupt();
        controller.join(5000);

        assertEquals(12, summary.counts().created());
        assertEquals(3, mostUnfinished.get());
    }

    /** Finishes the oldest unfinished Workflow every 30 ms, noting how many were unfinished. */
    private void fakeController(AtomicInteger mostUnfinished) {
        while (!Thread.currentThread().isInterrupted()) {
            List<GenericKubernetesResource> unfinished = argo.workflows().stream().filter(w -> !Backfill.finished(w)).toList();
            mostUnfinished.accumulateAndGet(unfinished.size(), Math::max);
            if (!unfinished.isEmpty()) {
                argo.setStatus(unfinished.get(0).getMetadata().getName(), Map.of("phase", "Succeeded"));
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void dryRunListsTheTimesAndCreatesNothing() {
        Backfill backfill = backfill();
        Backfill.Plan plan = backfill.plan(new Backfill.Request("nightly-etl", "2026-03-28", "2026-03-31", 1, true, 100, false));

        assertEquals(List.of("2026-03-28T06:00+01:00[Europe/Oslo]", "2026-03-29T06:00+02:00[Europe/Oslo]",
                        "2026-03-30T06:00+02:00[Europe/Oslo]"),
                plan.items().stream().map(i -> i.time().toString()).toList());
        assertEquals(0, argo.workflows().size());
    }

    @Test
    void windowWithMoreTimesThanMaxIsRefusedWithoutYes() {
        Backfill backfill = backfill();
        UserError refused = assertThrows(UserError.class, () -> backfill.plan(
                new Backfill.Request("nightly-etl", "2026-01-01", "2026-03-01", 1, false, 50, false)));

        assertTrue(refused.getMessage().contains("more than 50 schedule times"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--yes"), refused.getMessage());
        assertEquals(59, backfill.plan(new Backfill.Request("nightly-etl", "2026-01-01", "2026-03-01", 1, false, 50, true))
                .items().size());
        assertEquals(0, argo.workflows().size());
    }

    @Test
    void workflowCarriesTheScheduledTimeAsAnnotationAndDeclaredParameter() {
        backfill("2026-03-29", "2026-03-30", 1);

        GenericKubernetesResource wf = argo.workflows().get(0);
        assertEquals("2026-03-29T06:00:00+02:00",
                wf.getMetadata().getAnnotations().get(ArgoResources.ANNOTATION_SCHEDULED_TIME));
        List<?> params = (List<?>) TreePath.at(wf.getAdditionalProperties(), "spec.arguments.parameters");
        assertEquals(Map.of("name", "scheduledTime", "value", "2026-03-29T06:00:00+02:00"), params.get(0));
        assertEquals(Map.of("name", "region", "value", "eu"), params.get(1));
        assertEquals("nightly-etl", wf.getMetadata().getLabels().get(ArgoResources.LABEL_CRON_WORKFLOW));
        assertEquals("nightly-etl", wf.getMetadata().getLabels().get(ArgoResources.LABEL_BACKFILL_OF));
        assertEquals("alice", wf.getMetadata().getLabels().get("workflows.argoproj.io/creator"));
        assertEquals("CronWorkflow", wf.getMetadata().getOwnerReferences().get(0).getKind());
    }

    @Test
    void jobInTheSpringGapHasNoRunThatDayAndOneInTheAutumnOverlapRunsTwice() {
        argo.addCron(MockArgo.dailyCron("gap-job", "30 2 * * *", "Europe/Oslo"));
        Backfill backfill = new Backfill(argo.cluster(cancellation), Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                ZoneOffset.UTC), Duration.ofMillis(5));

        Backfill.Plan spring = backfill.plan(new Backfill.Request("gap-job", "2026-03-28", "2026-03-31", 1, true, 100, false));
        Backfill.Plan autumn = backfill.plan(new Backfill.Request("gap-job", "2026-10-24", "2026-10-26", 1, true, 100, false));

        assertEquals(List.of("gap-job-202603280130", "gap-job-202603300030"),
                spring.items().stream().map(Backfill.Item::workflowName).toList());
        assertEquals(List.of("gap-job-202610240030", "gap-job-202610250030", "gap-job-202610250130"),
                autumn.items().stream().map(Backfill.Item::workflowName).toList());
    }

    @Test
    void everyScheduleLineContributesAndSharedTimesComeOnce() {
        argo.addCron("""
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: twice-daily
                spec:
                  schedules: ["0 6 * * *", "0 18 * * *", "0 6 * * 1"]
                  timezone: UTC
                  workflowSpec:
                    entrypoint: main
                    templates: [{name: main, container: {image: busybox}}]
                """);
        Backfill backfill = backfill();

        Backfill.Plan plan = backfill.plan(new Backfill.Request("twice-daily", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z",
                1, true, 100, false));

        assertEquals(List.of("twice-daily-202603020600", "twice-daily-202603021800"),
                plan.items().stream().map(Backfill.Item::workflowName).toList());
        assertEquals(List.of("0 6 * * *", "0 6 * * 1"), plan.items().get(0).schedules());
        assertFalse(plan.parameterSet());
    }

    @Test
    void stopRequestEndsTheRunAndTheSameCommandFinishesIt() {
        Backfill.Summary first = backfill("2026-03-01", "2026-03-11", 100, new Backfill.Listener() {
            @Override
            public void finished(Backfill.Item item, CreateResult result, Backfill.Counts counts) {
                if (counts.done() == 4) {
                    cancellation.cancel();
                }
            }
        });
        assertTrue(first.stopped());
        assertEquals(4, first.counts().created());
        assertEquals(6, first.notStarted());

        cancellation = new Cancellation();
        Backfill.Summary second = backfill("2026-03-01", "2026-03-11", 100);

        assertEquals(new Backfill.Counts(6, 4, 0, 10, 10), second.counts());
        Set<String> names = argo.workflows().stream().map(w -> w.getMetadata().getName()).collect(Collectors.toSet());
        assertEquals(10, names.size());
    }

    @Test
    void windowEndingInTheFutureStopsAtNow() {
        Backfill.Plan plan = backfill().plan(new Backfill.Request("nightly-etl", "2026-04-13", "2026-04-20", 1, true, 100, false));

        assertTrue(plan.toClamped());
        assertEquals(List.of("nightly-etl-202604130400", "nightly-etl-202604140400", "nightly-etl-202604150400"),
                plan.items().stream().map(Backfill.Item::workflowName).toList());
    }

    @Test
    void unknownCronWorkflowNamesTheOnesThatExist() {
        UserError e = assertThrows(UserError.class, () -> backfill().plan(
                new Backfill.Request("nightly", "2026-03-01", "2026-03-02", 1, false, 100, false)));

        assertEquals("no CronWorkflow nightly in namespace argo (there are: nightly-etl)", e.getMessage());
    }
}
