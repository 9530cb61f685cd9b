package dev.argogke.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the untyped trees that YAML and JSON are parsed into (SnakeYAML, Jackson, fabric8's
 * additional properties, plan files): mappings with string keys, lists, and plain values.
 *
 * <p>A path names a node the way findings and errors show it: keys joined by dots, list items by
 * index in brackets, {@code spec.templates[0].container.image}; "" is the root. A key that itself
 * holds a dot or a bracket (an annotation such as {@code kubernetes.io/ingress.class}) cannot be
 * written in a path: read its mapping and {@code get} the key.
 *
 * <p>Every reader is lenient: a missing step, or one of another type than the path needs, reads as
 * absent. Checking types and reporting them is the caller's (the linter's strict decoding,
 * import-cronjobs' field reader).
 */
public final class Tree {
    private Tree() {
    }

    /** The node at {@code path} below {@code root}; null when a step is missing or not a mapping or list. */
    public static Object at(Object root, String path) {
        Object node = root;
        int i = 0;
        while (node != null && i < path.length()) {
            if (path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("no ']' after '[' in path " + path);
                }
                node = item(node, Integer.parseInt(path.substring(i + 1, close)));
                i = close + 1;
            } else {
                int start = path.charAt(i) == '.' ? i + 1 : i;
                int end = start;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                node = node instanceof Map<?, ?> m ? m.get(path.substring(start, end)) : null;
                i = end;
            }
        }
        return node;
    }

    private static Object item(Object node, int index) {
        return node instanceof List<?> l && index >= 0 && index < l.size() ? l.get(index) : null;
    }

    /** The node as a mapping (the node itself, not a copy), or an empty one when it is none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The node as a list (the node itself, not a copy), or an empty one when it is none. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The node's text, or null when it is absent or not text. */
    public static String string(Object node) {
        return node instanceof String s ? s : null;
    }

    /** The node's text, or "" when it is absent or not text. */
    public static String text(Object node) {
        return node instanceof String s ? s : "";
    }

    /** Whether the node is the boolean true (not the text "true"). */
    public static boolean isTrue(Object node) {
        return Boolean.TRUE.equals(node);
    }

    /** {@link #map(Object)} of the node at {@code path}. */
    public static Map<String, Object> map(Object root, String path) {
        return map(at(root, path));
    }

    /** {@link #list(Object)} of the node at {@code path}. */
    public static List<Object> list(Object root, String path) {
        return list(at(root, path));
    }

    /** {@link #string(Object)} of the node at {@code path}. */
    public static String string(Object root, String path) {
        return string(at(root, path));
    }

    /** {@link #text(Object)} of the node at {@code path}. */
    public static String text(Object root, String path) {
        return text(at(root, path));
    }

    /** {@link #isTrue(Object)} of the node at {@code path}. */
    public static boolean isTrue(Object root, String path) {
        return isTrue(at(root, path));
    }

    /** A child's path: {@code join("spec", "entrypoint")} is {@code spec.entrypoint}, {@code join("", "spec")} is {@code spec}. */
    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A list item's path: {@code index("spec.templates", 0)} is {@code spec.templates[0]}. */
    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** A deep, mutable copy (mappings keep their order), so a tree can be changed without touching the original. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return node;
    }
}
