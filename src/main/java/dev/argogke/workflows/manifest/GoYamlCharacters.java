package dev.argogke.workflows.manifest;

import java.nio.file.Path;

/**
 * The characters go-yaml reads, which Argo and kubectl read YAML with (sigs.k8s.io/yaml v1.6.0 over
 * go.yaml.in/yaml/v2 v2.4.2, readerc.go yaml_parser_update_buffer): tab, line feed, carriage return,
 * U+0020 to U+007E, U+0085, U+00A0 to U+D7FF, U+E000 to U+FFFD and U+10000 up; any other stops it with
 * "control characters are not allowed", anywhere in the text, quoted or not. SnakeYAML Engine lets some of
 * them through (DEL, U+007F, inside a quoted string).
 */
final class GoYamlCharacters {
    private GoYamlCharacters() {
    }

    /** The first character go-yaml refuses, as an error at its line and column; none when there is none. */
    static void check(Path file, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                throw new ManifestException(file, new SourcePosition(line, column), String.format("invalid YAML: the control"
                        + " character U+%04X; go-yaml, which Argo and kubectl use, refuses it (\"control characters are not allowed\"):"
                        + " remove it", c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
    }

    static boolean allowed(int c) {
        return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
