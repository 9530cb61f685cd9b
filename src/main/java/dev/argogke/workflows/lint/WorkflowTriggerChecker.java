package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sensor trigger that starts a workflow, checked against the linted set: an {@code argoWorkflow} trigger
 * (Argo Events v1.9.10 pkg/sensors/triggers/argo-workflow/argo-workflow.go runs {@code argo submit} on its
 * {@code source.resource}, or {@code argo submit --from kind/name} for {@code submit-from}) or a {@code k8s}
 * trigger creating a Workflow. Shapes as in the module's examples/sensors/sensor-to-existing-workflow-template.yaml
 * and special-workflow-trigger-submit-existing.yml.
 */
final class WorkflowTriggerChecker {
    // validate.go validateArgoWorkflowTrigger (which has no case for an empty operation) and validateK8STrigger.
    private static final List<String> ARGO_OPERATIONS =
            List.of("submit", "submit-from", "suspend", "retry", "resume", "resubmit", "terminate", "stop");
    private static final List<String> K8S_OPERATIONS = List.of("", "create", "update", "patch", "delete");
    /** A trigger parameter's dest into a workflow parameter: sjson's path syntax, as in the examples. */
    private static final Pattern PARAMETER_DEST = Pattern.compile("spec\\.arguments\\.parameters\\.(\\d+)(\\..*)?");

    private final DocumentFindings out;
    private final StrictDecoder workflowDecoder;
    private final TemplateIndex templates;
    private final EventsIndex events;

    WorkflowTriggerChecker(DocumentFindings out, StrictDecoder workflowDecoder, TemplateIndex templates, EventsIndex events) {
        this.out = out;
        this.workflowDecoder = workflowDecoder;
        this.templates = templates;
        this.events = events;
    }

    void checkArgoWorkflow(String path, Map<String, Object> trigger) {
        Object operation = trigger.get("operation");
        if (operation == null || "".equals(operation)) {
            out.error(path, "an argoWorkflow trigger needs an operation (submit, submit-from, ...): Argo Events' validation"
                    + " refuses an empty one");
        } else if (operation instanceof String op && !ARGO_OPERATIONS.contains(op)) {
            out.error(Tree.join(path, "operation"), "unknown operation \"" + ValueText.abbreviate(op) + "\"; one of "
                    + String.join(", ", ARGO_OPERATIONS));
        }
        Map<String, Object> resource = source(path, trigger, "argoWorkflow");
        if (resource == null) {
            return;
        }
        String resourcePath = Tree.join(path, "source.resource");
        if ("submit-from".equals(operation)) {
            checkSubmitFrom(resourcePath, resource);
        } else if ("submit".equals(operation) && isWorkflow(resource)) {
            checkWorkflow(path, resource, Tree.list(trigger.get("parameters")));
        }
    }

    void checkK8s(String path, Map<String, Object> trigger) {
        Object operation = trigger.get("operation");
        if (operation instanceof String op && !K8S_OPERATIONS.contains(op)) {
            out.error(Tree.join(path, "operation"), "unknown operation \"" + ValueText.abbreviate(op) + "\"; one of "
                    + String.join(", ", K8S_OPERATIONS.subList(1, K8S_OPERATIONS.size())));
        }
        Map<String, Object> resource = source(path, trigger, "k8s");
        boolean creates = operation == null || "".equals(operation) || "create".equals(operation);
        if (resource != null && creates && isWorkflow(resource)) {
            checkWorkflow(path, resource, Tree.list(trigger.get("parameters")));
        }
    }

    /** validate.go: "trigger does not contain an absolute action" without a source; the resource, when it is one. */
    private Map<String, Object> source(String path, Map<String, Object> trigger, String type) {
        if (trigger.get("source") == null) {
            out.error(path, "an " + type + " trigger needs a source: the resource it acts on (source.resource: ...)");
            return null;
        }
        Object resource = Tree.map(trigger.get("source")).get("resource");
        return resource instanceof Map<?, ?> ? Tree.map(resource) : null;
    }

    private static boolean isWorkflow(Map<String, Object> resource) {
        return "Workflow".equals(resource.get("kind")) && DocumentChecker.API_VERSION.equals(resource.get("apiVersion"));
    }

    /** argo-workflow.go: submit-from takes a CronWorkflow or a WorkflowTemplate ("invalid kind" otherwise) by name. */
    private void checkSubmitFrom(String path, Map<String, Object> resource) {
        String kind = Tree.text(resource.get("kind"));
        String name = Tree.text(Tree.map(resource.get("metadata")).get("name"));
        boolean known = switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "cronworkflow" -> name.isEmpty() || events.hasCronWorkflow(name);
            case "workflowtemplate" -> name.isEmpty() || templates.find(false, name) != null;
            default -> {
                out.error(Tree.join(path, "kind"), "submit-from starts a workflow from a CronWorkflow or a WorkflowTemplate,"
                        + " not " + (kind.isEmpty() ? "a resource without kind" : "a " + kind));
                yield true;
            }
        };
        if (name.isEmpty()) {
            out.error(Tree.join(path, "metadata"), "submit-from needs the metadata.name of the " + kind + " to start");
        } else if (!known) {
            out.error(Tree.join(path, "metadata.name"), kind + " '" + name + "' is not defined in the linted files");
        }
    }

    /**
     * A Workflow the trigger submits: it has only fields of Argo's Workflow (the argo CLI submits strictly by default,
     * Argo v4.0.7 cmd/argo/commands/submit.go "--strict"; the controller would drop an unknown field); its
     * workflowTemplateRef names a WorkflowTemplate of the set; each parameter it passes is one the WorkflowTemplate
     * takes; each trigger parameter writing into spec.arguments.parameters.N finds parameter N there (sjson sets the
     * path in place; pkg/sensors/triggers/params.go ApplyParams).
     */
    private void checkWorkflow(String triggerPath, Map<String, Object> workflow, List<Object> parameters) {
        String resourcePath = Tree.join(triggerPath, "source.resource");
        workflowDecoder.decode(workflow, new FieldType.Ref("Workflow"), resourcePath, out);
        List<Object> passed = Tree.list(Tree.at(workflow, "spec.arguments.parameters"));
        checkDestinations(triggerPath, parameters, passed.size());
        Map<String, Object> ref = Tree.map(Tree.at(workflow, "spec.workflowTemplateRef"));
        String name = Tree.text(ref.get("name"));
        if (name.isEmpty()) {
            return;
        }
        boolean clusterScope = Tree.isTrue(ref.get("clusterScope"));
        TemplateIndex.Holder template = templates.find(clusterScope, name);
        if (template == null) {
            out.error(Tree.join(resourcePath, "spec.workflowTemplateRef.name"), TemplateIndex.kindOf(clusterScope) + " '"
                    + name + "' is not defined in the linted files");
            return;
        }
        List<String> declared = declaredParameters(template.spec());
        for (int i = 0; i < passed.size(); i++) {
            String parameter = Tree.text(Tree.map(passed.get(i)).get("name"));
            if (!parameter.isEmpty() && !declared.contains(parameter) && !uses(template.spec(), parameter)) {
                out.error(Tree.index(Tree.join(resourcePath, "spec.arguments.parameters"), i) + ".name",
                        TemplateIndex.kindOf(clusterScope) + " '" + name + "' declares no parameter '" + parameter
                                + "' in spec.arguments.parameters" + DidYouMean.closest(parameter, declared)
                                .map(s -> "; did you mean '" + s + "'?").orElse(" (it declares: " + String.join(", ", declared) + ")"));
            }
        }
    }

    private void checkDestinations(String triggerPath, List<Object> parameters, int passed) {
        for (int i = 0; i < parameters.size(); i++) {
            String dest = Tree.text(Tree.map(parameters.get(i)).get("dest"));
            Matcher m = PARAMETER_DEST.matcher(dest);
            if (m.matches() && m.group(1).length() < 6 && Integer.parseInt(m.group(1)) >= passed) {
                out.error(Tree.index(Tree.join(triggerPath, "parameters"), i) + ".dest", "dest '" + dest + "' writes to item "
                        + m.group(1) + " of the Workflow's spec.arguments.parameters, which has " + (passed == 0 ? "no items"
                        : passed == 1 ? "only item 0" : "only items 0 to " + (passed - 1))
                        + ": declare the parameter there by name, with a placeholder value");
            }
        }
    }

    private static List<String> declaredParameters(Map<String, Object> spec) {
        List<String> names = new ArrayList<>();
        for (Object p : Tree.list(Tree.at(spec, "arguments.parameters"))) {
            String name = Tree.text(Tree.map(p).get("name"));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether the template reads the workflow parameter without declaring it (a WorkflowTemplate may: docs/linting.md). */
    private static boolean uses(Object node, String parameter) {
        if (node instanceof String s) {
            return Pattern.compile("workflow\\.parameters\\." + Pattern.quote(parameter) + "(?![-\\w])").matcher(s).find();
        } else if (node instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> uses(v, parameter));
        } else if (node instanceof List<?> list) {
            return list.stream().anyMatch(v -> uses(v, parameter));
        }
        return false;
    }
}
