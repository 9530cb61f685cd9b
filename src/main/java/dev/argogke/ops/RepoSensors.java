package dev.argogke.ops;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Map<String, Map<String, Object>> sensors = new LinkedHashMap<>();
        for (Manifest m : ManifestLoader.loadAll(List.of(dir))) {
            if (!"Sensor".equals(m.kind()) || m.name().isEmpty() || !ArgoResources.API_VERSION.equals(m.apiVersion())) {
                continue;
            }
            String ns = Optional.ofNullable(Tree.string(m.content(), "metadata.namespace")).orElse(eventsNamespace);
            if (ns.equals(eventsNamespace)) {
                sensors.putIfAbsent(m.name().get(), form.spec(m.kind(), Tree.map(m.content(), "spec")));
            }
        }
        return Optional.of(new RepoSensors(dir.getFileName() + "/", sensors));
    }
}
