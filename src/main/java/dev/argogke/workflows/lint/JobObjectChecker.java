package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.names.KubeNames;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a job's plain Kubernetes objects ({@link JobObjects}): a ConfigMap as the API server
 * validates it (k8s.io/kubernetes v1.36.5 pkg/apis/core/validation/validation.go ValidateConfigMap,
 * k8s.io/apimachinery v0.36.5 pkg/util/validation/validation.go IsConfigMapKey), an ExternalSecret as
 * argo-gke deploys it ({@link ExternalSecretChecker}), and a Kubernetes Secret refused.
 */
final class JobObjectChecker {
    /** core/v1 ConfigMap's fields (k8s.io/api core/v1 types.go, type ConfigMap). */
    static final List<String> CONFIG_MAP_FIELDS = List.of("apiVersion", "kind", "metadata", "data", "binaryData", "immutable");
    /** The metadata argo-gke deploys: the name, labels and annotations (the namespace is the stack's). */
    static final List<String> METADATA_FIELDS = List.of("name", "namespace", "labels", "annotations");
    /** corev1.MaxSecretSize, which ValidateConfigMap also holds a ConfigMap's data to. */
    static final int MAX_SIZE = 1024 * 1024;
    /** configMapKeyFmt; IsConfigMapKey also allows at most 253 characters and no '.', '..' or '..' prefix. */
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private JobObjectChecker() {
    }

    static boolean handles(String kind) {
        return JobObjects.KINDS.contains(kind) || JobObjects.SECRET.equals(kind);
    }

    static void check(Manifest m, DocumentFindings out) {
        Map<String, Object> content = m.content();
        switch (m.kind()) {
            case JobObjects.SECRET -> out.error("kind", JobObjects.secretRefused());
            case JobObjects.CONFIG_MAP -> {
                if (commonChecks(content, JobObjects.CONFIG_MAP, CONFIG_MAP_FIELDS, out)) {
                    checkConfigMap(content, out);
                }
            }
            default -> {
                if (commonChecks(content, JobObjects.EXTERNAL_SECRET, ExternalSecretChecker.FIELDS, out)) {
                    ExternalSecretChecker.check(Tree.map(content.get("spec")), content.get("spec") != null, out);
                }
            }
        }
    }

    /** apiVersion, the known fields and the name; whether the rest is worth checking. */
    private static boolean commonChecks(Map<String, Object> content, String kind, List<String> fields, DocumentFindings out) {
        String apiVersion = JobObjects.apiVersionOf(kind);
        if (!apiVersion.equals(content.get("apiVersion"))) {
            out.error("apiVersion", "apiVersion of " + kind + " must be " + apiVersion + ", not " + ValueText.describe(content.get("apiVersion"))
                    + (JobObjects.EXTERNAL_SECRET.equals(kind) ? " (External Secrets Operator v1.3.2, which argo-gke installs, serves v1 only)" : ""));
        }
        unknownFields(content, "", kind, fields, out);
        if (!(content.get("metadata") instanceof Map<?, ?>)) {
            out.error("metadata.name", "metadata.name is required");
            return false;
        }
        Map<String, Object> metadata = Tree.map(content.get("metadata"));
        unknownFields(metadata, "metadata", kind + "'s metadata (argo-gke deploys name, labels and annotations)", METADATA_FIELDS, out);
        String name = Tree.string(metadata.get("name"));
        if (name == null || name.isEmpty()) {
            out.error("metadata.name", "metadata.name is required");
        } else {
            KubeNames.subdomainProblem(name).ifPresent(p -> out.error("metadata.name", "name '" + name + "' is invalid: it " + p));
        }
        stringMap(metadata, "metadata.labels", out);
        stringMap(metadata, "metadata.annotations", out);
        return !out.hasErrorAtOrBelow("");
    }

    static void unknownFields(Map<String, Object> map, String path, String what, List<String> known, DocumentFindings out) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                String hint = DidYouMean.closest(key, known).map(k -> "; did you mean \"" + k + "\"?").orElse("; known: " + String.join(", ", known));
                out.error(Tree.join(path, key), "unknown field \"" + key + "\" in " + what + hint);
            }
        }
    }

    /** Labels, annotations and a ConfigMap's data are maps of strings: an unquoted 8080 or true is refused by the API server. */
    private static void stringMap(Map<String, Object> parent, String path, DocumentFindings out) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        Object value = parent.get(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            out.error(path, path + " must be a mapping of names to text, not " + ValueText.describe(value));
            return;
        }
        map.forEach((k, v) -> {
            if (!(v instanceof String)) {
                out.error(Tree.join(path, String.valueOf(k)), "the value of " + k + " must be text, not " + ValueText.describe(v)
                        + "; quote it (\"" + v + "\")");
            }
        });
    }

    private static void checkConfigMap(Map<String, Object> content, DocumentFindings out) {
        stringMap(content, "data", out);
        stringMap(content, "binaryData", out);
        if (content.containsKey("immutable") && !(content.get("immutable") instanceof Boolean)) {
            out.error("immutable", "immutable must be true or false, not " + ValueText.describe(content.get("immutable")));
        }
        Map<String, Object> data = Tree.map(content.get("data"));
        Map<String, Object> binary = Tree.map(content.get("binaryData"));
        long size = 0;
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            keyProblem(e.getKey()).ifPresent(p -> out.error(Tree.join("data", e.getKey()), "key '" + e.getKey() + "' is invalid: it " + p));
            keys.add(e.getKey());
            size += e.getValue() instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : 0;
        }
        for (Map.Entry<String, Object> e : binary.entrySet()) {
            String path = Tree.join("binaryData", e.getKey());
            keyProblem(e.getKey()).ifPresent(p -> out.error(path, "key '" + e.getKey() + "' is invalid: it " + p));
            if (keys.contains(e.getKey())) {
                out.error(path, "key '" + e.getKey() + "' is also under data; a key may be in one of them only");
            }
            size += e.getValue() instanceof String s ? base64Length(s, path, out) : 0;
        }
        if (size > MAX_SIZE) {
            out.error("data", "the ConfigMap holds " + size + " bytes; the API server takes at most " + MAX_SIZE
                    + " (1 MiB): keep large files in the artifact bucket");
        }
    }

    /** binaryData values are base64 (the API server decodes them into bytes). */
    private static long base64Length(String text, String path, DocumentFindings out) {
        try {
            return Base64.getDecoder().decode(text).length;
        } catch (IllegalArgumentException e) {
            out.error(path, "binaryData values are base64; this one is not (" + e.getMessage() + ")");
            return 0;
        }
    }

    /** IsConfigMapKey, also the rule of a Secret's keys (and so of an ExternalSecret's secretKey). */
    static java.util.Optional<String> keyProblem(String key) {
        if (key.length() > 253) {
            return java.util.Optional.of("must be at most 253 characters");
        }
        if (!KEY.matcher(key).matches()) {
            return java.util.Optional.of("must be letters, digits, '-', '_' or '.'");
        }
        if (key.equals(".") || key.equals("..") || key.startsWith("..")) {
            return java.util.Optional.of("must not be '.' or '..' or start with '..'");
        }
        return java.util.Optional.empty();
    }
}
