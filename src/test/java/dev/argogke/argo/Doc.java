package dev.argogke.argo;

import dev.argogke.testing.TreePath;
import java.util.List;
import java.util.Map;

/** Reading parsed YAML/JSON (maps and lists) by dotted path, for the chart tests. */
public final class Doc {
    private Doc() {
    }

    /** The value at {@code a.b.c} ({@code [i]} for list items), or null. */
    public static Object at(Object root, String dottedPath) {
        return TreePath.at(root, dottedPath);
    }

    public static Map<?, ?> map(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v instanceof Map<?, ?> m ? m : Map.of();
    }

    public static List<?> list(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v instanceof List<?> l ? l : List.of();
    }

    public static String text(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v == null ? null : v.toString();
    }
}
