package dev.argogke.config;

import static dev.argogke.config.SettingsLoader.key;
import static dev.argogke.config.SettingsLoader.scalar;

import dev.argogke.config.Settings.Gcp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code gcp:project}, {@code gcp:region}, the provider's credentials and {@code argo-gke:dataAccessLogs}:
 * the Google Cloud project a stack deploys to, or none for a cluster reached by kubeconfig.
 */
final class GcpSettingsReader {
    private GcpSettingsReader() {
    }

    static Gcp gcp(ConfigSource source, List<String> problems) {
        ConfigValue projectValue = scalar(source, SettingsSchema.GCP_PROJECT.key(), problems);
        String project = projectValue.checked(SettingsSchema.GCP_PROJECT, projectValue.requiredString("set it with `pulumi config set gcp:project <project-id>`"));
        ConfigValue regionValue = scalar(source, SettingsSchema.GCP_REGION.key(), problems);
        String region = regionValue.checked(SettingsSchema.GCP_REGION, regionValue.requiredString("e.g. europe-west1"));
        // Whether these are stored encrypted is the secrets-encrypted rule's to check.
        Settings.GcpAuth auth = new Settings.GcpAuth(
                source.get("gcp:credentials").map(v -> new Secret("gcp:credentials", v)),
                source.get("gcp:accessToken").map(v -> new Secret("gcp:accessToken", v)),
                source.get("gcp:impersonateServiceAccount"));
        boolean dataAccessLogs = scalar(source, SettingsSchema.DATA_ACCESS_LOGS.key(), problems).bool()
                .orElse((Boolean) SettingsSchema.DATA_ACCESS_LOGS.defaultValue());
        return project == null || region == null ? null : new Gcp(project, region, auth, dataAccessLogs);
    }

    /** A cluster outside Google Cloud: a Google project would be set for nothing, so it is a mistake. */
    static Optional<Gcp> noGcp(ConfigSource source, List<String> problems) {
        for (String key : List.of(SettingsSchema.GCP_PROJECT.key(), SettingsSchema.GCP_REGION.key())) {
            ConfigValue v = scalar(source, key, problems);
            if (v.present()) {
                v.problem("not used with argo-gke:cluster.existing.kubeconfig: nothing of Google Cloud is created for a cluster "
                        + "reached by kubeconfig; remove it, or name a GKE cluster with existing.name and existing.location");
            }
        }
        // true is Pulumi.yaml's default, which the CLI hands every stack; false would promise a choice about a
        // Google Cloud project that this stack does not touch.
        ConfigValue logs = scalar(source, SettingsSchema.DATA_ACCESS_LOGS.key(), problems);
        if (!logs.bool().orElse((Boolean) SettingsSchema.DATA_ACCESS_LOGS.defaultValue())) {
            logs.problem("not used with argo-gke:cluster.existing.kubeconfig: there is no Google Cloud project whose audit logs "
                    + "argo-gke could turn on; remove it");
        }
        return Optional.empty();
    }
}
