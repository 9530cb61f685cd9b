package dev.argogke.workflows.cron;

import java.util.ArrayList;
import java.util.List;

/** The few Go string functions whose edge cases robfig's parser inherits. */
final class GoStrings {
    private GoStrings() {
    }

    /** strings.Split: keeps empty parts, including trailing ones ("5/" is ["5", ""]). */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** strings.Fields: splits on unicode.IsSpace, which (unlike Java's isWhitespace) includes U+00A0 and U+0085. */
    static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                if (start >= 0) {
                    fields.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(text.substring(start));
        }
        return fields;
    }

    /** strings.TrimSpace. */
    static String trimSpace(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    // unicode.IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0, and category Zs/Zl/Zp.
    private static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
            default -> c > 0xFF && (Character.getType(c) == Character.SPACE_SEPARATOR
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
        };
    }
}
