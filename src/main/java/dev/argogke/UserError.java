package dev.argogke;

/**
 * A mistake the user can fix: bad stack config, a broken workflow file, a wrong flag.
 *
 * <p>The command line prints only {@link #getMessage()} on one line and exits 2; no stack trace
 * reaches the user. The message names the file, document and field (or the config key), and the
 * fix where it is obvious.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
