package dev.argogke.argo;

import java.util.Map;

/**
 * How argo-server's Service is exposed: its type and annotations. Set through the chart's values
 * (not patched afterwards), so Helm and Pulumi never fight over the Service on later upgrades.
 */
public record ServerService(String type, Map<String, String> annotations) {
    public ServerService {
        annotations = Map.copyOf(annotations);
    }

    /** Reachable inside the cluster only. */
    public static ServerService internal() {
        return new ServerService("ClusterIP", Map.of());
    }
}
