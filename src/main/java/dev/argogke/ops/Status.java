package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.names.TimeZones;
import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code status}: for each CronWorkflow of a namespace, what is scheduled and whether it worked,
 * and whether it still matches {@code workflows/}.
 */
public final class Status {
    /** How many upcoming run times to show. */
    static final int NEXT_RUNS = 3;

    private Status() {
    }

    public enum DriftState {
        /** The cluster has what workflows/ says. */
        IN_SYNC,
        /** Both have it, with different specs. */
        DIFFERENT,
        /** workflows/ has it, the cluster does not (not deployed yet, or deleted by hand). */
        MISSING,
        /** The cluster has it, workflows/ does not (made by hand, or removed from the repository). */
        EXTRA,
        /** No workflows/ folder to compare with. */
        UNKNOWN
    }

    public record Drift(DriftState state, List<String> differences) {
    }

    /** The most recent Workflow a CronWorkflow started (by its cron-workflow label). */
    public record LastRun(String workflow, String phase, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                          Optional<Duration> duration) {
    }

    /**
     * @param timezone   spec.timezone as written, empty when unset
     * @param zone       the zone the schedules run in
     * @param nextRuns   the next {@link #NEXT_RUNS} run times over all schedules, in {@code zone};
     *                   empty when suspended, not in the cluster, or unreadable
     * @param problem    why the schedule cannot be read (an unknown time zone, a bad schedule line),
     *                   which the controller will not run either
     */
    public record CronStatus(String name, List<String> schedules, String timezone, ZoneId zone, boolean suspended,
                             Optional<ZonedDateTime> lastScheduled, List<ZonedDateTime> nextRuns, List<String> active,
                             Optional<LastRun> lastRun, Drift drift, Optional<String> problem) {
    }

    public record Report(String namespace, String context, Instant now, Optional<String> comparedWith, List<CronStatus> crons) {
    }

    public static Report collect(ArgoCluster cluster, Optional<RepoCronWorkflows> repo, Clock clock) {
        Instant now = clock.instant();
        List<GenericKubernetesResource> crons = cluster.cronWorkflows();
        Map<String, LastRun> lastRuns = lastRuns(cluster.workflows(ArgoResources.LABEL_CRON_WORKFLOW, null), now);
        List<CronStatus> rows = new ArrayList<>();
        TreeSet<String> inCluster = new TreeSet<>();
        for (GenericKubernetesResource resource : crons) {
            String name = resource.getMetadata().getName();
            inCluster.add(name);
            Drift drift = repo.map(r -> {
                Map<String, Object> spec = r.specs().get(name);
                if (spec == null) {
                    return new Drift(DriftState.EXTRA, List.<String>of());
                }
                List<String> diffs = SpecDrift.compare(spec, Tree.map(resource.getAdditionalProperties(), "spec"));
                return new Drift(diffs.isEmpty() ? DriftState.IN_SYNC : DriftState.DIFFERENT, diffs);
            }).orElse(new Drift(DriftState.UNKNOWN, List.of()));
            Optional<LastRun> lastRun = Optional.ofNullable(lastRuns.get(name));
            CronWorkflowInfo cron;
            List<ZonedDateTime> next;
            try {
                cron = CronWorkflowInfo.of(resource);
                next = cron.suspended() ? List.of() : Schedules.of(cron).next(now, NEXT_RUNS);
            } catch (UserError e) {
                // One broken CronWorkflow (kubectl apply does not validate it) must not hide the others.
                Map<String, Object> spec = Tree.map(resource.getAdditionalProperties(), "spec");
                rows.add(new CronStatus(name, Tree.list(spec, "schedules").stream().map(String::valueOf).toList(),
                        Tree.text(spec, "timezone"), ZoneOffset.UTC, Tree.isTrue(spec, "suspend"),
                        Optional.empty(), List.of(), List.of(), lastRun, drift,
                        Optional.of(e.getMessage().replaceFirst("^CronWorkflow " + java.util.regex.Pattern.quote(name) + ": ", ""))));
                continue;
            }
            rows.add(new CronStatus(cron.name(), cron.schedules(), cron.timezone(), cron.zone(), cron.suspended(),
                    cron.lastScheduled().map(t -> t.atZone(cron.zone())), next, cron.active(), lastRun, drift, Optional.empty()));
        }
        repo.ifPresent(r -> r.specs().forEach((name, spec) -> {
            if (!inCluster.contains(name)) {
                String tz = Tree.text(spec, "timezone");
                ZoneId zone = zoneOrUtc(tz);
                rows.add(new CronStatus(name, Tree.list(spec, "schedules").stream().map(String::valueOf).toList(), tz, zone,
                        Tree.isTrue(spec, "suspend"), Optional.empty(), List.of(), List.of(),
                        Optional.ofNullable(lastRuns.get(name)), new Drift(DriftState.MISSING, List.of()), Optional.empty()));
            }
        }));
        rows.sort(Comparator.comparing(CronStatus::name));
        return new Report(cluster.namespace(), cluster.connection().context(), now, repo.map(RepoCronWorkflows::source),
                List.copyOf(rows));
    }

    /** The zone the controller would run it in; UTC where it would refuse the name (the row shows no runs). */
    private static ZoneId zoneOrUtc(String tz) {
        return tz.isEmpty() ? ZoneOffset.UTC : TimeZones.cronWorkflowZone(tz).orElse(ZoneOffset.UTC);
    }

    /** Per CronWorkflow name, its latest Workflow: by start time, else creation time. */
    static Map<String, LastRun> lastRuns(List<GenericKubernetesResource> workflows, Instant now) {
        Map<String, GenericKubernetesResource> latest = new HashMap<>();
        Comparator<GenericKubernetesResource> byTime = Comparator.comparing(Status::started)
                .thenComparing(w -> w.getMetadata().getName());
        for (GenericKubernetesResource wf : workflows) {
            Map<String, String> labels = wf.getMetadata().getLabels();
            String cron = labels == null ? null : labels.get(ArgoResources.LABEL_CRON_WORKFLOW);
            if (cron != null) {
                latest.merge(cron, wf, (a, b) -> byTime.compare(a, b) >= 0 ? a : b);
            }
        }
        Map<String, LastRun> out = new HashMap<>();
        latest.forEach((cron, wf) -> {
            Map<String, Object> status = Tree.map(wf.getAdditionalProperties(), "status");
            String phase = Optional.ofNullable(Tree.string(status, "phase")).filter(p -> !p.isEmpty()).orElse("Pending");
            Optional<Instant> startedAt = Optional.ofNullable(Tree.string(status, "startedAt")).flatMap(CronWorkflowInfo::instant);
            Optional<Instant> finishedAt = Optional.ofNullable(Tree.string(status, "finishedAt")).flatMap(CronWorkflowInfo::instant);
            Optional<Duration> duration = startedAt.map(s -> Duration.between(s, finishedAt.orElse(now)));
            out.put(cron, new LastRun(wf.getMetadata().getName(), phase, startedAt, finishedAt, duration));
        });
        return out;
    }

    private static Instant started(GenericKubernetesResource wf) {
        return Optional.ofNullable(Tree.string(wf.getAdditionalProperties(), "status.startedAt")).flatMap(CronWorkflowInfo::instant)
                .or(() -> Optional.ofNullable(wf.getMetadata().getCreationTimestamp()).flatMap(CronWorkflowInfo::instant))
                .orElse(Instant.EPOCH);
    }
}
