package dev.argogke.workflows.lint;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The types of a field model reachable from some root types, through references, lists and maps (for the models' tests). */
final class ReachableTypes {
    private ReachableTypes() {
    }

    static Set<String> from(FieldModel model, Collection<String> roots) {
        Set<String> reachable = new TreeSet<>();
        roots.forEach(root -> collect(model, root, reachable));
        return reachable;
    }

    private static void collect(FieldModel model, String typeName, Set<String> reachable) {
        if (!reachable.add(typeName)) {
            return;
        }
        for (FieldType f : model.type(typeName).fields().values()) {
            collectFrom(model, f, reachable);
        }
    }

    private static void collectFrom(FieldModel model, FieldType f, Set<String> reachable) {
        if (f instanceof FieldType.Ref r) {
            collect(model, r.typeName(), reachable);
        } else if (f instanceof FieldType.ListOf l) {
            collectFrom(model, l.element(), reachable);
        } else if (f instanceof FieldType.MapOf m) {
            collectFrom(model, m.value(), reachable);
        }
    }
}
