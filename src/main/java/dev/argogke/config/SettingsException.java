package dev.argogke.config;

import dev.argogke.UserError;
import java.util.List;

/**
 * Stack settings that cannot be used: every problem found, one line each, naming the origin, the
 * key and the fix (the README promises every problem is reported, not the first).
 */
public final class SettingsException extends UserError {
    private final List<String> problems;

    SettingsException(String origin, List<String> problems) {
        super(String.join("\n", problems.stream().map(p -> origin + ": " + p).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each naming its key. */
    public List<String> problems() {
        return problems;
    }
}
