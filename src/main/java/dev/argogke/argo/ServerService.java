package dev.argogke.argo;

import java.util.Map;
import java.util.Optional;

/**
 * How argo-server's Service is exposed: its type, annotations and, when something must stand in
 * front of argo-server, the proxy in its pod the Service sends to. Set through the chart's values
 * (not patched afterwards), so Helm and Pulumi never fight over the Service on later upgrades.
 */
public record ServerService(String type, Map<String, String> annotations, Optional<ServerProxy> proxy) {
    public ServerService {
        annotations = Map.copyOf(annotations);
    }

    public ServerService(String type, Map<String, String> annotations) {
        this(type, annotations, Optional.empty());
    }

    /** Reachable inside the cluster only. */
    public static ServerService internal() {
        return new ServerService("ClusterIP", Map.of());
    }
}
