package dev.argogke.ops;

import dev.argogke.config.GkeCredentials;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which cluster to talk to and how long one request may take.
 *
 * @param kubeconfig         a kubeconfig file, or null for the usual places ({@code KUBECONFIG}, {@code ~/.kube/config})
 * @param context            a context of that kubeconfig, or null for its current context
 * @param requestTimeout     how long one API request may take before it counts as timed out (and is retried)
 * @param credentialsCommand the command that fetches credentials for this cluster, suggested when they
 *                           are missing or rejected; the stack knows the exact one
 */
public record ConnectionSettings(Path kubeconfig, String context, Duration requestTimeout, String credentialsCommand) {
    public static final String GENERIC_CREDENTIALS_COMMAND = GkeCredentials.GENERIC;

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(null, null, Duration.ofSeconds(10), GENERIC_CREDENTIALS_COMMAND);
    }
}
