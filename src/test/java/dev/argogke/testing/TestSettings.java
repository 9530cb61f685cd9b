package dev.argogke.testing;

import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Settings for tests: the committed stacks, or a stack file written from text. */
public final class TestSettings {
    /** A prod stack on a GKE cluster argo-gke does not create (argo-gke:cluster.existing), in project acme-data. */
    public static final String EXISTING_GKE_PROD = """
            config:
              gcp:project: acme-data
              gcp:region: europe-west1
              argo-gke:environment: prod
              argo-gke:cluster:
                existing: {name: shared-gke, location: europe-west1-b}
              argo-gke:edge:
                host: argo.example.com
                dns: {mode: external}
                iapMembers: [group:data-team@example.com]
            """;

    private TestSettings() {
    }

    public static Settings of(String stack) {
        return SettingsLoader.load(stack, MockCloud.stack(stack));
    }

    /**
     * The stack's settings for planning another workflows folder than the repository's: without
     * {@code events.bucketNotifications}, which name the repository's EventSources (a stack naming an
     * EventSource its folder lacks is refused).
     */
    public static Settings forOtherWorkflows(Settings s) {
        return new Settings(s.stack(), s.environment(), s.gcp(), s.cluster(), s.nodePools(), s.argo(), s.workflows(),
                new Settings.Events(s.events().namespace(), s.events().chartPath()), s.edge(), s.waivers());
    }

    /** Writes {@code text} as {@code dir/Pulumi.<stack>.yaml} and reads it back. */
    public static StackFile stackFile(Path dir, String stack, String text) {
        try {
            Path file = dir.resolve("Pulumi." + stack + ".yaml");
            Files.writeString(file, text);
            return StackFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed dev stack file's text with one line replaced (or removed, with an empty replacement). */
    public static String devWith(String line, String replacement) {
        try {
            String text = Files.readString(Path.of("stacks/Pulumi.dev.yaml"));
            if (!text.contains(line)) {
                throw new IllegalArgumentException("stacks/Pulumi.dev.yaml has no line " + line);
            }
            return text.replace(line, replacement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
