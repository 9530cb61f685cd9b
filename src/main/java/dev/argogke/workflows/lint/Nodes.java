package dev.argogke.workflows.lint;

import java.util.List;
import java.util.Map;

/**
 * Lenient accessors over the plain Java values a YAML document is read into. The strict decoder
 * reports values of the wrong type; the rules after it just treat them as absent.
 */
final class Nodes {
    private Nodes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The string value, or null when absent or not a string. */
    static String str(Object o) {
        return o instanceof String s ? s : null;
    }

    /** The string value, or "" when absent or not a string. */
    static String text(Object o) {
        return o instanceof String s ? s : "";
    }

    static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** A child path: {@code join("spec", "entrypoint")} is {@code spec.entrypoint}. */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** How a value reads in a message: {@code the string "3"}, {@code the number 3}, {@code a list}. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "the string \"" + abbreviate(s) + "\"";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return "null";
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }
}
