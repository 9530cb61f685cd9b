package dev.argogke.migrate;

import dev.argogke.UserError;

/**
 * Choices that apply to every imported CronJob.
 *
 * @param defaultTimezone the zone written for CronJobs without {@code timeZone}: the zone their
 *                        kube-controller-manager ran in, which is UTC on GKE
 */
public record ImportOptions(String defaultTimezone) {
    public static final ImportOptions DEFAULTS = new ImportOptions("UTC");

    public ImportOptions {
        if (!CronJobReader.knownZone(defaultTimezone)) {
            throw new UserError("--default-timezone: \"" + defaultTimezone
                    + "\" is not a time zone name of the IANA database (e.g. UTC, Europe/Berlin)");
        }
    }
}
