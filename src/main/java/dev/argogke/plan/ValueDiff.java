package dev.argogke.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Property-level differences between two plan values, at nested paths.
 *
 * <p>Lists of objects are matched by a key where Kubernetes matches them in a strategic merge
 * (its {@code patchMergeKey}s: containers, env and volumes by {@code name}, volumeMounts by
 * {@code mountPath}, container ports by {@code containerPort}; k8s.io/api core/v1 types.go) and
 * where Argo names its list items (templates, DAG tasks, steps, parameters, artifacts by
 * {@code name}); other lists are compared by index, and lists of plain values as a whole.
 */
final class ValueDiff {
    /** Candidate keys per list field, tried in order: the first one every item has, uniquely, wins. */
    private static final Map<String, List<String>> LIST_KEYS = Map.ofEntries(
            Map.entry("containers", List.of("name")),
            Map.entry("initContainers", List.of("name")),
            Map.entry("ephemeralContainers", List.of("name")),
            Map.entry("sidecars", List.of("name")),
            Map.entry("env", List.of("name")),
            Map.entry("volumes", List.of("name")),
            Map.entry("volumeMounts", List.of("mountPath", "name")),
            Map.entry("volumeDevices", List.of("devicePath")),
            Map.entry("ports", List.of("name", "containerPort", "port")),
            Map.entry("imagePullSecrets", List.of("name")),
            Map.entry("volumeClaimTemplates", List.of("name")),
            Map.entry("templates", List.of("name")),
            Map.entry("tasks", List.of("name")),
            Map.entry("steps", List.of("name")),
            Map.entry("parameters", List.of("name")),
            Map.entry("artifacts", List.of("name")),
            Map.entry("secrets", List.of("name")),
            Map.entry("configMaps", List.of("name")));

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final Predicate<String> replacesAt;
    private final List<PropertyChange> out = new ArrayList<>();

    /** @param replacesAt tells, for a path without list selectors, whether a change there replaces */
    private ValueDiff(Predicate<String> replacesAt) {
        this.replacesAt = replacesAt;
    }

    /** The changes from {@code before} to {@code after} (two input or output maps). */
    static List<PropertyChange> of(Map<String, Object> before, Map<String, Object> after, Predicate<String> replacesAt) {
        ValueDiff d = new ValueDiff(replacesAt);
        d.maps(before, after, "", "");
        return d.out;
    }

    private void value(Object a, Object b, String path, String schema, String field) {
        if (PlanValues.isSecret(a) && PlanValues.isSecret(b)) {
            out.add(new PropertyChange(path, PropertyChange.Kind.SECRET_NOT_COMPARED, null, null, false));
            return;
        }
        if (a == null ? b == null : a.equals(b)) {
            return;
        }
        if (isPlainMap(a) && isPlainMap(b)) {
            maps(cast(a), cast(b), path, schema);
        } else if (a instanceof List<?> la && b instanceof List<?> lb && !(allScalars(la) && allScalars(lb))) {
            lists(la, lb, path, schema, field);
        } else {
            change(PropertyChange.Kind.CHANGED, path, schema, a, b);
        }
    }

    private void maps(Map<String, Object> a, Map<String, Object> b, String path, String schema) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String p = join(path, k);
            String s = join(schema, k);
            if (!a.containsKey(k)) {
                change(PropertyChange.Kind.ADDED, p, s, null, b.get(k));
            } else if (!b.containsKey(k)) {
                change(PropertyChange.Kind.REMOVED, p, s, a.get(k), null);
            } else {
                value(a.get(k), b.get(k), p, s, k);
            }
        }
    }

    private void lists(List<?> a, List<?> b, String path, String schema, String field) {
        String key = matchKey(field, a, b);
        if (key == null) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                value(a.get(i), b.get(i), path + "[" + i + "]", schema + "[]", field);
            }
            for (int i = common; i < a.size(); i++) {
                change(PropertyChange.Kind.REMOVED, path + "[" + i + "]", schema + "[]", a.get(i), null);
            }
            for (int i = common; i < b.size(); i++) {
                change(PropertyChange.Kind.ADDED, path + "[" + i + "]", schema + "[]", null, b.get(i));
            }
            return;
        }
        Map<Object, Object> byKeyA = byKey(a, key);
        Map<Object, Object> byKeyB = byKey(b, key);
        for (Map.Entry<Object, Object> e : byKeyA.entrySet()) {
            String p = path + "[" + key + "=" + e.getKey() + "]";
            if (byKeyB.containsKey(e.getKey())) {
                value(e.getValue(), byKeyB.get(e.getKey()), p, schema + "[]", field);
            } else {
                change(PropertyChange.Kind.REMOVED, p, schema + "[]", e.getValue(), null);
            }
        }
        for (Map.Entry<Object, Object> e : byKeyB.entrySet()) {
            if (!byKeyA.containsKey(e.getKey())) {
                change(PropertyChange.Kind.ADDED, path + "[" + key + "=" + e.getKey() + "]", schema + "[]", null, e.getValue());
            }
        }
    }

    /** The key to match list items by, or null to match by index. */
    static String matchKey(String field, List<?> a, List<?> b) {
        List<String> candidates = LIST_KEYS.get(field);
        if (candidates == null) {
            return null;
        }
        for (String key : candidates) {
            if (uniquelyKeyed(a, key) && uniquelyKeyed(b, key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean uniquelyKeyed(List<?> list, String key) {
        Set<Object> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get(key) instanceof String || m.get(key) instanceof Number)
                    || !seen.add(m.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static Map<Object, Object> byKey(List<?> list, String key) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : list) {
            out.put(((Map<?, ?>) item).get(key), item);
        }
        return out;
    }

    private void change(PropertyChange.Kind kind, String path, String schema, Object before, Object after) {
        out.add(new PropertyChange(path, kind, before, after, replacesAt.test(schema)));
    }

    static String join(String path, String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }

    private static boolean isPlainMap(Object o) {
        return o instanceof Map && !PlanValues.isSecret(o) && !PlanValues.isUnknown(o);
    }

    private static boolean allScalars(List<?> list) {
        for (Object o : list) {
            if (isPlainMap(o) || o instanceof List) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
