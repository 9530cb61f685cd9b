package dev.argogke.workflows.lint;

/** Checks one line of a CronWorkflow's {@code schedules}. */
@FunctionalInterface
interface CronLines {
    /** Why {@code line} is not a schedule Argo's cron parser accepts, or null when it is. */
    String problem(String line);
}
