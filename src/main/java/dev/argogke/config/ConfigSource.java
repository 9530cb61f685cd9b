package dev.argogke.config;

import java.util.Optional;
import java.util.Set;

/**
 * Where stack settings come from: Pulumi's config during a real run, or a stack file read
 * offline. Both hand the loader the same thing, so one set of validation rules serves both.
 *
 * <p>Keys are fully qualified ({@code argo-gke:cluster}, {@code gcp:project}). Values are what
 * Pulumi hands a program: scalars as their text, structured values (maps, lists) as JSON.
 */
public interface ConfigSource {

    /** The raw value of a fully qualified key. */
    Optional<String> get(String key);

    /** Every key set, when the source can tell; empty when it cannot (unknown keys then go unchecked). */
    Optional<Set<String>> keys();

    /** Whether the key's value is stored encrypted ({@code secure:}) in the stack. */
    boolean isSecret(String key);

    /** Where the values come from, as error messages name it: {@code stacks/Pulumi.dev.yaml}. */
    String origin();
}
