package dev.argogke.ops;

import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Argo Events Sensors the repository declares for the events namespace, as {@code status} compares them with
 * the cluster (in the form the stack deploys them, as {@link RepoCronWorkflows}).
 *
 * @param source  where they were read from, for messages ({@code workflows/})
 * @param sensors deployed spec by name; documents naming another namespace are left out
 */
public record RepoSensors(String source, Map<String, Map<String, Object>> sensors) {

    /** Reads {@code dir}; empty when the folder does not exist (drift is then unknown, not "extra"). */
    public static Optional<RepoSensors> load(Path dir, String eventsNamespace, DeployedForm form) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(of(dir, ManifestLoader.loadAll(List.of(dir)), eventsNamespace, form));
    }

    /** From the documents already read from {@code dir}. */
    public static RepoSensors of(Path dir, List<Manifest> manifests, String eventsNamespace, DeployedForm form) {
        return new RepoSensors(dir.getFileName() + "/", RepoSpecs.of(manifests, "Sensor", eventsNamespace, form));
    }

    /** Without the Sensors the stack does not deploy to this cluster, which are therefore not missing from it. */
    public RepoSensors without(java.util.Set<String> names) {
        Map<String, Map<String, Object>> kept = new java.util.LinkedHashMap<>(sensors);
        kept.keySet().removeAll(names);
        return new RepoSensors(source, kept);
    }
}
