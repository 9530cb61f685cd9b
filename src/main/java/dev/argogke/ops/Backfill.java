package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Re-runs the schedule times of a window: one Workflow per time, as the cron controller would have
 * made it, at most {@code parallel} unfinished at once.
 *
 * <p>Safe to stop and to repeat: each Workflow's name is a function of the cron and the time
 * ({@link BackfillNames}), and a create either happens whole or not at all on the API server, so
 * after Ctrl-C, a crash or a lost connection, running the same command again creates exactly the
 * ones still missing and counts the rest as existing.
 */
public final class Backfill {
    /** Beyond this many times in one window the answer is "narrow the window", even with --yes. */
    static final int HARD_LIMIT = 10_000;
    /** Stop after this many failed creates in a row: the cause is not going away by itself. */
    static final int FAILURES_IN_A_ROW = 3;

    private final ArgoCluster cluster;
    private final Clock clock;
    private final Duration pollInterval;

    public Backfill(ArgoCluster cluster, Clock clock, Duration pollInterval) {
        this.cluster = cluster;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    /** What the user asked for; times as typed ({@link TimeArgument}). */
    public record Request(String cronWorkflow, String from, String to, int parallel, boolean dryRun, int max, boolean yes) {
    }

    /** One schedule time to backfill and the name of its Workflow. */
    public record Item(ZonedDateTime time, List<String> schedules, String workflowName) {
    }

    /**
     * @param toClamped the window's end was in the future and was moved to now
     * @param existing  names of items whose Workflow already exists (a rerun)
     * @param runId     marks this run's Workflows, to tell "created by my lost attempt" from "already there"
     */
    public record Plan(CronWorkflowInfo cron, ZonedDateTime from, ZonedDateTime to, boolean toClamped,
                       List<Item> items, Set<String> existing, int parallel, boolean parameterSet, String runId) {
    }

    public record Counts(int created, int existing, int failed, int done, int total) {
    }

    public record Failure(Item item, String reason) {
    }

    /**
     * @param stopped     Ctrl-C, or {@link #FAILURES_IN_A_ROW} failures, ended it early
     * @param stopReason  why, when stopped
     * @param notStarted  items never tried
     * @param stillRunning Workflows of this backfill not finished at the end
     */
    public record Summary(Counts counts, int retries, List<Failure> failures, boolean stopped, String stopReason,
                          int notStarted, List<String> stillRunning) {
        public boolean ok() {
            return counts.failed() == 0 && !stopped;
        }
    }

    /** Progress as it happens; all methods are optional. */
    public interface Listener {
        default void started(Plan plan) {
        }

        default void waitingForSlot(int running, int parallel) {
        }

        default void retrying(String what, int failedAttempt, String reason, Duration wait) {
        }

        default void finished(Item item, CreateResult result, Counts counts) {
        }
    }

    /** Reads the cron, works out the times and checks the window; creates nothing. */
    public Plan plan(Request request) {
        if (request.parallel() < 1) {
            throw new UserError("--parallel " + request.parallel() + ": must be at least 1");
        }
        if (request.max() < 1) {
            throw new UserError("--max " + request.max() + ": must be at least 1");
        }
        CronWorkflowInfo cron = CronWorkflowInfo.of(cluster.requireCronWorkflow(request.cronWorkflow()));
        Schedules schedules = Schedules.of(cron);
        if (schedules.isEmpty()) {
            throw new UserError("CronWorkflow " + cron.name() + " has no spec.schedules: nothing to backfill");
        }
        ZonedDateTime from = TimeArgument.parse("--from", request.from(), cron.zone());
        ZonedDateTime to = TimeArgument.parse("--to", request.to(), cron.zone());
        if (!from.isBefore(to)) {
            throw new UserError("--from " + request.from() + " is not before --to " + request.to()
                    + ": the window is [from, to), so from must come first");
        }
        ZonedDateTime now = clock.instant().atZone(cron.zone());
        boolean clamped = false;
        if (to.isAfter(now)) {
            // Times still ahead are the cron's own business; backfilling them would run them twice.
            if (!from.isBefore(now)) {
                throw new UserError("--from " + request.from() + " is in the future: backfill re-runs past schedule"
                        + " times; the cron will run the coming ones itself");
            }
            to = now;
            clamped = true;
        }
        boolean unlimited = request.yes() || request.dryRun();
        int perLine = unlimited ? HARD_LIMIT + 1 : request.max() + 1;
        List<Schedules.ScheduledTime> times = schedules.between(from, to, perLine);
        if (times.size() > HARD_LIMIT) {
            throw new UserError("the window " + request.from() + " to " + request.to() + " holds more than " + HARD_LIMIT
                    + " schedule times of " + cron.name() + ": narrow it");
        }
        if (times.size() > request.max() && !unlimited) {
            throw new UserError("the window " + request.from() + " to " + request.to() + " holds more than " + request.max()
                    + " schedule times of " + cron.name() + " (at least " + times.size() + "): look first with --dry-run,"
                    + " then pass --yes to create them all (or raise --max)");
        }
        List<Item> items = new ArrayList<>();
        for (Schedules.ScheduledTime t : times) {
            items.add(new Item(t.time(), t.schedules(), BackfillNames.of(cron.name(), t.time().toInstant())));
        }
        Set<String> existing = new LinkedHashSet<>();
        Set<String> names = new java.util.HashSet<>(items.stream().map(Item::workflowName).toList());
        for (GenericKubernetesResource wf : cluster.workflows(ArgoResources.LABEL_BACKFILL_OF, cron.name())) {
            if (names.contains(wf.getMetadata().getName())) {
                existing.add(wf.getMetadata().getName());
            }
        }
        boolean parameterSet = WorkflowFromCron.declaredParameters(cron).contains(ArgoResources.PARAMETER_SCHEDULED_TIME);
        return new Plan(cron, from, to, clamped, List.copyOf(items), existing, request.parallel(), parameterSet,
                UUID.randomUUID().toString());
    }

    /** Creates the plan's Workflows; stops early on Ctrl-C (the cluster's cancellation) or repeated failures. */
    public Summary run(Plan plan, Listener listener) {
        Cancellation cancellation = cluster.retry().cancellation();
        cluster.retry().observedBy(listener::retrying);
        Progress progress = new Progress(plan.items().size());
        String stopReason = null;
        listener.started(plan);
        try {
            for (Item item : plan.items()) {
                if (cancellation.isCancelled()) {
                    stopReason = "stopped by request";
                    break;
                }
                if (!waitForSlot(plan, progress.unfinished, listener)) {
                    stopReason = "stopped by request";
                    break;
                }
                CreateResult result = cluster.create(workflow(plan, item), ArgoResources.ANNOTATION_BACKFILL_RUN);
                progress.record(item, result);
                listener.finished(item, result, progress.counts());
                if (progress.inARow >= FAILURES_IN_A_ROW) {
                    stopReason = FAILURES_IN_A_ROW + " creates failed in a row (last: " + result.failure() + ")";
                    break;
                }
            }
        } catch (Retry.Cancelled e) {
            stopReason = "stopped by request";
        } finally {
            cluster.retry().observedBy(Retry.Observer.NONE);
        }
        Set<String> unfinished = progress.unfinished;
        List<String> stillRunning = List.copyOf(unfinished);
        if (stopReason == null && !unfinished.isEmpty()) {
            try {
                refresh(plan, unfinished);
                stillRunning = List.copyOf(unfinished);
            } catch (Retry.Cancelled e) {
                // the summary keeps the last known list
            }
        }
        return new Summary(progress.counts(), progress.retries, List.copyOf(progress.failures),
                stopReason != null, stopReason, progress.total - progress.done, stillRunning);
    }

    /** What a run has done so far, and which of its Workflows may still be running. */
    private static final class Progress {
        final Set<String> unfinished = new LinkedHashSet<>();
        final List<Failure> failures = new ArrayList<>();
        final int total;
        int created;
        int existing;
        int retries;
        int inARow;
        int done;

        Progress(int total) {
            this.total = total;
        }

        void record(Item item, CreateResult result) {
            retries += result.retries();
            done++;
            switch (result.outcome()) {
                case CREATED -> {
                    created++;
                    inARow = 0;
                    unfinished.add(item.workflowName());
                }
                case EXISTING -> {
                    existing++;
                    inARow = 0;
                    if (!finished(result.workflow())) {
                        unfinished.add(item.workflowName());
                    }
                }
                case FAILED -> {
                    failures.add(new Failure(item, result.failure()));
                    inARow++;
                }
            }
        }

        Counts counts() {
            return new Counts(created, existing, failures.size(), done, total);
        }
    }

    /** The Workflow for one time: the controller's, plus our label and run mark, plus the time as a parameter. */
    static GenericKubernetesResource workflow(Plan plan, Item item) {
        GenericKubernetesResource wf = WorkflowFromCron.forSchedule(plan.cron(), item.workflowName(), item.time());
        wf.getMetadata().getLabels().put(ArgoResources.LABEL_BACKFILL_OF, plan.cron().name());
        wf.getMetadata().getAnnotations().put(ArgoResources.ANNOTATION_BACKFILL_RUN, plan.runId());
        if (plan.parameterSet()) {
            WorkflowFromCron.setDeclaredParameter(wf, ArgoResources.PARAMETER_SCHEDULED_TIME,
                    WorkflowFromCron.RFC3339.format(item.time()));
        }
        return wf;
    }

    /** Waits until fewer than {@code parallel} of this backfill's Workflows are unfinished; false if stopped. */
    private boolean waitForSlot(Plan plan, Set<String> unfinished, Listener listener) {
        boolean told = false;
        while (unfinished.size() >= plan.parallel()) {
            refresh(plan, unfinished);
            if (unfinished.size() < plan.parallel()) {
                break;
            }
            if (!told) {
                listener.waitingForSlot(unfinished.size(), plan.parallel());
                told = true;
            }
            if (!cluster.retry().cancellation().sleep(pollInterval)) {
                return false;
            }
        }
        return true;
    }

    /** Drops from {@code unfinished} what has finished or is gone (deleted, garbage-collected). */
    private void refresh(Plan plan, Set<String> unfinished) {
        Map<String, GenericKubernetesResource> byName = new HashMap<>();
        for (GenericKubernetesResource wf : cluster.workflows(ArgoResources.LABEL_BACKFILL_OF, plan.cron().name())) {
            byName.put(wf.getMetadata().getName(), wf);
        }
        unfinished.removeIf(name -> !byName.containsKey(name) || finished(byName.get(name)));
    }

    /** Argo's completed phases (WorkflowPhase.Completed in pkg/apis/workflow/v1alpha1/workflow_phase.go). */
    static boolean finished(GenericKubernetesResource wf) {
        String phase = Tree.text(wf.getAdditionalProperties(), "status.phase");
        return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
    }
}
