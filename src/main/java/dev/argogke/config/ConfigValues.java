package dev.argogke.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Config as Pulumi hands it to a program: every fully qualified key with its value (structured
 * values as JSON), and which keys are secret. What a stack file and the language host's
 * environment both come down to.
 */
abstract class ConfigValues implements ConfigSource {
    private final String stack;
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    ConfigValues(String stack, Map<String, String> values, Set<String> secretKeys) {
        this.stack = stack;
        this.values = Map.copyOf(values);
        this.secretKeys = Set.copyOf(secretKeys);
    }

    public String stack() {
        return stack;
    }

    /** All values, fully qualified keys, as Pulumi would pass them to the program. */
    public Map<String, String> values() {
        return values;
    }

    public Set<String> secretKeys() {
        return secretKeys;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Optional<Set<String>> keys() {
        return Optional.of(values.keySet());
    }

    @Override
    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }
}
