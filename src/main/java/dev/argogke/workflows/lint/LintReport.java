package dev.argogke.workflows.lint;

import java.util.List;

/**
 * The result of linting a set of documents.
 *
 * @param documents how many YAML documents were read (including the ones skipped with a note)
 * @param findings  every finding, ordered by file, line and column
 */
public record LintReport(int documents, List<Finding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing is an {@link Severity#ERROR}: the set may be deployed. */
    public boolean clean() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The closing line of a run, e.g. {@code lint: 12 documents, 0 errors}. */
    public String summary() {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        StringBuilder out = new StringBuilder("lint: ")
                .append(documents).append(documents == 1 ? " document, " : " documents, ")
                .append(errors).append(errors == 1 ? " error" : " errors");
        if (warnings > 0) {
            out.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return out.toString();
    }
}
