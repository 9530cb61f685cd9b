package dev.argogke.migrate;

import dev.argogke.UserError;
import java.util.List;

/**
 * The inputs cannot be imported as they are (a CronJob without a schedule, a chain naming a job
 * that does not exist, ...). Every problem found is listed, one per line, each starting with the
 * file position when there is one; nothing is written.
 */
public final class CronJobImportException extends UserError {
    private final List<String> problems;

    public CronJobImportException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
