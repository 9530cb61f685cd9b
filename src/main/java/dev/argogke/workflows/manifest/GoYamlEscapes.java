package dev.argogke.workflows.manifest;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Escapes of double-quoted YAML scalars that go-yaml refuses and SnakeYAML accepts: {@code \\u} or {@code \\U}
 * escapes of a UTF-16 surrogate (U+D800 to U+DFFF), which are not characters. go-yaml (gopkg.in/yaml.v2
 * scannerc.go, behind sigs.k8s.io/yaml, which Argo and kubectl use) stops with "found invalid Unicode character
 * escape code", even for two escapes that make a pair such as {@code "\\ud83d\\ude00"}; SnakeYAML turns them
 * into Java chars. The raw text is read through the node's marks: its value cannot tell an escaped pair from
 * the character written as itself.
 */
final class GoYamlEscapes {
    private GoYamlEscapes() {
    }

    /** The first surrogate escape in the source of a double-quoted scalar, e.g. {@code \\udce0}, or null. */
    static String surrogateEscape(ScalarNode node) {
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty() || end.isEmpty() || start.get().getBuffer() != end.get().getBuffer()) {
            return loneSurrogate(node.getValue());
        }
        int[] source = start.get().getBuffer();
        int to = Math.min(end.get().getPointer(), source.length);
        for (int i = start.get().getPointer(); i < to; i++) {
            if (source[i] != '\\' || i + 1 >= to) {
                continue;
            }
            int digits = source[i + 1] == 'u' ? 4 : source[i + 1] == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= to) {
                String hex = new String(source, i + 2, digits);
                if (hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    long cp = Long.parseLong(hex, 16);
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        return new String(source, i, 2 + digits);
                    }
                }
            }
            i++; // the escaped character: "\\\\u..." is a backslash, then plain text
        }
        return null;
    }

    /** Without the source: a surrogate with no partner can only have come from an escape. */
    private static String loneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return String.format("\\u%04x", (int) c);
            }
        }
        return null;
    }
}
