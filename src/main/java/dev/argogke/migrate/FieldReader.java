package dev.argogke.migrate;

import dev.argogke.tree.Tree;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping of the CronJob being read, with its field path. Reading a field checks its type
 * (a wrong type is a problem reported with its position) and marks it as handled, so that what
 * is left over can be reported by name rather than dropped silently.
 */
final class FieldReader {
    private final Map<String, Object> map;
    private final String path;
    private final JobReport report;
    private final Set<String> handled = new HashSet<>();

    FieldReader(Map<String, Object> map, String path, JobReport report) {
        this.map = map;
        this.path = path;
        this.report = report;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Tree.join(path, key);
    }

    /** Present with a non-null value (Kubernetes treats {@code key: null} as absent). */
    boolean has(String key) {
        return map.get(key) != null;
    }

    Optional<Object> raw(String key) {
        handled.add(key);
        return Optional.ofNullable(map.get(key));
    }

    Optional<String> string(String key) {
        Object v = raw(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        report.error(path(key), "must be a string, not " + describe(v));
        return Optional.empty();
    }

    Optional<Long> integer(String key) {
        Object v = raw(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Optional.of(((Number) v).longValue());
        }
        if (v instanceof BigInteger b && b.bitLength() < 63) {
            return Optional.of(b.longValue());
        }
        report.error(path(key), "must be a whole number, not " + describe(v));
        return Optional.empty();
    }

    /** A whole number that is at least {@code min}; the message says which. */
    Optional<Long> integerAtLeast(String key, long min) {
        Optional<Long> v = integer(key);
        if (v.isPresent() && v.get() < min) {
            report.error(path(key), "must be " + min + " or more, not " + v.get());
            return Optional.empty();
        }
        return v;
    }

    Optional<Boolean> bool(String key) {
        Object v = raw(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        report.error(path(key), "must be true or false, not " + describe(v));
        return Optional.empty();
    }

    Optional<FieldReader> obj(String key) {
        return map(key).map(m -> new FieldReader(m, path(key), report));
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> map(String key) {
        Object v = raw(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of((Map<String, Object>) m);
        }
        report.error(path(key), "must be a mapping (key: value lines), not " + describe(v));
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    Optional<List<Object>> list(String key) {
        Object v = raw(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof List<?> l) {
            return Optional.of((List<Object>) l);
        }
        report.error(path(key), "must be a list, not " + describe(v));
        return Optional.empty();
    }

    /** Labels or annotations: a mapping of strings to strings, as the API server requires. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        map(key).ifPresent(m -> m.forEach((k, v) -> {
            if (v instanceof String s) {
                out.put(k, s);
            } else {
                report.error(path(key) + "." + k, "must be a string (quote it: \"" + v + "\"), not " + describe(v));
            }
        }));
        return out;
    }

    /** Marks fields as handled without reading them through this object. */
    void handled(String... keys) {
        handled.addAll(List.of(keys));
    }

    /** Fields with a value that nothing has handled, in the order they appear. */
    List<String> leftovers() {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> {
            if (v != null && !handled.contains(k)) {
                out.add(k);
            }
        });
        return out;
    }

    Object peek(String key) {
        return map.get(key);
    }

    static String describe(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        return String.valueOf(v);
    }
}
