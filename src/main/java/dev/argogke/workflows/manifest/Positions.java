package dev.argogke.workflows.manifest;

import java.util.Map;
import java.util.Set;

/**
 * Source positions of the nodes of one document, keyed by field path in the notation findings
 * use: {@code ""} for the root, {@code spec.schedules[0]}, {@code spec.templates[2].dag.tasks[1].name}.
 * A key's own position (where {@code name:} starts) is stored under the path of its value.
 *
 * @param byPath         where each node starts
 * @param yaml11Booleans paths of unquoted scalars such as {@code yes}, {@code no}, {@code on} and
 *                       {@code off}: YAML 1.2 (and so {@link Manifest#content()}) reads them as
 *                       strings, but the YAML 1.1 parser of Kubernetes and Argo (go-yaml v2, behind
 *                       sigs.k8s.io/yaml) reads them as booleans
 * @param duplicateKeys  paths of keys given twice in one mapping, with where the first one is; the later
 *                       value is the one kept (and {@link #of} points at it). Argo's lint decodes strictly
 *                       (sigs.k8s.io/yaml YAMLToJSONStrict) and so does not lint such a document
 */
public record Positions(Map<String, SourcePosition> byPath, Set<String> yaml11Booleans,
                        Map<String, SourcePosition> duplicateKeys) {

    public Positions(Map<String, SourcePosition> byPath) {
        this(byPath, Set.of());
    }

    public Positions(Map<String, SourcePosition> byPath, Set<String> yaml11Booleans) {
        this(byPath, yaml11Booleans, Map.of());
    }

    /** The position of {@code path}, or of its nearest ancestor that has one. */
    public SourcePosition of(String path) {
        String p = path;
        while (true) {
            SourcePosition pos = byPath.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new SourcePosition(1, 1);
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
