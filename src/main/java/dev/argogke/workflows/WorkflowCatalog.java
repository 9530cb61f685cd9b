package dev.argogke.workflows;

import dev.argogke.UserError;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflows kept in the repository, under {@code workflows/}: each file named after the objects
 * in it, at most one of each kind, so a job's WorkflowTemplate and the CronWorkflow that runs it on a
 * schedule can sit together (the controller runs only workflows that reference a template). Only kinds that live on the cluster and run on their own schedule or are
 * referenced by those are deployed; a plain Workflow runs once when created, so it has no place here.
 */
public final class WorkflowCatalog {
    public static final Set<String> DEPLOYABLE_KINDS = Set.of("CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate");
    public static final String API_VERSION = "argoproj.io/v1alpha1";

    private final Path directory;
    private final List<Manifest> manifests;

    private WorkflowCatalog(Path directory, List<Manifest> manifests) {
        this.directory = directory;
        this.manifests = List.copyOf(manifests);
    }

    /** Loads and checks the layout rules; a broken file stops here with its file and line. */
    public static WorkflowCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw error(directory + ": no workflows folder; create it, or set argo-gke:workflows.directory");
        }
        List<Manifest> loaded = ManifestLoader.loadAll(List.of(directory));
        Set<String> kindsPerFile = new HashSet<>();
        Map<String, Path> byName = new HashMap<>();
        List<Manifest> out = new ArrayList<>();
        for (Manifest m : loaded) {
            String where = m.file() + ":" + m.start().line();
            if (!kindsPerFile.add(m.file() + "\0" + m.kind())) {
                throw error(where + ": " + m.displayName() + ": a second " + m.kind() + " in one file; a file under workflows/ holds "
                        + "one object of each kind (a WorkflowTemplate and the CronWorkflow that runs it); move it to its own file");
            }
            if (!API_VERSION.equals(m.apiVersion()) || m.kind() == null || !DEPLOYABLE_KINDS.contains(m.kind())) {
                throw error(where + ": " + m.displayName() + ": only " + String.join(", ", DEPLOYABLE_KINDS.stream().sorted().toList())
                        + " (apiVersion " + API_VERSION + ") are deployed from workflows/"
                        + ("Workflow".equals(m.kind()) ? "; a Workflow runs once when created: make it a WorkflowTemplate and run it with `bin/argo-gke run`" : ""));
            }
            String name = m.name().orElseThrow(() -> error(where + ": " + m.displayName() + ": metadata.name is required"));
            String expectedFile = name + ".yaml";
            String actual = m.file().getFileName().toString();
            if (!actual.equals(expectedFile) && !actual.equals(name + ".yml")) {
                throw error(where + ": " + m.displayName() + ": the file must be named after metadata.name; rename it to " + expectedFile);
            }
            Path previous = byName.put(m.kind() + "/" + name, m.file());
            if (previous != null) {
                throw error(where + ": " + m.displayName() + ": also defined in " + previous);
            }
            out.add(m);
        }
        out.sort(Comparator.comparing((Manifest m) -> m.kind()).thenComparing(m -> m.name().orElse("")));
        return new WorkflowCatalog(directory, out);
    }

    public Path directory() {
        return directory;
    }

    /** Sorted by kind, then name. */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** Errors quote the file's kind and name; a line break in them is shown escaped so the error stays one line. */
    private static UserError error(String message) {
        return new UserError(message.replace("\r", "\\r").replace("\n", "\\n"));
    }
}
