package dev.argogke.policy;

import java.util.Objects;

/**
 * A rule broken by one resource or config key.
 *
 * @param rule     the rule's name
 * @param resource the resource ({@code gcp:container/cluster:Cluster cluster}) or config key
 *                 ({@code stacks/Pulumi.dev.yaml: gcp:credentials}) that breaks it
 * @param message  what is wrong and how to fix it
 */
public record Violation(String rule, String resource, String message) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
    }

    /** {@code private-nodes: gcp:container/cluster:Cluster cluster: nodes get public IPs; ...} */
    public String line() {
        return rule + ": " + resource + ": " + message;
    }
}
