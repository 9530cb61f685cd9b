package dev.argogke.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and copying the plain maps and lists that untyped Kubernetes objects are made of. */
final class Json {
    private Json() {
    }

    /** The mapping at {@code path} below {@code root}, or an empty map when any step is missing or not a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String... path) {
        Object node = at(root, path);
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object root, String... path) {
        Object node = at(root, path);
        if (node instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    static Optional<String> string(Object root, String... path) {
        Object node = at(root, path);
        return node == null ? Optional.empty() : Optional.of(String.valueOf(node));
    }

    static boolean bool(Object root, String... path) {
        Object node = at(root, path);
        return node instanceof Boolean b ? b : node != null && "true".equalsIgnoreCase(String.valueOf(node));
    }

    static Object at(Object root, String... path) {
        Object node = root;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(step);
        }
        return node;
    }

    /** A deep, mutable copy (maps keep their order), so a template can be changed without touching the original. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
