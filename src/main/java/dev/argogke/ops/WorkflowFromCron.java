package dev.argogke.ops;

import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A Workflow made from a CronWorkflow the way Argo makes one.
 *
 * <p>Argo v4.1 {@code workflow/common/convert.go}: the Workflow gets the cron's workflowSpec, the
 * label {@code workflows.argoproj.io/cron-workflow=NAME}, the controller-instanceid label if the cron
 * has one, the labels, annotations and finalizers of spec.workflowMetadata, the annotation
 * {@code workflows.argoproj.io/scheduled-time}, and a controller owner reference to the cron (so it
 * is deleted with it). {@code ConvertCronWorkflowToWorkflow} (what {@code argo submit --from cronwf/NAME}
 * uses) names it {@code NAME-} + random suffix and stamps the current time;
 * {@code ConvertCronWorkflowToWorkflowWithProperties} (what the cron controller uses) takes a fixed
 * name and the scheduled time and also carries the creator labels over.
 */
public final class WorkflowFromCron {
    /** Go's {@code time.RFC3339}, which is how Argo writes the scheduled time. */
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private WorkflowFromCron() {
    }

    /** What {@code argo submit --from cronwf/NAME -p k=v ...} creates, at {@code now} in the cron's zone. */
    public static GenericKubernetesResource forSubmit(CronWorkflowInfo cron, ZonedDateTime now, List<Parameter> overrides) {
        ObjectMeta meta = new ObjectMeta();
        meta.setGenerateName(cron.name() + "-");
        meta.setLabels(new LinkedHashMap<>());
        meta.setAnnotations(new LinkedHashMap<>(Map.of(ArgoResources.ANNOTATION_SCHEDULED_TIME, RFC3339.format(now))));
        GenericKubernetesResource wf = toWorkflow(cron, meta);
        overrideParameters(wf, overrides);
        return wf;
    }

    /** What the cron controller would have created for {@code scheduled}, named {@code name}. */
    public static GenericKubernetesResource forSchedule(CronWorkflowInfo cron, String name, ZonedDateTime scheduled) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> cronLabels = labels(cron);
        for (String key : ArgoResources.CREATOR_LABELS) {
            if (cronLabels.containsKey(key)) {
                labels.put(key, cronLabels.get(key));
            }
        }
        meta.setLabels(labels);
        meta.setAnnotations(new LinkedHashMap<>(Map.of(ArgoResources.ANNOTATION_SCHEDULED_TIME, RFC3339.format(scheduled))));
        return toWorkflow(cron, meta);
    }

    /** A {@code -p name=value} given on the command line. */
    public record Parameter(String name, String value) {
    }

    private static GenericKubernetesResource toWorkflow(CronWorkflowInfo cron, ObjectMeta meta) {
        GenericKubernetesResource wf = new GenericKubernetesResource();
        wf.setApiVersion(cron.resource().getApiVersion() == null ? ArgoResources.API_VERSION : cron.resource().getApiVersion());
        wf.setKind("Workflow");
        wf.setMetadata(meta);
        wf.setAdditionalProperty("spec", Tree.copy(Tree.map(cron.spec(), "workflowSpec")));

        Map<String, String> cronLabels = labels(cron);
        if (cronLabels.containsKey(ArgoResources.LABEL_CONTROLLER_INSTANCE_ID)) {
            meta.getLabels().put(ArgoResources.LABEL_CONTROLLER_INSTANCE_ID, cronLabels.get(ArgoResources.LABEL_CONTROLLER_INSTANCE_ID));
        }
        meta.getLabels().put(ArgoResources.LABEL_CRON_WORKFLOW, cron.name());
        Map<String, Object> workflowMetadata = Tree.map(cron.spec(), "workflowMetadata");
        Tree.map(workflowMetadata, "labels").forEach((k, v) -> meta.getLabels().put(k, String.valueOf(v)));
        Tree.map(workflowMetadata, "annotations").forEach((k, v) -> meta.getAnnotations().put(k, String.valueOf(v)));
        List<String> finalizers = new ArrayList<>();
        Tree.list(workflowMetadata, "finalizers").forEach(f -> finalizers.add(String.valueOf(f)));
        if (!finalizers.isEmpty()) {
            meta.setFinalizers(finalizers);
        }
        meta.setOwnerReferences(new ArrayList<>(List.of(controllerRef(cron))));
        return wf;
    }

    /** {@code metav1.NewControllerRef}: controller and blockOwnerDeletion both true. */
    private static OwnerReference controllerRef(CronWorkflowInfo cron) {
        return new OwnerReferenceBuilder()
                .withApiVersion(ArgoResources.API_VERSION)
                .withKind("CronWorkflow")
                .withName(cron.name())
                .withUid(cron.resource().getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /**
     * Argo v4.1 {@code workflow/util/util.go} overrideParameters: the given parameters come first, as
     * name and value only, then the declared ones that were not given, unchanged.
     */
    static void overrideParameters(GenericKubernetesResource wf, List<Parameter> overrides) {
        if (overrides.isEmpty()) {
            return;
        }
        Map<String, Object> spec = Tree.map(wf.getAdditionalProperties(), "spec");
        Map<String, Object> arguments = new LinkedHashMap<>(Tree.map(spec, "arguments"));
        List<Object> params = new ArrayList<>();
        LinkedHashSet<String> given = new LinkedHashSet<>();
        for (Parameter p : overrides) {
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", p.name());
            param.put("value", p.value());
            params.add(param);
            given.add(p.name());
        }
        for (Object declared : Tree.list(arguments, "parameters")) {
            if (!given.contains(Tree.text(declared, "name"))) {
                params.add(declared);
            }
        }
        arguments.put("parameters", params);
        spec.put("arguments", arguments);
    }

    /** Sets the value of parameter {@code name} if the workflow declares it; returns whether it did. */
    static boolean setDeclaredParameter(GenericKubernetesResource wf, String name, String value) {
        for (Object declared : Tree.list(wf.getAdditionalProperties(), "spec.arguments.parameters")) {
            if (declared instanceof Map<?, ?> && name.equals(Tree.string(declared, "name"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> param = (Map<String, Object>) declared;
                param.remove("valueFrom");
                param.put("value", value);
                return true;
            }
        }
        return false;
    }

    /** The names of the parameters the cron's workflowSpec declares. */
    static List<String> declaredParameters(CronWorkflowInfo cron) {
        return Tree.list(cron.spec(), "workflowSpec.arguments.parameters").stream()
                .map(p -> Tree.text(p, "name")).filter(n -> !n.isEmpty()).toList();
    }

    private static Map<String, String> labels(CronWorkflowInfo cron) {
        Map<String, String> l = cron.resource().getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }
}
