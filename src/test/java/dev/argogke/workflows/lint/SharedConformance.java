package dev.argogke.workflows.lint;

import dev.argogke.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Where the Argo conformance material is: {@code ../shared/conformance} beside the checkout (the
 * POM passes it as the system property {@code argogke.shared}); see {@link Shared}.
 */
public final class SharedConformance {
    private SharedConformance() {
    }

    static Path folder() {
        return Shared.folder("conformance", "argo-examples", "the Argo conformance material");
    }

    static Path examples() {
        return folder().resolve("argo-examples");
    }

    /**
     * The examples' documents by kind, read with the YAML library alone (not the loader under test):
     * every non-empty document of every .yaml file, duplicate keys allowed as go-yaml allows them.
     */
    static synchronized Map<String, Integer> documentsByKind() {
        if (documentsByKind == null) {
            documentsByKind = Map.copyOf(countDocumentsByKind());
        }
        return documentsByKind;
    }

    private static Map<String, Integer> documentsByKind;

    private static Map<String, Integer> countDocumentsByKind() {
        Map<String, Integer> byKind = new TreeMap<>();
        try (var files = Files.walk(examples())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build());
                for (Object doc : load.loadAllFromString(Files.readString(file))) {
                    if (doc instanceof Map<?, ?> m) {
                        byKind.merge(String.valueOf(m.get("kind")), 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }

    static Path schema() {
        return folder().resolve("argo-workflows.schema.json");
    }

    /** Pulumi's JSON schema of Pulumi.yaml (pulumi/pulumi sdk/go/common/workspace/project.json), skipped or failed like the rest. */
    public static Path pulumiProjectSchema() {
        return folder().resolve("pulumi/project.schema.json");
    }
}
