package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.names.KubeNames;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.util.List;
import java.util.Map;

/** What every document must satisfy, and the dispatch to the rules of its kind. */
final class DocumentChecker {
    static final String API_VERSION = "argoproj.io/v1alpha1";
    /** The Argo Events kinds the linter checks, against {@link FieldModel#events()}. */
    static final List<String> EVENTS_KINDS = List.of("EventSource", "Sensor");
    /** The kinds the linter checks; each is also the name of its type in the field model. */
    static final List<String> KINDS = List.of("Workflow", "CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate",
            "WorkflowEventBinding", "EventSource", "Sensor");
    // Argo v4.1 validate.go: maxCharsInObjectName, and maxCharsInCronWorkflowName because the
    // workflows a CronWorkflow creates get a 10-digit timestamp appended to its name.
    private static final int MAX_NAME = 63;
    private static final int MAX_CRON_NAME = 52;

    private final StrictDecoder decoder;
    private final StrictDecoder eventsDecoder;
    private final TemplateIndex index;
    private final EventsIndex events;
    private final CronLines cronLines;

    DocumentChecker(StrictDecoder decoder, StrictDecoder eventsDecoder, TemplateIndex index, EventsIndex events,
                    CronLines cronLines) {
        this.decoder = decoder;
        this.eventsDecoder = eventsDecoder;
        this.index = index;
        this.events = events;
        this.cronLines = cronLines;
    }

    /**
     * Whether the linter checks documents of this kind (the others get a note): Argo's kinds, and the
     * ConfigMaps and ExternalSecrets a job may have beside them ({@link JobObjects}; a Secret is refused).
     */
    static boolean isChecked(Manifest m) {
        return m.kind() != null && (KINDS.contains(m.kind()) || JobObjectChecker.handles(m.kind()));
    }

    void check(Manifest m, DocumentFindings out) {
        Map<String, Object> content = m.content();
        String kind = m.kind();
        String apiVersion = m.apiVersion();
        if (kind != null && JobObjectChecker.handles(kind)) {
            checkDuplicateKeys(m, out);
            JobObjectChecker.check(m, out);
            checkNumbersJsonCannotHold(content, "", out); // kubectl converts them to JSON too
            return;
        }
        if (kind == null || !KINDS.contains(kind)) {
            skipOrReject(content, kind, apiVersion, out);
            return;
        }
        if (!API_VERSION.equals(apiVersion)) {
            out.error("apiVersion", content.get("apiVersion") == null ? "apiVersion is required: " + API_VERSION
                    : "apiVersion of a " + kind + " must be " + API_VERSION + ", not " + ValueText.describe(content.get("apiVersion")));
        }
        checkDuplicateKeys(m, out);
        (EVENTS_KINDS.contains(kind) ? eventsDecoder : decoder).decodeDocument(content, kind, out);
        checkNumbersJsonCannotHold(content, "", out);
        checkNames(content, kind, out);
        if (!(content.get("spec") instanceof Map<?, ?>)) {
            if (content.get("spec") == null) {
                out.error("spec", "a " + kind + " needs a spec");
            }
            return;
        }
        Map<String, Object> spec = Tree.map(content.get("spec"));
        switch (kind) {
            case "CronWorkflow" -> {
                CronChecker.check(out, spec, cronLines);
                if (spec.get("workflowSpec") instanceof Map<?, ?>) {
                    SpecChecker.check(out, index, kind, "spec.workflowSpec", Tree.map(spec.get("workflowSpec")), true);
                } else if (spec.get("workflowSpec") == null) {
                    out.error("spec.workflowSpec", "a CronWorkflow needs a workflowSpec: the workflow it runs");
                }
            }
            case "WorkflowEventBinding" -> checkEventBinding(spec, out);
            case "EventSource" -> EventSourceChecker.check(out, spec);
            case "Sensor" -> SensorChecker.check(out, spec, decoder, index, events);
            default -> SpecChecker.check(out, index, kind, "spec", spec, false);
        }
    }

    /**
     * A key given twice: the loader keeps the later value, but argo lint (which converts each document with
     * sigs.k8s.io/yaml YAMLToJSONStrict, workflow/common/parse.go) drops the whole document without a word, and
     * a non-strict reader keeps one value or the other.
     */
    private static void checkDuplicateKeys(Manifest m, DocumentFindings out) {
        m.positions().duplicateKeys().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> out.error(d.getKey(),
                "this key is given twice in its mapping (first at line " + d.getValue().line() + "); argo lint does not"
                        + " lint such a document at all, and other readers keep one value or the other: keep one"));
    }

    /**
     * {@code .inf}, {@code -.inf} and {@code .nan}: YAML numbers that JSON cannot hold. Argo and kubectl turn each
     * document into JSON first (sigs.k8s.io/yaml), which fails ("json: unsupported value: +Inf"), so the document
     * cannot be read at all; argo lint logs it as not valid and skips it. (Where the field wants another type,
     * the strict decoding has said so already; an unknown field's value is still reported, for the whole
     * document is unreadable.)
     */
    private static void checkNumbersJsonCannotHold(Object value, String path, DocumentFindings out) {
        if (value instanceof Double d && (d.isInfinite() || d.isNaN()) && !out.hasTypeErrorAt(path)) {
            out.error(path, (d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf") + " is a number JSON cannot hold, so neither Argo"
                    + " nor Kubernetes can read this document; quote it if it is text");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkNumbersJsonCannotHold(v, Tree.join(path, String.valueOf(k)), out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkNumbersJsonCannotHold(list.get(i), Tree.index(path, i), out);
            }
        }
    }

    private static void skipOrReject(Map<String, Object> content, String kind, String apiVersion, DocumentFindings out) {
        if (kind == null) {
            if (apiVersion != null && apiVersion.startsWith("argoproj.io/")) {
                out.error("kind", "kind is required: one of " + String.join(", ", KINDS));
            } else {
                out.note("", "skipped: not a Kubernetes object (no kind)");
            }
            return;
        }
        String suggestion = DidYouMean.closest(kind, KINDS).orElse(null);
        if (suggestion != null) {
            out.error("kind", "unknown kind '" + kind + "'; did you mean '" + suggestion + "'?");
            return;
        }
        out.note("", "skipped: " + kind + (apiVersion == null ? "" : " (" + apiVersion + ")")
                + " is not an Argo Workflows object");
    }

    private static void checkNames(Map<String, Object> content, String kind, DocumentFindings out) {
        Map<String, Object> metadata = Tree.map(content.get("metadata"));
        Object rawName = metadata.get("name");
        String name = Tree.string(rawName);
        String generateName = Tree.string(metadata.get("generateName"));
        boolean workflow = kind.equals("Workflow");
        if (name == null || name.isEmpty()) {
            if (rawName != null && name == null) {
                return; // a name of the wrong type is reported by the strict decoding
            }
            if (workflow && generateName != null && !generateName.isEmpty()) {
                // The API server checks generateName as a name whose trailing '-' is masked.
                String masked = generateName.endsWith("-") ? generateName.substring(0, generateName.length() - 1) + "a" : generateName;
                String problem = KubeNames.subdomainProblem(masked).orElse(null);
                if (problem != null) {
                    out.error("metadata.generateName", "generateName '" + generateName + "' is invalid: it " + problem);
                }
                return;
            }
            out.error("metadata.name", "metadata.name is required" + (workflow ? " (or metadata.generateName)" : ""));
            return;
        }
        String problem = KubeNames.subdomainProblem(name).orElse(null);
        if (problem != null) {
            out.error("metadata.name", "name '" + name + "' is invalid: it " + problem);
            return;
        }
        int max = kind.equals("CronWorkflow") ? MAX_CRON_NAME : MAX_NAME;
        if (name.length() > max) {
            out.error("metadata.name", "name '" + name + "' is " + name.length() + " characters; a " + kind + " name may have"
                    + " at most " + max + (kind.equals("CronWorkflow") ? " (Argo appends a timestamp to the workflows it creates)" : ""));
        }
        String namespace = Tree.string(metadata.get("namespace"));
        if (namespace != null && !namespace.isEmpty() && !KubeNames.isLabel(namespace)) {
            out.error("metadata.namespace", "namespace '" + namespace + "' is invalid: it must be at most 63 lower-case"
                    + " letters, digits or '-', starting and ending with a letter or digit");
        }
    }

    private void checkEventBinding(Map<String, Object> spec, DocumentFindings out) {
        if (Tree.text(Tree.map(spec.get("event")).get("selector")).isEmpty()) {
            out.error("spec.event.selector", "a WorkflowEventBinding needs an event selector expression");
        }
        Map<String, Object> ref = Tree.map(Tree.map(spec.get("submit")).get("workflowTemplateRef"));
        String name = Tree.text(ref.get("name"));
        boolean clusterScope = Tree.isTrue(ref.get("clusterScope"));
        if (spec.get("submit") != null && name.isEmpty()) {
            out.error("spec.submit.workflowTemplateRef.name", "submit needs the name of the "
                    + TemplateIndex.kindOf(clusterScope) + " to run");
        } else if (!name.isEmpty() && index.find(clusterScope, name) == null) {
            out.error("spec.submit.workflowTemplateRef.name", TemplateIndex.kindOf(clusterScope) + " '" + name
                    + "' is not defined in the linted files");
        }
        Arguments.check(out, "spec.submit.arguments", Tree.map(Tree.map(spec.get("submit")).get("arguments")), false);
    }
}
