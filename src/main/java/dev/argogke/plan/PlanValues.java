package dev.argogke.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a plan file holds: maps, lists, strings, numbers, booleans, null, and two markers.
 *
 * <p>{@code {"$unknown": "known after deploy"}} stands for a value only known after deploy (a
 * Pulumi "computed" output fed into an input); {@code {"$secret": "redacted"}} stands for a Pulumi
 * secret, whose value never reaches the file. Both are plain one-key maps so the file stays plain
 * JSON that any tool can read.
 */
public final class PlanValues {
    public static final String UNKNOWN_KEY = "$unknown";
    public static final String SECRET_KEY = "$secret";

    private static final Map<String, Object> UNKNOWN = Map.of(UNKNOWN_KEY, "known after deploy");
    private static final Map<String, Object> SECRET = Map.of(SECRET_KEY, "redacted");

    private PlanValues() {
    }

    /** The marker for a value only known after deploy. */
    public static Map<String, Object> unknown() {
        return UNKNOWN;
    }

    /** The marker for a secret (the value itself is never written). */
    public static Map<String, Object> secret() {
        return SECRET;
    }

    public static boolean isUnknown(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey(UNKNOWN_KEY);
    }

    public static boolean isSecret(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey(SECRET_KEY);
    }

    /**
     * A deep, immutable copy with map keys sorted and numbers in one form (whole numbers as
     * {@code Long}, others as {@code Double}), so equal values compare equal and write
     * byte-identically however the caller built them (Pulumi hands every number over as a double).
     *
     * @throws IllegalArgumentException for a value that is not plain data (a programming error)
     */
    public static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return canonicalNumber(n);
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("plan values need string keys, got " + e.getKey());
                }
                out.put(k, canonical(e.getValue()));
            }
            return Collections.unmodifiableSortedMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(canonical(item));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("not a plan value: " + value.getClass().getName());
    }

    /** {@link #canonical(Object)} for a map of values (inputs, outputs). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> canonicalMap(Map<String, ?> map) {
        return map == null ? Collections.emptySortedMap() : (Map<String, Object>) canonical(map);
    }

    private static Number canonicalNumber(Number n) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Number) b.longValue() : (Number) b.doubleValue();
        }
        double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + n);
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return (long) d;
        }
        return d;
    }
}
