package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for a workflow spec as a whole (Argo v4.1 validate.Workflow). */
final class SpecChecker {
    // Argo v4.1 PodGCStrategy values (pkg/apis/workflow/v1alpha1/workflow_types.go, IsValid).
    private static final Set<String> POD_GC_STRATEGIES =
            Set.of("OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess");

    private SpecChecker() {
    }

    /**
     * @param argumentsNeedValues whether every spec.arguments parameter needs a value (CronWorkflows,
     *                            which Argo validates as if submitting)
     */
    static void check(DocumentFindings out, TemplateIndex index, String kind, String specPath, Map<String, Object> spec,
                      boolean argumentsNeedValues) {
        List<Object> templates = Tree.list(spec.get("templates"));
        String templatesPath = Tree.join(specPath, "templates");
        FieldNames.check(out, templatesPath, templates, FieldNames.Style.WORKFLOW_FIELD, "template");

        TemplateIndex.Holder referenced = referencedTemplate(out, index, specPath, spec, templates, templatesPath);

        Map<String, Object> arguments = Tree.map(spec.get("arguments"));
        Map<String, Object> merged = mergedArguments(arguments, referenced);
        Set<String> workflowParameters = TemplateChecker.names(merged.get("parameters"));
        Map<String, Map<String, Object>> local = referenced != null ? referenced.templates() : TemplateIndex.templatesByName(spec);
        SpecContext ctx = new SpecContext(out, index, kind, specPath, spec, local, workflowParameters);

        Arguments.check(out, Tree.join(specPath, "arguments"), arguments, argumentsNeedValues);
        if (referenced != null && argumentsNeedValues) {
            templateParametersHaveValues(out, specPath, arguments, merged, referenced);
        }

        checkEntrypoint(ctx, referenced, merged, argumentsNeedValues);

        checkOnExit(ctx, referenced, arguments, argumentsNeedValues);
        Hooks.check(ctx, Tree.map(spec.get("hooks")), Tree.join(specPath, "hooks"));

        checkPodGc(out, specPath, spec);

        TemplateChecker checker = new TemplateChecker(ctx);
        checker.checkRetryStrategy(Tree.map(spec.get("retryStrategy")), Tree.join(specPath, "retryStrategy"));
        for (int i = 0; i < templates.size(); i++) {
            if (templates.get(i) instanceof Map<?, ?>) {
                checker.check(Tree.map(templates.get(i)), Tree.index(templatesPath, i));
            }
        }
    }

    /**
     * The WorkflowTemplate or ClusterWorkflowTemplate the spec runs by reference, or null when it
     * has none or names one the linted files do not define (reported).
     */
    private static TemplateIndex.Holder referencedTemplate(DocumentFindings out, TemplateIndex index, String specPath,
                                                           Map<String, Object> spec, List<Object> templates,
                                                           String templatesPath) {
        TemplateIndex.Holder referenced = null;
        String refPath = Tree.join(specPath, "workflowTemplateRef");
        if (spec.get("workflowTemplateRef") != null) {
            Map<String, Object> ref = Tree.map(spec.get("workflowTemplateRef"));
            if (!templates.isEmpty()) {
                out.error(templatesPath, "a workflow that uses workflowTemplateRef cannot define templates of its own");
            }
            String name = Tree.text(ref.get("name"));
            boolean clusterScope = Tree.isTrue(ref.get("clusterScope"));
            if (name.isEmpty()) {
                out.error(Tree.join(refPath, "name"), "workflowTemplateRef needs the name of a " + TemplateIndex.kindOf(clusterScope));
            } else {
                referenced = index.find(clusterScope, name);
                if (referenced == null) {
                    out.error(Tree.join(refPath, "name"), TemplateIndex.kindOf(clusterScope) + " '" + name
                            + "' is not defined in the linted files");
                }
            }
        }
        return referenced;
    }

    private static void checkEntrypoint(SpecContext ctx, TemplateIndex.Holder referenced, Map<String, Object> merged,
                                        boolean argumentsNeedValues) {
        DocumentFindings out = ctx.out;
        String kind = ctx.kind;
        String specPath = ctx.specPath;
        Map<String, Object> spec = ctx.spec;
        Map<String, Map<String, Object>> local = ctx.localTemplates;
        String entrypoint = Tree.text(spec.get("entrypoint"));
        String entrypointPath = Tree.join(specPath, "entrypoint");
        if (entrypoint.isEmpty() && referenced != null) {
            entrypoint = referenced.entrypoint();
        }
        if (entrypoint.isEmpty()) {
            if (!ctx.templateKind && (referenced != null || spec.get("workflowTemplateRef") == null)) {
                out.error(entrypointPath, "entrypoint is required: name the template the workflow starts with");
            }
        } else if (!entrypoint.contains("{{") && (referenced != null || spec.get("workflowTemplateRef") == null)) {
            Map<String, Object> start = local.get(entrypoint);
            if (start == null) {
                String suggestion = DidYouMean.closest(entrypoint, local.keySet()).orElse(null);
                out.error(entrypointPath, "entrypoint '" + entrypoint + "' is not a template of this "
                        + (referenced != null ? referenced.kind() + " '" + referenced.name() + "'" : kind)
                        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
            } else if (!ctx.templateKind) {
                ctx.checkSupplied(start, "the entrypoint template '" + entrypoint + "'", merged, specPath, argumentsNeedValues);
            }
        }
    }

    private static void checkOnExit(SpecContext ctx, TemplateIndex.Holder referenced, Map<String, Object> arguments,
                                    boolean argumentsNeedValues) {
        String specPath = ctx.specPath;
        Map<String, Object> spec = ctx.spec;
        String onExit = Tree.text(spec.get("onExit"));
        if (!onExit.isEmpty() && (referenced != null || spec.get("workflowTemplateRef") == null)) {
            Map<String, Object> exit = ctx.resolveLocal(onExit, Tree.join(specPath, "onExit"));
            if (exit != null) {
                ctx.checkSupplied(exit, "the onExit template '" + onExit + "'", arguments, specPath, argumentsNeedValues);
            }
        }
    }

    private static void checkPodGc(DocumentFindings out, String specPath, Map<String, Object> spec) {
        String podGc = Tree.text(Tree.map(spec.get("podGC")).get("strategy"));
        if (!podGc.isEmpty() && !POD_GC_STRATEGIES.contains(podGc)) {
            out.error(Tree.join(Tree.join(specPath, "podGC"), "strategy"), "podGC strategy '" + podGc + "' is not one of"
                    + " OnPodCompletion, OnPodSuccess, OnWorkflowCompletion, OnWorkflowSuccess");
        }
    }

    /** Argo's MergeParameters/MergeArtifacts: the workflow's own arguments win over the template's. */
    /**
     * A CronWorkflow runs its template with the template's parameters merged under its own (Argo v4.0.7
     * workflow/validate/validate.go: util.MergeParameters, then validateArguments without lint's leniency,
     * as ValidateCronWorkflow passes no Lint option), so a template parameter without a value needs one here.
     */
    private static void templateParametersHaveValues(DocumentFindings out, String specPath, Map<String, Object> arguments,
                                                     Map<String, Object> merged, TemplateIndex.Holder referenced) {
        Set<String> own = TemplateChecker.names(arguments.get("parameters"));
        for (Object o : Tree.list(merged.get("parameters"))) {
            Map<String, Object> p = Tree.map(o);
            String name = Tree.text(p.get("name"));
            if (!own.contains(name) && p.get("value") == null && p.get("valueFrom") == null) {
                out.error(Tree.join(specPath, "arguments"), "parameter '" + name + "' of " + referenced.kind() + " '"
                        + referenced.name() + "' has no value: set it under arguments.parameters here, or give it a value in the template");
            }
        }
    }

    private static Map<String, Object> mergedArguments(Map<String, Object> own, TemplateIndex.Holder referenced) {
        if (referenced == null) {
            return own;
        }
        Map<String, Object> theirs = Tree.map(referenced.spec().get("arguments"));
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String field : List.of("parameters", "artifacts")) {
            List<Object> items = new ArrayList<>(Tree.list(own.get(field)));
            Set<String> names = new LinkedHashSet<>(TemplateChecker.names(own.get(field)));
            for (Object o : Tree.list(theirs.get(field))) {
                if (names.add(Tree.text(Tree.map(o).get("name")))) {
                    items.add(o);
                }
            }
            merged.put(field, items);
        }
        return merged;
    }
}
