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
 * The CronWorkflows the repository declares for one namespace, as {@code status} compares them
 * with the cluster: in the form the stack deploys them (suspended, images overridden), so that
 * only real differences count as drift.
 *
 * @param source where they were read from, for messages ({@code workflows/})
 * @param specs  deployed spec by name; documents naming another namespace are left out
 */
public record RepoCronWorkflows(String source, Map<String, Map<String, Object>> specs) {

    /** Reads {@code dir}; empty when the folder does not exist (drift is then unknown, not "extra"). */
    public static Optional<RepoCronWorkflows> load(Path dir, String namespace, DeployedForm form) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(of(dir, ManifestLoader.loadAll(List.of(dir)), namespace, form));
    }

    /** From the documents already read from {@code dir}. */
    public static RepoCronWorkflows of(Path dir, List<Manifest> manifests, String namespace, DeployedForm form) {
        return new RepoCronWorkflows(dir.getFileName() + "/", RepoSpecs.of(manifests, "CronWorkflow", namespace, form));
    }
}
