package dev.argogke.config;

import java.util.Optional;

/**
 * The command that fetches kubectl credentials for a GKE cluster, as the stack's
 * {@code getCredentials} output and as the command line's hint when credentials are missing or
 * rejected.
 *
 * <p>{@code gcloud container clusters get-credentials NAME --location LOCATION --project PROJECT}:
 * {@code --location} takes a zone or a region alike ({@code --zone} and {@code --region} are the
 * older, type-specific spellings), {@code --project} is a gcloud-wide flag (gcloud reference,
 * "gcloud container clusters get-credentials", synopsis
 * {@code NAME [--location=LOCATION | --region=REGION | --zone=ZONE]},
 * https://cloud.google.com/sdk/gcloud/reference/container/clusters/get-credentials).
 */
public final class GkeCredentials {
    /** The command with placeholders, for a cluster the stack does not name. */
    public static final String GENERIC = command("CLUSTER", "LOCATION", "PROJECT");

    private GkeCredentials() {
    }

    public static String command(String cluster, String location, String project) {
        return "gcloud container clusters get-credentials " + cluster + " --location " + location + " --project " + project;
    }

    /** The stack's own command: on GKE (created or existing); nothing for a cluster reached by a kubeconfig of the user's. */
    public static Optional<String> of(Settings settings) {
        if (!(settings.cluster() instanceof Settings.GkeLocation gke) || settings.gcp().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(command(gke.name(), gke.location().value(), settings.gcp().get().project()));
    }
}
