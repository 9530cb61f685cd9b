package dev.argogke.argo;

import com.pulumi.core.Output;
import java.util.Map;
import java.util.Objects;

/**
 * A proxy in argo-server's pod, in front of it: the chart runs it as one of the server's
 * {@code extraContainers}, the Service's target port is the proxy's, and its configuration is a
 * ConfigMap the program creates in the Argo namespace before the release (the pod cannot start
 * without it, and the release waits for the pod).
 *
 * @param container      the container, as the chart's {@code server.extraContainers} takes it (a pod spec container)
 * @param volume         the pod volume that holds the ConfigMap, as {@code server.volumes} takes it
 * @param port           the proxy's container port, where the Service sends
 * @param configMap      the ConfigMap's name
 * @param configKey      its key holding the configuration
 * @param configChecksum changes whenever the configuration does, so the pod restarts on a change
 *                       (a mounted ConfigMap changes under a running proxy, which only reads it at start)
 * @param config         the configuration text
 */
public record ServerProxy(Map<String, Object> container, Map<String, Object> volume, int port, String configMap,
                          String configKey, String configChecksum, Output<String> config) {
    public ServerProxy {
        container = Map.copyOf(container);
        volume = Map.copyOf(volume);
        Objects.requireNonNull(config, "config");
    }
}
