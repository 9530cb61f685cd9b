package dev.argogke.migrate;

/**
 * Something the user should know about one imported CronJob: a field that was not carried over
 * or whose meaning changes ({@link Severity#WARNING}), or a change that keeps the behaviour but
 * looks different ({@link Severity#NOTE}).
 *
 * @param severity how much it matters
 * @param cronJob  the CronJob it is about ({@code etl/nightly})
 * @param field    the CronJob's field, by path ({@code spec.jobTemplate.spec.podFailurePolicy})
 * @param message  what happened and, where there is one, what to do
 */
public record Finding(Severity severity, String cronJob, String field, String message) {

    public enum Severity {
        NOTE, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code warning: CronJob etl/nightly: spec.timeZone: not set; ...} */
    @Override
    public String toString() {
        return format(true);
    }

    /** As {@link #toString()}, leaving out the CronJob when the context already names it. */
    public String format(boolean withCronJob) {
        return severity.label() + ": " + (withCronJob ? "CronJob " + cronJob + ": " : "")
                + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
