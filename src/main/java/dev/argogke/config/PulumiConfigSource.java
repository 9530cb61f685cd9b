package dev.argogke.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentInternal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Settings from Pulumi's config during {@code pulumi up/preview}. Which keys are secret comes from
 * the deployment (the SDK's {@code DeploymentInternal}, the only place the Java SDK exposes it);
 * the list of all keys from {@code PULUMI_CONFIG}, which the Pulumi language host sets (absent
 * under test mocks, where unknown keys then go unchecked: the stack-file path checks them).
 */
public final class PulumiConfigSource implements ConfigSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Context ctx;
    private final Optional<Set<String>> keys;

    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
        this.keys = keysFromEnv();
    }

    @Override
    public Optional<String> get(String key) {
        int colon = key.indexOf(':');
        // Config.get on a secret logs a warning; the value is wrapped back into a secret by the component.
        return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
    }

    @Override
    public Optional<Set<String>> keys() {
        return keys;
    }

    @Override
    public boolean isSecret(String key) {
        return DeploymentInternal.getInstance().isConfigSecret(key);
    }

    @Override
    public String origin() {
        return "stack " + ctx.stackName() + " config";
    }

    private static Optional<Set<String>> keysFromEnv() {
        String raw = System.getenv("PULUMI_CONFIG");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(raw);
            Set<String> out = new HashSet<>();
            node.fieldNames().forEachRemaining(out::add);
            return Optional.of(out);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
