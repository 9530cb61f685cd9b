package dev.argogke.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text exactly as Go's {@code encoding/json} Marshal writes it, which is how the Pulumi CLI
 * turns a structured config value into text and how the Java language host writes
 * {@code PULUMI_CONFIG} ({@code json.Marshal(map[string]string)}). From the package's
 * documentation (go.dev/pkg/encoding/json, Marshal): compact, map keys sorted, and strings
 * HTML-escaped: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 become backslash-u escapes
 * (backslash, u, four hex digits); other control characters backslash-n, -r, -t or a backslash-u
 * escape. Floats use the shortest form, in
 * exponent form below 1e-6 and from 1e21 on.
 *
 * <p>Takes the values a YAML or JSON reader gives: maps, lists, strings, numbers, booleans, null.
 */
public final class GoJson {
    private GoJson() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(floating(n.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            String comma = "";
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                out.append(comma);
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Go's float64 encoding: the shortest text that reads back, 'f' form unless tiny or huge. */
    static String floating(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + d);
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            // 1e+21, 1e-7 (encoding/json trims strconv's e-07 to e-7); BigDecimal writes 1E+21, 1E-7
            return shortest.toString().toLowerCase(java.util.Locale.ROOT);
        }
        return shortest.toPlainString();
    }
}
