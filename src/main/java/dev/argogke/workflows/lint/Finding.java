package dev.argogke.workflows.lint;

import dev.argogke.workflows.manifest.SourcePosition;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem in one document.
 *
 * @param file     the file the document is in
 * @param position where the offending node starts (1-based line and column)
 * @param severity how serious it is
 * @param resource {@code Kind/name} of the document, e.g. {@code CronWorkflow/nightly-etl}; empty when the
 *                 document could not be read far enough to know it
 * @param path     field path inside the document, e.g. {@code spec.schedules[0]}; empty for the document as a whole
 * @param message  what is wrong, and the fix where it is obvious
 */
public record Finding(Path file, SourcePosition position, Severity severity, String resource, String path, String message) {

    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        // Findings quote what the file says (a kind, a name, a value); a line break there would split
        // the finding over two lines, so it is shown escaped.
        resource = resource == null ? "" : escapeLineBreaks(resource);
        path = path == null ? "" : escapeLineBreaks(path);
        message = escapeLineBreaks(Objects.requireNonNull(message, "message"));
    }

    /** Compiler style: {@code file:line:col: error: CronWorkflow/nightly-etl spec.schedules[0]: message}. */
    public String format() {
        StringBuilder out = new StringBuilder()
                .append(file).append(':').append(position.line()).append(':').append(position.column())
                .append(": ").append(severity.label()).append(": ");
        String where = (resource + " " + path).trim();
        if (!where.isEmpty()) {
            out.append(where).append(": ");
        }
        return out.append(message).toString();
    }

    private static String escapeLineBreaks(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
