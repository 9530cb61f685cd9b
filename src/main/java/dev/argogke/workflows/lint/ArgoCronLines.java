package dev.argogke.workflows.lint;

import dev.argogke.workflows.cron.CronSchedule;
import dev.argogke.workflows.cron.CronSyntaxException;

/** Schedule lines as Argo's cron parser (robfig/cron ParseStandard) reads them, via {@link CronSchedule}. */
final class ArgoCronLines implements CronLines {
    static final CronLines INSTANCE = new ArgoCronLines();

    @Override
    public String problem(String line) {
        try {
            CronSchedule.parse(line);
            return null;
        } catch (CronSyntaxException e) {
            return e.getMessage();
        }
    }
}
