package dev.argogke.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one CronJob found: problems that stop the import (shared by the whole run, so
 * every problem in every input is reported at once) and findings about this CronJob.
 */
final class JobReport {
    private final CronJobSource source;
    private final List<String> problems;
    private final List<Finding> findings = new ArrayList<>();

    JobReport(CronJobSource source, List<String> problems) {
        this.source = source;
        this.problems = problems;
    }

    CronJobSource source() {
        return source;
    }

    /** {@code file:line:col: error: CronJob etl/x: spec.schedule: is missing ...} */
    void error(String path, String message) {
        problems.add(source.where(path) + ": error: " + source.displayName() + ": "
                + (path.isEmpty() ? "" : path + ": ") + message);
    }

    void warn(String path, String message) {
        add(Finding.Severity.WARNING, path, message);
    }

    void note(String path, String message) {
        add(Finding.Severity.NOTE, path, message);
    }

    void add(Finding.Severity severity, String path, String message) {
        findings.add(new Finding(severity, source.qualifiedName(), path, message));
    }

    List<Finding> findings() {
        return findings;
    }

    int problemCount() {
        return problems.size();
    }
}
