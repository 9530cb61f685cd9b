package dev.argogke.config;

/**
 * A secret config value. {@link #toString()} never shows it; components hand it to Pulumi
 * with {@code Output.ofSecret(secret.reveal())} so it stays encrypted in the state.
 */
public final class Secret {
    private final String key;
    private final String value;

    public Secret(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[secret " + key + "]";
    }
}
