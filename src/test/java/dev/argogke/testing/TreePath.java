package dev.argogke.testing;

import java.util.List;
import java.util.Map;

/** A value in a tree of maps and lists, by a path such as {@code spec.schedules[0]}: the tests' one walker. */
public final class TreePath {
    private TreePath() {
    }

    /** The value at {@code a.b[0].c}, or null when any step is missing. */
    public static Object at(Object root, String dottedPath) {
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
}
