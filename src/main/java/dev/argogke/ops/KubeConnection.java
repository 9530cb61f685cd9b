package dev.argogke.ops;

import dev.argogke.UserError;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * An open connection to a cluster: the fabric8 client, and where it points (for error messages).
 * Built from the current kubeconfig context or {@code --kubeconfig}/{@code --context}.
 */
public final class KubeConnection implements AutoCloseable {
    private final KubernetesClient client;
    private final String context;
    private final String server;
    private final RetryAfterCapture retryAfter;
    private final String credentialsCommand;

    private KubeConnection(KubernetesClient client, String context, String server, RetryAfterCapture retryAfter,
                           String credentialsCommand) {
        this.client = client;
        this.context = context;
        this.server = server;
        this.retryAfter = retryAfter;
        this.credentialsCommand = credentialsCommand;
    }

    /** Opens a client for {@code settings}; a missing kubeconfig or context is a {@link UserError}. */
    public static KubeConnection open(ConnectionSettings settings) {
        Config config = load(settings);
        // One retry policy (Retry), not two stacked: fabric8 would otherwise also retry 429/5xx/IO
        // errors on its own, invisibly and without honouring Ctrl-C.
        config.setRequestRetryBackoffLimit(0);
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        config.setConnectionTimeout((int) connectTimeout(settings).toMillis());
        RetryAfterCapture capture = new RetryAfterCapture();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("argogke-retry-after", capture))
                .build();
        String contextName = config.getCurrentContext() == null ? "(none)" : config.getCurrentContext().getName();
        return new KubeConnection(client, contextName, config.getMasterUrl(), capture, settings.credentialsCommand());
    }

    /**
     * How long to wait for the API server to accept a connection: fabric8's default is 10 s, then
     * every retry waits as long again, so an endpoint that drops packets (a private cluster seen from
     * outside its network) kept the user waiting silently. A TCP handshake takes one round trip,
     * well under a second to any Google region, so {@value #CONNECT_TIMEOUT_SECONDS} s is ample,
     * and never longer than one request may take.
     */
    static Duration connectTimeout(ConnectionSettings settings) {
        Duration most = Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS);
        return settings.requestTimeout().compareTo(most) < 0 ? settings.requestTimeout() : most;
    }

    static final int CONNECT_TIMEOUT_SECONDS = 5;

    /**
     * Wraps a client someone else built (tests, embedding). Without the interceptor that
     * {@link #open} installs, a 429's wait is read only from the Status body, not the header.
     */
    public static KubeConnection wrap(KubernetesClient client) {
        Config c = client.getConfiguration();
        String contextName = c.getCurrentContext() == null ? "(none)" : c.getCurrentContext().getName();
        return new KubeConnection(client, contextName, c.getMasterUrl(), new RetryAfterCapture(),
                ConnectionSettings.GENERIC_CREDENTIALS_COMMAND);
    }

    private static Config load(ConnectionSettings settings) {
        Config config;
        if (settings.kubeconfig() != null) {
            if (!Files.isRegularFile(settings.kubeconfig())) {
                throw new UserError("--kubeconfig " + settings.kubeconfig() + ": no such file");
            }
            try {
                config = Config.fromKubeconfig(settings.context(), settings.kubeconfig().toFile());
            } catch (RuntimeException e) {
                throw new UserError("--kubeconfig " + settings.kubeconfig() + ": cannot read it as a kubeconfig ("
                        + firstLine(e) + ")");
            }
        } else {
            config = Config.autoConfigure(settings.context());
            if (config.getCurrentContext() == null && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new UserError("no Kubernetes context: run `" + settings.credentialsCommand()
                        + "` (or `kubectl config use-context NAME`), or pass --kubeconfig PATH");
            }
        }
        if (settings.context() != null) {
            // fabric8 quietly falls back to the current context when the named one does not exist.
            NamedContext current = config.getCurrentContext();
            if (current == null || !settings.context().equals(current.getName())) {
                List<String> known = config.getContexts() == null ? List.of()
                        : config.getContexts().stream().map(NamedContext::getName).toList();
                throw new UserError("--context " + settings.context() + ": no such context in the kubeconfig"
                        + (known.isEmpty() ? "" : " (it has: " + String.join(", ", known) + ")"));
            }
        }
        return config;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    public KubernetesClient client() {
        return client;
    }

    /** The kubeconfig context in use, e.g. {@code gke_my-project_europe-north1_argo-dev}. */
    public String context() {
        return context;
    }

    /** The API server URL. */
    public String server() {
        return server;
    }

    /** The command that fetches credentials for this cluster. */
    public String credentialsCommand() {
        return credentialsCommand;
    }

    RetryAfterCapture retryAfterCapture() {
        return retryAfter;
    }

    @Override
    public void close() {
        client.close();
    }
}
