package dev.argogke.plan;

/**
 * One property that differs between two versions of a resource (or a stack output).
 *
 * @param path     where, in the user's terms: {@code nodeConfig.machineType},
 *                 {@code spec.templates[name=main].dag.tasks[name=load].dependencies},
 *                 {@code metadata.annotations["kubernetes.io/ingress.class"]}
 * @param kind     added, removed, changed, or a secret on both sides that cannot be compared
 * @param before   the old value (null when added or a secret)
 * @param after    the new value (null when removed or a secret)
 * @param replaces whether this change makes Pulumi replace the resource (see {@link ReplaceRules})
 */
public record PropertyChange(String path, Kind kind, Object before, Object after, boolean replaces) {

    public enum Kind {
        ADDED, REMOVED, CHANGED,
        /** Both sides are secrets: the plan never holds the value, so a change cannot be seen. */
        SECRET_NOT_COMPARED
    }

    /** True for an actual difference (not a secret that could not be compared). */
    public boolean isChange() {
        return kind != Kind.SECRET_NOT_COMPARED;
    }
}
