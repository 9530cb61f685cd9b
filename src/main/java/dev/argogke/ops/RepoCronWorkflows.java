package dev.argogke.ops;

import dev.argogke.workflows.DeployedForm;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return Optional.of(new RepoCronWorkflows(dir.getFileName() + "/", RepoSpecs.of(dir, "CronWorkflow", namespace, form)));
    }
}
