package dev.argogke.workflows.lint;

import java.util.List;
import java.util.Map;

/** How a YAML value reads in a finding: {@code the string "3"}, {@code the number 3}, {@code a list}. */
final class ValueText {
    private ValueText() {
    }

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
