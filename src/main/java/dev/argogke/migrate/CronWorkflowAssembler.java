package dev.argogke.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds, from one CronJob or from several run one after another (a chain: one DAG whose tasks
 * each depend on the previous one), the two objects Argo needs to run it on a schedule: a
 * WorkflowTemplate holding the whole workflow, and a CronWorkflow that runs it.
 *
 * <p>Why two: argo-gke deploys Argo with {@code workflowRestrictions.templateReferencing: Strict},
 * under which the controller marks Error every Workflow, a CronWorkflow's included, that has no
 * {@code workflowTemplateRef} or that sets beside it a field outside Argo's allow-list (arguments,
 * entrypoint, ttlStrategy, ... but not templates, imagePullSecrets or dnsPolicy): Argo v4.0.7
 * workflow/controller/operator.go setExecWorkflow, workflow/util/merge.go allowedUserOverrideFields;
 * Argo docs: workflow-restrictions.md. So every workflow field goes into the template, and the
 * CronWorkflow's {@code workflowSpec} holds only the reference. The controller runs the template's
 * spec as stored in the Workflow's status and reads deadline and TTL from it
 * (v1alpha1 workflow_types.go GetTTLStrategy, GetExecSpec).
 *
 * <p>Where the CronJob's parts go: the CronJob's labels and annotations onto the CronWorkflow (the
 * description annotation onto the template too, as Argo's UI lists both); the job template's
 * (which each Job carried) onto each Workflow through the CronWorkflow's
 * {@code spec.workflowMetadata}; the pod template's onto each pod through the template's
 * {@code metadata}.
 */
final class CronWorkflowAssembler {
    /** The annotation Argo's UI shows under a workflow's name (Argo docs: title-and-description.md). */
    static final String DESCRIPTION = "workflows.argoproj.io/description";

    private static final String API_VERSION = "argoproj.io/v1alpha1";
    private static final String CHAIN_TEMPLATE = "chain";

    /**
     * What one import gives, both named alike.
     *
     * @param template     the WorkflowTemplate: entrypoint, templates and every workflow-level field
     * @param cronWorkflow the CronWorkflow: schedule settings, metadata, and a reference to the template
     */
    record Assembled(Map<String, Object> template, Map<String, Object> cronWorkflow) {
    }

    private CronWorkflowAssembler() {
    }

    static Assembled assemble(String name, List<JobParts> jobs, ImportOptions options) {
        // The CronWorkflow's parts are merged first, so that the findings keep their order.
        Map<String, String> labels = ChainedJobs.merge(jobs, JobParts::labels, "metadata.labels");
        Map<String, String> annotations = ChainedJobs.merge(jobs, JobParts::annotations, "metadata.annotations");
        annotations.merge(DESCRIPTION, description(jobs), (mine, imported) -> mine + "\n\n" + imported);
        Map<String, Object> cronWorkflow = document("CronWorkflow", metadata(name, jobs, labels, annotations),
                cronSpec(name, jobs, options));
        Map<String, String> described = new LinkedHashMap<>(Map.of(DESCRIPTION, annotations.get(DESCRIPTION)));
        Map<String, Object> template = document("WorkflowTemplate", metadata(name, jobs, Map.of(), described),
                workflowSpec(jobs));
        return new Assembled(template, cronWorkflow);
    }

    private static Map<String, Object> metadata(String name, List<JobParts> jobs, Map<String, String> labels,
                                                Map<String, String> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        // No namespace: argo-gke deploys every file of workflows/ into the stack's workflows namespace,
        // whatever the file says (workflows/WorkflowsDeployment), so one written here would mislead;
        // NamespaceNeeds warns when that is not where the CronJob ran.
        putIfNotEmpty(metadata, "labels", labels);
        metadata.put("annotations", annotations);
        return metadata;
    }

    /** The schedule settings, the Workflows' metadata, and the reference to the template. */
    private static Map<String, Object> cronSpec(String name, List<JobParts> jobs, ImportOptions options) {
        JobParts first = jobs.get(0);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("schedules", new ArrayList<>(List.of(first.schedule())));
        spec.put("timezone", first.timezone().orElse(options.defaultTimezone()));
        spec.putAll(first.cronSettings());
        if (jobs.size() > 1) {
            ChainedJobs.reportDifferences(jobs);
        }
        Map<String, Object> workflowMetadata = new LinkedHashMap<>();
        putIfNotEmpty(workflowMetadata, "labels", ChainedJobs.merge(jobs, JobParts::workflowLabels,
                "spec.jobTemplate.metadata.labels"));
        putIfNotEmpty(workflowMetadata, "annotations", ChainedJobs.merge(jobs, JobParts::workflowAnnotations,
                "spec.jobTemplate.metadata.annotations"));
        putIfNotEmpty(spec, "workflowMetadata", workflowMetadata);
        // Nothing but the reference: under Strict every other workflow field belongs to the template.
        spec.put("workflowSpec", new LinkedHashMap<>(Map.of("workflowTemplateRef",
                new LinkedHashMap<>(Map.of("name", name)))));
        return spec;
    }

    /** The WorkflowTemplate's spec: what a Workflow of the CronJob's runs. */
    private static Map<String, Object> workflowSpec(List<JobParts> jobs) {
        JobParts first = jobs.get(0);
        boolean chain = jobs.size() > 1;
        List<String> steps = stepNames(jobs);
        Map<String, Object> workflowSpec = new LinkedHashMap<>();
        String entrypoint = chain ? unique(CHAIN_TEMPLATE, steps) : steps.get(0);
        workflowSpec.put("entrypoint", entrypoint);
        if (!chain) {
            // The Job's deadline counts from its start across all attempts, as a workflow's does.
            first.jobDeadline().ifPresent(d -> workflowSpec.put("activeDeadlineSeconds", d));
        }
        // Argo deletes a finished Workflow (and its pods) after this, as Kubernetes did the Job.
        first.ttlSeconds().ifPresent(t -> workflowSpec.put("ttlStrategy", new LinkedHashMap<>(Map.of(
                "secondsAfterCompletion", t))));
        workflowSpec.putAll(ChainedJobs.workflowPodFields(jobs));

        List<Object> templates = new ArrayList<>();
        if (chain) {
            templates.add(dag(entrypoint, steps));
        }
        for (int i = 0; i < jobs.size(); i++) {
            templates.add(template(steps.get(i), jobs.get(i), chain));
        }
        workflowSpec.put("templates", templates);
        return workflowSpec;
    }

    private static Map<String, Object> document(String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", kind);
        doc.put("metadata", metadata);
        doc.put("spec", spec);
        return doc;
    }

    private static Map<String, Object> template(String name, JobParts job, boolean chain) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        Map<String, Object> podMetadata = new LinkedHashMap<>();
        putIfNotEmpty(podMetadata, "labels", job.podLabels());
        putIfNotEmpty(podMetadata, "annotations", job.podAnnotations());
        putIfNotEmpty(t, "metadata", podMetadata);
        if (job.backoffLimit() > 0) {
            t.put("retryStrategy", retryStrategy(job.backoffLimit()));
        }
        Optional<Long> deadline = job.podDeadline();
        if (chain && job.jobDeadline().isPresent()) {
            long d = job.jobDeadline().get();
            deadline = Optional.of(deadline.map(p -> Math.min(p, d)).orElse(d));
            job.report().warn("spec.jobTemplate.spec.activeDeadlineSeconds", "in a chain it limits each attempt"
                    + " of this step (the template's activeDeadlineSeconds: " + deadline.get() + "), where the Job's"
                    + " counted all attempts together; Argo's whole-run deadline would cover the entire chain");
        }
        // A template's activeDeadlineSeconds is an IntOrString (the workflow's is an integer); written
        // as a string like the retry limit, which Argo's JSON schema (string-only) also accepts.
        deadline.ifPresent(d -> t.put("activeDeadlineSeconds", String.valueOf(d)));
        t.putAll(job.templateFields());
        return t;
    }

    /**
     * A Job replaces a failed pod until {@code backoffLimit} pods have failed, whatever made it
     * fail: a non-zero exit, an OOM kill, an eviction or a lost node (k8s docs, Job "Pod backoff
     * failure policy"). Argo's {@code OnFailure} retries only a failed main container and
     * {@code OnError} only Argo's own errors (pod deleted, init or wait container failed);
     * {@code Always} retries both, which is what the Job did (Argo docs: retries.md). The delay
     * follows the Job's: 10s, doubling, at most 6 minutes.
     */
    static Map<String, Object> retryStrategy(long backoffLimit) {
        Map<String, Object> backoff = new LinkedHashMap<>();
        // Strings, as Argo's IntOrString and duration fields are written in its own examples.
        backoff.put("duration", "10s");
        backoff.put("factor", "2");
        backoff.put("cap", "6m");
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("limit", String.valueOf(backoffLimit));
        retry.put("retryPolicy", "Always");
        retry.put("backoff", backoff);
        return retry;
    }

    private static Map<String, Object> dag(String name, List<String> steps) {
        List<Object> tasks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", steps.get(i));
            task.put("template", steps.get(i));
            if (i > 0) {
                // Runs once the previous step has succeeded; a failed step stops the chain.
                task.put("dependencies", new ArrayList<>(List.of(steps.get(i - 1))));
            }
            tasks.add(task);
        }
        Map<String, Object> dag = new LinkedHashMap<>();
        dag.put("tasks", tasks);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("dag", dag);
        return t;
    }

    private static String description(List<JobParts> jobs) {
        if (jobs.size() == 1) {
            return "Imported from CronJob " + jobs.get(0).source().qualifiedName() + " by argo-gke import-cronjobs.";
        }
        String names = jobs.stream().map(JobParts::name).collect(Collectors.joining(", "));
        String ns = jobs.get(0).namespace().map(n -> " (namespace " + n + ")").orElse("");
        return "Imported from CronJobs " + names + ns + ", run one after another, by argo-gke import-cronjobs.";
    }

    private static List<String> stepNames(List<JobParts> jobs) {
        List<String> out = new ArrayList<>();
        for (JobParts j : jobs) {
            out.add(unique(Names.step(j.name()), out));
        }
        return out;
    }

    private static String unique(String name, List<String> taken) {
        String n = name;
        for (int i = 2; taken.contains(n); i++) {
            n = name + "-" + i;
        }
        return n;
    }

    private static void putIfNotEmpty(Map<String, Object> into, String key, Map<?, ?> value) {
        if (!value.isEmpty()) {
            into.put(key, value);
        }
    }
}
