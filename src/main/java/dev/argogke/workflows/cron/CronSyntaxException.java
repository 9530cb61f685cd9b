package dev.argogke.workflows.cron;

/**
 * A schedule line Argo would reject. The message names the field and what is wrong with it,
 * e.g. {@code field 2 (hour): 24 is out of range 0-23}, so the linter can print it as is after
 * the file and position.
 */
public final class CronSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public CronSyntaxException(String message) {
        super(message);
    }

    static CronSyntaxException inField(CronField field, String problem) {
        return new CronSyntaxException(field.label() + ": " + problem);
    }
}
