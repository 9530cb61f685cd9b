package dev.argogke;

/**
 * A mistake the user can fix: bad stack config, a broken workflow file, a wrong flag.
 *
 * <p>The command line prints only {@link #getMessage()}, each of its lines as one error, and exits
 * 2; no stack trace reaches the user. Each line names the file, document and field (or the config
 * key), and the fix where it is obvious. The Pulumi program logs each line as one error of the run.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The message's lines: one mistake each. */
    public java.util.List<String> lines() {
        return getMessage().lines().toList();
    }
}
