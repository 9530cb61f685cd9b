package dev.argogke.migrate;

import dev.argogke.names.KubeNames;
import dev.argogke.names.TimeZones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code batch/v1} CronJob field by field into {@link JobParts}: every field is either
 * carried over, reported as not carried over (by name), or reported as a problem that stops the
 * import. Nothing is dropped silently.
 *
 * <p>Field meanings are those of the Kubernetes API reference (batch/v1 CronJobSpec, JobSpec,
 * core/v1 PodSpec) and of Argo v4.1 (CronWorkflowSpec, WorkflowSpec, Template).
 */
final class CronJobReader {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** Metadata the API server writes; it describes the stored object, not the job. */
    private static final List<String> SERVER_SET_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    /** A schedule that names its zone inline, the pre-1.24 workaround Kubernetes no longer accepts. */
    private static final Pattern TZ_PREFIX = Pattern.compile("^(CRON_TZ|TZ)=(\\S+)\\s+(.*)$");

    /**
     * Job fields whose value here equals Kubernetes' default, which is also what one Argo step
     * does: one pod, run now, replaced once it has failed (k8s pkg/apis/batch/v1/defaults.go).
     */
    private static final Map<String, Object> JOB_DEFAULTS = Map.of(
            "completions", 1, "parallelism", 1, "completionMode", "NonIndexed", "suspend", false,
            "podReplacementPolicy", "TerminatingOrFailed", "manualSelector", false);

    /**
     * Pod fields whose value equals Kubernetes' default, which Argo's pods get too since Argo
     * leaves them unset (k8s pkg/apis/core/v1/defaults.go). The API server fills these in, so
     * CronJobs read from a cluster always carry them.
     */
    private static final Map<String, Object> POD_DEFAULTS = Map.of(
            "dnsPolicy", "ClusterFirst", "schedulerName", "default-scheduler",
            "terminationGracePeriodSeconds", 30, "enableServiceLinks", true);

    /** Pod spec fields an Argo template has under the same name and meaning, in output order. */
    private static final List<String> SAME_NAME_TEMPLATE_FIELDS = List.of("serviceAccountName",
            "automountServiceAccountToken", "priorityClassName", "schedulerName", "nodeSelector", "tolerations",
            "affinity", "hostAliases", "securityContext");

    /** Pod spec fields Argo has only on the whole workflow (WorkflowSpec), not per template. */
    static final List<String> WORKFLOW_LEVEL_POD_FIELDS = List.of("imagePullSecrets", "hostNetwork", "dnsPolicy",
            "dnsConfig");

    /**
     * What Kubernetes does without {@code backoffLimit}: retry a failed Job 6 times
     * (k8s API reference, JobSpec.backoffLimit).
     */
    static final long DEFAULT_BACKOFF_LIMIT = 6;

    private CronJobReader() {
    }

    /** The CronJob's parts, or empty when it has a problem (added to {@code problems}). */
    static Optional<JobParts> read(CronJobSource source, List<String> problems, ImportOptions options) {
        JobReport r = new JobReport(source, problems);
        int before = r.problemCount();
        FieldReader root = new FieldReader(source.content(), "", r);
        root.handled("apiVersion", "kind");
        List<String> serverSet = takeStatus(root);
        CronJobMetadata meta = readMetadata(root, r, serverSet);
        Optional<FieldReader> specOpt = child(root, "spec", r, "not part of a CronJob", "spec", "is missing");
        if (specOpt.isEmpty()) {
            return Optional.empty();
        }
        FieldReader spec = specOpt.get();
        Schedule schedule = readSchedule(spec, r, options);
        Map<String, Object> cronSettings = readCronSettings(spec, r);
        Optional<FieldReader> jobTemplate = child(spec, "jobTemplate", r, "a CronWorkflow has no such field",
                "spec.jobTemplate", "is missing: it holds the job to run");
        if (jobTemplate.isEmpty()) {
            return Optional.empty();
        }

        // spec.jobTemplate: the Job each run creates; in Argo each run is a Workflow.
        FieldReader jt = jobTemplate.get();
        LabelsAndAnnotations workflowMeta = readLabelsAndAnnotations(jt, r,
                "only labels and annotations carry over, to spec.workflowMetadata");
        Optional<FieldReader> jobSpecOpt = child(jt, "spec", r, "not part of a job template",
                "spec.jobTemplate.spec", "is missing: it holds the pod to run");
        if (jobSpecOpt.isEmpty()) {
            return Optional.empty();
        }
        FieldReader job = jobSpecOpt.get();
        JobSettings jobSettings = readJobSettings(job, r);
        Optional<FieldReader> templateOpt = child(job, "template", r,
                "a Workflow runs one pod per step and has no such setting", job.path("template"),
                "is missing: it holds the pod to run");
        if (templateOpt.isEmpty()) {
            return Optional.empty();
        }

        // spec.jobTemplate.spec.template: the pod, which becomes one Argo template.
        FieldReader pt = templateOpt.get();
        LabelsAndAnnotations podMeta = readLabelsAndAnnotations(pt, r,
                "only labels and annotations carry over, to the template's metadata");
        Optional<FieldReader> podOpt = child(pt, "spec", r, "not part of a pod template", pt.path("spec"),
                "is missing: it holds the containers to run");
        if (podOpt.isEmpty()) {
            return Optional.empty();
        }
        PodSpecReader.Result pod = PodSpecReader.read(podOpt.get(), r);
        if (pod != null) {
            NamespaceNeeds.report(source.content(), pt.path("spec"), meta.namespace(), r, options);
        }
        if (!serverSet.isEmpty()) {
            r.note("", "not carried over, as the API server sets them: " + String.join(", ", serverSet));
        }
        if (r.problemCount() > before || pod == null || meta.name() == null || schedule.cron() == null) {
            return Optional.empty();
        }
        return Optional.of(new JobParts(r, meta.name(), meta.namespace(), schedule.cron(), schedule.timezone(),
                cronSettings, meta.labels(), meta.annotations(), workflowMeta.labels(), workflowMeta.annotations(),
                jobSettings.deadline(), jobSettings.ttl(), jobSettings.backoffLimit(), podMeta.labels(),
                podMeta.annotations(), pod.deadline(), pod.templateFields(), pod.workflowFields()));
    }

    /** The CronJob's own metadata; null name when it is missing or invalid. */
    private record CronJobMetadata(String name, Optional<String> namespace, Map<String, String> labels,
                                   Map<String, String> annotations) {
    }

    /** The cron expression without any inline zone (null when unusable), and the zone it runs in. */
    private record Schedule(String cron, Optional<String> timezone) {
    }

    private record LabelsAndAnnotations(Map<String, String> labels, Map<String, String> annotations) {
    }

    /** What a Job's spec says about one run: its deadline, how long it is kept, how often it is retried. */
    private record JobSettings(Optional<Long> deadline, Optional<Long> ttl, long backoffLimit) {
    }

    /**
     * The object at {@code key}, after reporting what else {@code parent} holds; when it is absent,
     * reports it as missing (a present value of the wrong type is reported by {@link FieldReader#obj}).
     */
    private static Optional<FieldReader> child(FieldReader parent, String key, JobReport r, String leftoverWhy,
                                               String path, String missing) {
        Optional<FieldReader> child = parent.obj(key);
        reportLeftovers(parent, r, leftoverWhy);
        if (child.isEmpty() && !parent.has(key)) {
            r.error(path, missing);
        }
        return child;
    }

    /** The fields the API server has set so far: the status, if the CronJob has one (it is not carried over). */
    private static List<String> takeStatus(FieldReader root) {
        List<String> serverSet = new ArrayList<>();
        if (root.has("status")) {
            root.handled("status");
            serverSet.add("status");
        }
        return serverSet;
    }

    private static CronJobMetadata readMetadata(FieldReader root, JobReport r, List<String> serverSet) {
        FieldReader meta = root.obj("metadata").orElseGet(() -> new FieldReader(Map.of(), "metadata", r));
        String name = meta.string("name").orElse(null);
        if (name == null && !meta.has("name")) {
            r.error("metadata.name", "is missing: the WorkflowTemplate and CronWorkflow are named after it");
        } else if (name != null && !KubeNames.isSubdomain(name)) {
            r.error("metadata.name", "\"" + name + "\" is not a valid Kubernetes name"
                    + " (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }
        Optional<String> namespace = meta.string("namespace");
        Map<String, String> labels = meta.stringMap("labels");
        Map<String, String> annotations = meta.stringMap("annotations");
        if (annotations.remove(LAST_APPLIED) != null) {
            r.note("metadata.annotations." + LAST_APPLIED, "not carried over: kubectl's record of the last apply");
        }
        for (String k : SERVER_SET_METADATA) {
            if (meta.has(k)) {
                serverSet.add("metadata." + k);
            }
            meta.handled(k);
        }
        reportLeftovers(meta, r, "a CronWorkflow's metadata is written fresh");
        return new CronJobMetadata(name, namespace, labels, annotations);
    }

    private static Schedule readSchedule(FieldReader spec, JobReport r, ImportOptions options) {
        String schedule = spec.string("schedule").orElse(null);
        Optional<String> timezone = spec.string("timeZone");
        if (schedule == null) {
            if (!spec.has("schedule")) {
                r.error("spec.schedule", "is missing: a CronJob needs a schedule, e.g. schedule: \"0 3 * * *\"");
            }
        } else if (schedule.isBlank()) {
            r.error("spec.schedule", "is empty: a CronJob needs a schedule, e.g. schedule: \"0 3 * * *\"");
            schedule = null;
        } else {
            Matcher m = TZ_PREFIX.matcher(schedule.trim());
            if (m.matches()) {
                String inline = m.group(2);
                schedule = m.group(3).trim();
                if (timezone.isPresent() && !timezone.get().equals(inline)) {
                    r.error("spec.schedule", "names time zone " + inline + " but spec.timeZone is " + timezone.get()
                            + "; keep only spec.timeZone");
                } else {
                    r.warn("spec.schedule", m.group(1) + "=" + inline + " prefix moved to timezone: " + inline
                            + " (Argo, like current Kubernetes, takes the zone only as a separate field)");
                    timezone = Optional.of(inline);
                }
            }
        }
        checkTimezone(timezone, schedule != null, r, options);
        return new Schedule(schedule, timezone);
    }

    private static void checkTimezone(Optional<String> timezone, boolean hasSchedule, JobReport r,
                                      ImportOptions options) {
        if (timezone.isPresent() && TimeZones.cronJobZone(timezone.get()).isEmpty()) {
            r.error("spec.timeZone", "\"" + timezone.get() + "\" is not a time zone name of the IANA database"
                    + " (e.g. Europe/Berlin, America/New_York, UTC)");
        } else if (timezone.isEmpty() && hasSchedule) {
            r.warn("spec.timeZone", "not set: the CronJob ran in the zone of the kube-controller-manager"
                    + " (UTC on GKE); the CronWorkflow gets timezone: " + options.defaultTimezone()
                    + " so that it keeps running at the same hours"
                    + (options.defaultTimezone().equals("UTC") ? "" : " (as --default-timezone says)")
                    + "; set --default-timezone if your cluster's controller ran in another zone");
        }
    }

    /** The CronJob settings a CronWorkflow has under the same name and meaning. */
    private static Map<String, Object> readCronSettings(FieldReader spec, JobReport r) {
        Map<String, Object> cronSettings = new LinkedHashMap<>();
        spec.string("concurrencyPolicy").ifPresent(p -> {
            if (Set.of("Allow", "Forbid", "Replace").contains(p)) {
                cronSettings.put("concurrencyPolicy", p); // Argo uses the same three words and meanings
            } else {
                r.error("spec.concurrencyPolicy", "\"" + p + "\" is not one of Allow, Forbid, Replace");
            }
        });
        spec.integerAtLeast("startingDeadlineSeconds", 0).ifPresent(v -> cronSettings.put("startingDeadlineSeconds", v));
        spec.bool("suspend").ifPresent(v -> cronSettings.put("suspend", v));
        spec.integerAtLeast("successfulJobsHistoryLimit", 0).ifPresent(v -> cronSettings.put("successfulJobsHistoryLimit", v));
        spec.integerAtLeast("failedJobsHistoryLimit", 0).ifPresent(v -> cronSettings.put("failedJobsHistoryLimit", v));
        return cronSettings;
    }

    /** The labels and annotations of a template's metadata; anything else there is reported. */
    private static LabelsAndAnnotations readLabelsAndAnnotations(FieldReader template, JobReport r, String leftoverWhy) {
        FieldReader meta = template.obj("metadata")
                .orElseGet(() -> new FieldReader(Map.of(), template.path("metadata"), r));
        Map<String, String> labels = meta.stringMap("labels");
        Map<String, String> annotations = meta.stringMap("annotations");
        meta.handled("creationTimestamp");
        reportLeftovers(meta, r, leftoverWhy);
        return new LabelsAndAnnotations(labels, annotations);
    }

    private static JobSettings readJobSettings(FieldReader job, JobReport r) {
        Optional<Long> backoff = job.integerAtLeast("backoffLimit", 0);
        if (backoff.isEmpty() && !job.has("backoffLimit")) {
            r.note(job.path("backoffLimit"), "not set: Kubernetes retried a failed Job " + DEFAULT_BACKOFF_LIMIT
                    + " times by default, so the step retries " + DEFAULT_BACKOFF_LIMIT + " times too");
        }
        Optional<Long> jobDeadline = job.integerAtLeast("activeDeadlineSeconds", 1);
        Optional<Long> ttl = job.integerAtLeast("ttlSecondsAfterFinished", 0);
        if (job.has("podFailurePolicy")) {
            job.handled("podFailurePolicy");
            r.warn(job.path("podFailurePolicy"), "not carried over: Argo has no pod failure policy; the step retries"
                    + " every failure up to the limit (retryStrategy.expression, e.g. lastRetry.exitCode != 42,"
                    + " can express some rules by hand)");
        }
        for (Map.Entry<String, Object> d : JOB_DEFAULTS.entrySet()) {
            if (job.has(d.getKey()) && sameValue(job.peek(d.getKey()), d.getValue())) {
                job.handled(d.getKey()); // the default: one pod, as an Argo step runs
            }
        }
        return new JobSettings(jobDeadline, ttl, backoff.orElse(DEFAULT_BACKOFF_LIMIT));
    }

    static boolean sameValue(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.longValue() == e.longValue();
        }
        return Objects.equals(actual, expected);
    }

    static void reportLeftovers(FieldReader obj, JobReport r, String why) {
        for (String k : obj.leftovers()) {
            r.warn(obj.path(k), "not carried over: " + why);
        }
    }
}
