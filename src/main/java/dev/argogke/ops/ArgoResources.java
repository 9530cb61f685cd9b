package dev.argogke.ops;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;

/**
 * The Argo Workflows custom resources and the metadata keys day-2 commands read and write.
 *
 * <p>Keys come from Argo v4.1 {@code workflow/common/common.go}; ours live under {@link #OWN_PREFIX}.
 */
public final class ArgoResources {
    private ArgoResources() {
    }

    public static final String API_VERSION = "argoproj.io/v1alpha1";

    public static final CustomResourceDefinitionContext CRON_WORKFLOWS = context("CronWorkflow", "cronworkflows");
    public static final CustomResourceDefinitionContext WORKFLOWS = context("Workflow", "workflows");
    /** Argo Events' kinds (v1.9.10 manifests/base/crds: group argoproj.io, version v1alpha1, namespaced). */
    public static final CustomResourceDefinitionContext SENSORS = context("Sensor", "sensors");
    public static final CustomResourceDefinitionContext EVENT_SOURCES = context("EventSource", "eventsources");

    /**
     * Labels an Argo Events Sensor's {@code k8s} trigger puts on what it creates: the Sensor, the trigger template
     * and the trigger time in milliseconds (argo-events v1.9.10 pkg/sensors/triggers/standard-k8s/standard-k8s.go,
     * Create).
     */
    public static final String LABEL_SENSOR = "events.argoproj.io/sensor";
    public static final String LABEL_TRIGGER = "events.argoproj.io/trigger";
    public static final String LABEL_ACTION_TIMESTAMP = "events.argoproj.io/action-timestamp";

    /** Label Argo puts on every Workflow a CronWorkflow started ({@code LabelKeyCronWorkflow}). */
    public static final String LABEL_CRON_WORKFLOW = "workflows.argoproj.io/cron-workflow";
    /** Label carried from the CronWorkflow to its Workflows so the right controller picks them up. */
    public static final String LABEL_CONTROLLER_INSTANCE_ID = "workflows.argoproj.io/controller-instanceid";
    /**
     * Annotation the controller turns into {@code {{workflow.scheduledTime}}} (RFC 3339): Argo v4.1
     * {@code workflow/controller/operator.go} copies {@code AnnotationKeyCronWfScheduledTime} into the
     * global parameters, so a Workflow that carries it sees the time it was scheduled for.
     */
    public static final String ANNOTATION_SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";
    /** Pod label naming the Workflow it belongs to ({@code LabelKeyWorkflow}). */
    public static final String LABEL_POD_WORKFLOW = "workflows.argoproj.io/workflow";
    /** Pod annotation naming the workflow node it runs ({@code AnnotationKeyNodeID}). */
    public static final String ANNOTATION_POD_NODE_ID = "workflows.argoproj.io/node-id";
    /** The container that runs the user's code in every Argo pod ({@code MainContainerName}). */
    public static final String MAIN_CONTAINER = "main";

    /** Labels the controller copies from a CronWorkflow to its Workflows ({@code labelsToPropagate}, convert.go). */
    public static final java.util.List<String> CREATOR_LABELS = java.util.List.of(
            "workflows.argoproj.io/creator",
            "workflows.argoproj.io/creator-email",
            "workflows.argoproj.io/creator-preferred-username");

    public static final String OWN_PREFIX = "argogke.dev/";
    /** Label on backfill Workflows: the CronWorkflow they backfill (to find and count them). */
    public static final String LABEL_BACKFILL_OF = OWN_PREFIX + "backfill-of";
    /** Annotation on backfill Workflows: the id of the backfill run that created them. */
    public static final String ANNOTATION_BACKFILL_RUN = OWN_PREFIX + "backfill-run";
    /**
     * The workflow parameter backfill fills with the scheduled time when the CronWorkflow declares it
     * in {@code spec.workflowSpec.arguments.parameters}; named after Argo's own variable.
     */
    public static final String PARAMETER_SCHEDULED_TIME = "scheduledTime";

    private static CustomResourceDefinitionContext context(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup("argoproj.io")
                .withVersion("v1alpha1")
                .withKind(kind)
                .withPlural(plural)
                .withScope("Namespaced")
                .build();
    }
}
