package dev.argogke.workflows.lint;

import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one document, placing each at the source position of its field path. */
final class DocumentFindings {
    private final Manifest manifest;
    private final String resource;
    private final List<Finding> findings = new ArrayList<>();

    DocumentFindings(Manifest manifest) {
        this.manifest = manifest;
        this.resource = manifest.displayName();
    }

    Manifest manifest() {
        return manifest;
    }

    void error(String path, String message) {
        add(Severity.ERROR, path, message);
    }

    void warning(String path, String message) {
        add(Severity.WARNING, path, message);
    }

    void note(String path, String message) {
        add(Severity.NOTE, path, message);
    }

    private void add(Severity severity, String path, String message) {
        findings.add(new Finding(manifest.file(), manifest.positions().of(path), severity, resource, path, message));
    }

    /** Whether an error was already reported at {@code path} or below it (to avoid reporting one mistake twice). */
    boolean hasErrorAtOrBelow(String path) {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR && (path.isEmpty() || f.path().equals(path)
                    || f.path().startsWith(path + ".") || f.path().startsWith(path + "["))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the strict decoding found {@code path}'s value of the wrong type (an error there, other than an unknown field). */
    boolean hasTypeErrorAt(String path) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.path().equals(path)
                && !f.message().startsWith("unknown field"));
    }

    /** Whether an error was reported on a field directly under {@code path}, such as an unknown field there. */
    boolean hasErrorOnFieldOf(String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR && f.path().startsWith(prefix)) {
                String rest = f.path().substring(prefix.length());
                if (!rest.isEmpty() && rest.indexOf('.') < 0 && rest.indexOf('[') < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    List<Finding> findings() {
        return findings;
    }
}
