package dev.argogke.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Settings from Pulumi's config during {@code pulumi up/preview}. The key list and which keys are
 * secret come from the environment the Pulumi language host sets ({@code PULUMI_CONFIG},
 * {@code PULUMI_CONFIG_SECRET_KEYS}); when they are absent (under test mocks) they are taken from
 * the given sets.
 */
public final class PulumiConfigSource implements ConfigSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Context ctx;
    private final Optional<Set<String>> keys;
    private final Set<String> secretKeys;

    public PulumiConfigSource(Context ctx) {
        this(ctx, keysFromEnv("PULUMI_CONFIG", true), keysFromEnv("PULUMI_CONFIG_SECRET_KEYS", false).orElse(Set.of()));
    }

    public PulumiConfigSource(Context ctx, Optional<Set<String>> keys, Set<String> secretKeys) {
        this.ctx = ctx;
        this.keys = keys;
        this.secretKeys = secretKeys;
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
        return secretKeys.contains(key);
    }

    @Override
    public String origin() {
        return "stack " + ctx.stackName() + " config";
    }

    private static Optional<Set<String>> keysFromEnv(String variable, boolean objectKeys) {
        String raw = System.getenv(variable);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(raw);
            Set<String> out = new HashSet<>();
            if (objectKeys) {
                node.fieldNames().forEachRemaining(out::add);
            } else {
                node.forEach(n -> out.add(n.asText()));
            }
            return Optional.of(out);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
