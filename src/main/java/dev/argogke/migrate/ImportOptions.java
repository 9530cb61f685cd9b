package dev.argogke.migrate;

import dev.argogke.UserError;
import dev.argogke.names.TimeZones;

/**
 * Choices that apply to every imported CronJob.
 *
 * @param defaultTimezone the zone written for CronJobs without {@code timeZone}: the zone their
 *                        kube-controller-manager ran in, which is UTC on GKE. It stands for the CronJob's
 *                        missing {@code timeZone}, so it is checked as one ({@link TimeZones#cronJobZone}):
 *                        "Local" would mean the Argo controller's zone, not the one the CronJob ran in.
 */
public record ImportOptions(String defaultTimezone) {
    public static final ImportOptions DEFAULTS = new ImportOptions("UTC");

    public ImportOptions {
        if (TimeZones.cronJobZone(defaultTimezone).isEmpty()) {
            throw new UserError("--default-timezone: \"" + defaultTimezone
                    + "\" is not a time zone name of the IANA database (e.g. UTC, Europe/Berlin)");
        }
    }
}
