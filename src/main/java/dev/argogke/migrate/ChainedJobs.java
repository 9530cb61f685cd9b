package dev.argogke.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a chain of CronJobs, run as one workflow, takes from each job: the first job's schedule
 * and settings, the union of labels and annotations, and the workflow-level pod fields all jobs
 * agree on. Everything a later job loses is reported on that job.
 */
final class ChainedJobs {

    private ChainedJobs() {
    }

    /** The chain runs as a whole on the first job's terms; say what that drops from the others. */
    static void reportDifferences(List<JobParts> jobs) {
        JobParts first = jobs.get(0);
        for (int i = 1; i < jobs.size(); i++) {
            JobParts job = jobs.get(i);
            JobReport r = job.report();
            r.warn("spec.schedule", "\"" + job.schedule() + "\" dropped: in the chain this job runs after "
                    + jobs.get(i - 1).name() + ", on " + first.name() + "'s schedule \"" + first.schedule() + "\"");
            if (!job.timezone().equals(first.timezone())) {
                r.warn("spec.timeZone", job.timezone().orElse("(not set)") + " dropped: the chain runs in "
                        + first.name() + "'s zone");
            }
            Set<String> keys = new HashSet<>(first.cronSettings().keySet());
            keys.addAll(job.cronSettings().keySet());
            for (String k : keys.stream().sorted().toList()) {
                Object mine = job.cronSettings().get(k);
                Object theirs = first.cronSettings().get(k);
                if (!Objects.equals(mine, theirs)) {
                    r.warn("spec." + k, (mine == null ? "(not set)" : mine) + " dropped: the chain uses "
                            + first.name() + "'s " + (theirs == null ? "(not set)" : theirs));
                }
            }
            if (!job.ttlSeconds().equals(first.ttlSeconds())) {
                r.warn("spec.jobTemplate.spec.ttlSecondsAfterFinished", job.ttlSeconds().map(String::valueOf)
                        .orElse("(not set)") + " dropped: the chain is kept as long as " + first.name() + " says ("
                        + first.ttlSeconds().map(s -> s + " seconds").orElse("no TTL") + ")");
            }
        }
    }

    /**
     * Pod fields Argo only has for the whole workflow. Image pull secrets add up harmlessly; the
     * others are carried over only when every chained job agrees.
     */
    static Map<String, Object> workflowPodFields(List<JobParts> jobs) {
        Map<String, Object> out = new LinkedHashMap<>();
        String podPath = "spec.jobTemplate.spec.template.spec.";
        for (String field : CronJobReader.WORKFLOW_LEVEL_POD_FIELDS) {
            if (field.equals("imagePullSecrets")) {
                List<Object> all = new ArrayList<>();
                for (JobParts j : jobs) {
                    if (j.workflowPodFields().get(field) instanceof List<?> l) {
                        l.stream().filter(s -> !all.contains(s)).forEach(all::add);
                    }
                }
                if (!all.isEmpty()) {
                    out.put(field, all);
                }
                continue;
            }
            Set<Object> values = jobs.stream().map(j -> j.workflowPodFields().get(field))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Object value = values.iterator().next();
            if (values.size() == 1) {
                if (value != null) {
                    out.put(field, value);
                }
            } else {
                for (JobParts j : jobs) {
                    if (j.workflowPodFields().get(field) != null) {
                        j.report().warn(podPath + field, "not carried over: the chained jobs differ in it, and"
                                + " Argo sets it for the whole workflow only");
                    }
                }
            }
        }
        return out;
    }

    /** Labels or annotations of all jobs; on a clash the earlier job's value stays. */
    static Map<String, String> merge(List<JobParts> jobs,
                                             Function<JobParts, Map<String, String>> part,
                                             String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JobParts j : jobs) {
            part.apply(j).forEach((k, v) -> {
                String kept = out.putIfAbsent(k, v);
                if (kept != null && !kept.equals(v)) {
                    j.report().warn(field + "." + k, "\"" + v + "\" dropped: the chain keeps the earlier job's \""
                            + kept + "\"");
                }
            });
        }
        return out;
    }
}
