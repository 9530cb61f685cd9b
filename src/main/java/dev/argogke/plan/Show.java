package dev.argogke.plan;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Plan values and amounts as people read them in a diff. Secrets never have a value to show. */
final class Show {
    static final String UNKNOWN = "(known after deploy)";
    static final String SECRET = "(secret)";
    static final String SECRET_NOT_COMPARED = "secret (not compared)";

    private Show() {
    }

    /** A value in compact JSON-like form, markers in words, cut at {@code max} characters. */
    static String value(Object v, int max) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, max + 1);
        if (sb.length() > max) {
            sb.setLength(Math.max(0, max - 1));
            sb.append('…');
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int budget) {
        if (sb.length() > budget) {
            return;
        }
        if (PlanValues.isUnknown(v)) {
            sb.append(UNKNOWN);
        } else if (PlanValues.isSecret(v)) {
            sb.append(SECRET);
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext() && sb.length() <= budget) {
                Map.Entry<?, ?> e = it.next();
                quote(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                append(sb, e.getValue(), budget);
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size() && sb.length() <= budget; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, l.get(i), budget);
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }

    /** "before → after" for a property change, in text. */
    static String change(PropertyChange c, int max) {
        return switch (c.kind()) {
            case ADDED -> "(added) " + value(c.after(), max);
            case REMOVED -> value(c.before(), max) + " (removed)";
            case CHANGED -> value(c.before(), max) + " → " + value(c.after(), max);
            case SECRET_NOT_COMPARED -> SECRET_NOT_COMPARED;
        };
    }

    /** 12.30, -73.00 */
    static String usd(BigDecimal amount) {
        return amount == null ? "unknown" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** +12.30 / -4.00 / 0.00 */
    static String delta(BigDecimal amount) {
        String s = usd(amount);
        return amount.signum() > 0 ? "+" + s : s;
    }

    /** Inline code for Markdown, safe inside a table cell. */
    static String code(String s) {
        String cell = s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        return cell.contains("`") ? "`` " + cell + " ``" : "`" + cell + "`";
    }

    /** Plain text for a Markdown table cell. */
    static String cell(String s) {
        return s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
