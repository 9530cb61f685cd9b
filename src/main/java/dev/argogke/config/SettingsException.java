package dev.argogke.config;

import dev.argogke.UserError;
import java.util.List;

/** Stack settings that cannot be used; the message names the origin, the key and the fix. */
public final class SettingsException extends UserError {
    private final List<String> problems;

    SettingsException(String origin, List<String> problems) {
        super(origin + ": " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each naming its key. */
    public List<String> problems() {
        return problems;
    }
}
