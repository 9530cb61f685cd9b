package dev.argogke.argo;

import java.util.List;
import java.util.Map;

/** Reading parsed YAML/JSON (maps and lists) by dotted path, for the chart tests. */
final class Doc {
    private Doc() {
    }

    /** The value at {@code a.b.c} ({@code [i]} for list items), or null. */
    static Object at(Object root, String dottedPath) {
        Object current = root;
        for (String part : dottedPath.split("\\.")) {
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            }
            if (!key.isEmpty()) {
                current = current instanceof Map<?, ?> m ? m.get(key) : null;
            }
            if (index != null) {
                current = current instanceof List<?> l && index < l.size() ? l.get(index) : null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static Map<?, ?> map(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<?> list(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v instanceof List<?> l ? l : List.of();
    }

    static String text(Object root, String dottedPath) {
        Object v = at(root, dottedPath);
        return v == null ? null : v.toString();
    }
}
