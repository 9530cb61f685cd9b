package dev.argogke.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.UserError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stack's config as the Pulumi language host hands it to the program, in environment
 * variables, before the SDK is started: {@code PULUMI_STACK}, {@code PULUMI_PROJECT},
 * {@code PULUMI_CONFIG} (a JSON object of every key and its value as text, secrets decrypted) and
 * {@code PULUMI_CONFIG_SECRET_KEYS} (a JSON list of the keys that are secret). Names and formats as
 * the Pulumi Java SDK reads them (sdk/java com.pulumi.deployment.internal.Config and DeploymentImpl).
 */
public final class LanguageHostConfig extends ConfigValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project;

    private LanguageHostConfig(String stack, String project, Map<String, String> values, Set<String> secretKeys) {
        super(stack, values, secretKeys);
        this.project = project;
    }

    /** The config, when the program runs under the Pulumi CLI (PULUMI_STACK is set); empty otherwise. */
    public static Optional<LanguageHostConfig> fromEnvironment(Map<String, String> env) {
        String stack = env.get("PULUMI_STACK");
        if (stack == null || stack.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode config = json(env, "PULUMI_CONFIG", "{}");
        if (!config.isObject()) {
            throw new UserError("PULUMI_CONFIG: must be a JSON object of config keys and values");
        }
        config.fields().forEachRemaining(e -> values.put(cleanKey(e.getKey()),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        Set<String> secrets = new TreeSet<>();
        JsonNode secretList = json(env, "PULUMI_CONFIG_SECRET_KEYS", "[]");
        if (!secretList.isArray()) {
            throw new UserError("PULUMI_CONFIG_SECRET_KEYS: must be a JSON list of config keys");
        }
        secretList.forEach(k -> secrets.add(cleanKey(k.asText())));
        String project = env.getOrDefault("PULUMI_PROJECT", SettingsLoader.PROJECT);
        return Optional.of(new LanguageHostConfig(stack, project, values, secrets));
    }

    private static JsonNode json(Map<String, String> env, String name, String absent) {
        String raw = env.get(name);
        try {
            return JSON.readTree(raw == null || raw.isBlank() ? absent : raw);
        } catch (Exception e) {
            throw new UserError(name + ": not valid JSON");
        }
    }

    /** Older language hosts write {@code project:config:key}; the program reads {@code project:key}. */
    static String cleanKey(String key) {
        int colon = key.indexOf(':');
        if (colon > 0 && key.startsWith("config:", colon + 1)) {
            return key.substring(0, colon) + ":" + key.substring(colon + 1 + "config:".length());
        }
        return key;
    }

    public String project() {
        return project;
    }

    @Override
    public String origin() {
        return "stack " + stack() + " config";
    }
}
