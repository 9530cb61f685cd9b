package dev.argogke.migrate;

import dev.argogke.UserError;
import dev.argogke.config.SettingsLoader;
import dev.argogke.names.KubeNames;
import dev.argogke.names.TimeZones;

/**
 * Choices that apply to every imported CronJob.
 *
 * @param defaultTimezone the zone written for CronJobs without {@code timeZone}: the zone their
 *                        kube-controller-manager ran in, which is UTC on GKE. It stands for the CronJob's
 *                        missing {@code timeZone}, so it is checked as one ({@link TimeZones#cronJobZone}):
 *                        "Local" would mean the Argo controller's zone, not the one the CronJob ran in.
 * @param namespace       the namespace the imported workflows will run in: the stack's
 *                        {@code argo-gke:workflows.namespace}, since argo-gke deploys every file of
 *                        {@code workflows/} there whatever the file says. It is not written into the files;
 *                        it is what the findings compare each CronJob's namespace with and name as the
 *                        place its Secrets, ConfigMaps and service account must be provided.
 */
public record ImportOptions(String defaultTimezone, String namespace) {
    /** The stack's workflows namespace when it does not set one ({@code argo-gke:workflows.namespace}). */
    public static final String DEFAULT_NAMESPACE = SettingsLoader.WORKFLOWS_NAMESPACE;
    public static final ImportOptions DEFAULTS = new ImportOptions("UTC", DEFAULT_NAMESPACE);

    public ImportOptions {
        if (TimeZones.cronJobZone(defaultTimezone).isEmpty()) {
            throw new UserError("--default-timezone: \"" + defaultTimezone
                    + "\" is not a time zone name of the IANA database (e.g. UTC, Europe/Berlin)");
        }
        if (!KubeNames.isLabel(namespace)) {
            throw new UserError("--namespace: \"" + namespace + "\" is not a valid namespace name (at most 63"
                    + " lowercase letters, digits and '-', starting and ending with a letter or digit);"
                    + " give the stack's argo-gke:workflows.namespace (default " + DEFAULT_NAMESPACE + ")");
        }
    }
}
