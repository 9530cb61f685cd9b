package dev.argogke.migrate;

import java.util.Map;
import java.util.Optional;

/**
 * One CronJob read and checked, split by where each part goes in a CronWorkflow. A single
 * CronJob and a chain of CronJobs are both assembled from these.
 *
 * @param report             where findings about this CronJob go
 * @param name               {@code metadata.name}
 * @param namespace          {@code metadata.namespace}, when given
 * @param schedule           {@code spec.schedule} without a {@code CRON_TZ=} prefix
 * @param timezone           {@code spec.timeZone} (or the prefix's zone), when given
 * @param cronSettings       CronWorkflow spec fields with the same name and meaning, in output order
 * @param labels             the CronJob's labels
 * @param annotations        the CronJob's annotations (kubectl's bookkeeping removed)
 * @param workflowLabels     the job template's labels: they were on each Job, now on each Workflow
 * @param workflowAnnotations the job template's annotations
 * @param jobDeadline        the Job's {@code activeDeadlineSeconds}: all attempts together
 * @param ttlSeconds         the Job's {@code ttlSecondsAfterFinished}
 * @param backoffLimit       the Job's {@code backoffLimit}, Kubernetes' default when absent
 * @param podLabels          the pod template's labels
 * @param podAnnotations     the pod template's annotations
 * @param podDeadline        the pod's own {@code activeDeadlineSeconds}
 * @param templateFields     Argo template fields taken from the pod spec, in output order, ending with
 *                           {@code container} and {@code sidecars}
 * @param workflowPodFields  pod spec fields Argo only has at the workflow level ({@code imagePullSecrets}, ...)
 */
record JobParts(
        JobReport report,
        String name,
        Optional<String> namespace,
        String schedule,
        Optional<String> timezone,
        Map<String, Object> cronSettings,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, String> workflowLabels,
        Map<String, String> workflowAnnotations,
        Optional<Long> jobDeadline,
        Optional<Long> ttlSeconds,
        long backoffLimit,
        Map<String, String> podLabels,
        Map<String, String> podAnnotations,
        Optional<Long> podDeadline,
        Map<String, Object> templateFields,
        Map<String, Object> workflowPodFields) {

    CronJobSource source() {
        return report.source();
    }

    /** The main container (the pod's first), exactly as the CronJob had it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mainContainer() {
        return (Map<String, Object>) templateFields.get("container");
    }
}
