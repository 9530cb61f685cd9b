package dev.argogke.workflows;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.lint.JobObjects;
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
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The workflows kept in the repository, under {@code workflows/}: each file named after the objects
 * in it, at most one of each kind, so a job's WorkflowTemplate and the CronWorkflow that runs it on a
 * schedule can sit together (the controller runs only workflows that reference a template). Only kinds that live on the cluster and run on their own schedule or are
 * referenced by those are deployed; a plain Workflow runs once when created, so it has no place here.
 * A job's configuration (a ConfigMap) and its credentials (an ExternalSecret naming Google Secret
 * Manager secrets) follow the same rule: at most one of each in a file, named after it, so
 * {@code jira-conference-sync.yaml} holds the job, its schedule and the Secret it reads. So do Argo Events'
 * EventSource and Sensor: {@code hr-exports.yaml} can hold the EventSource, the Sensor it wakes and the
 * WorkflowTemplate that Sensor runs.
 */
public final class WorkflowCatalog {
    public static final Set<String> DEPLOYABLE_KINDS = Set.of("CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate");
    /** Argo Events' objects, deployed to Argo Events' namespace (events.EventObjects, events.EventsDeployment). */
    public static final Set<String> EVENT_KINDS = Set.of("EventSource", "Sensor");
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
            kindProblem(m).ifPresent(problem -> {
                throw error(where + ": " + m.displayName() + ": " + problem);
            });
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

    /**
     * Why {@code workflows/} does not deploy this object, or empty when it does: Argo's deployable
     * kinds, and a job's ConfigMap and ExternalSecret ({@link JobObjects}); a Secret is refused with
     * the way to keep its value out of git. The linter says the same of a Secret and checks the rest.
     */
    static Optional<String> kindProblem(Manifest m) {
        String kind = m.kind();
        if (JobObjects.SECRET.equals(kind)) {
            return Optional.of(JobObjects.secretRefused());
        }
        String expected = kind != null && JobObjects.KINDS.contains(kind) ? JobObjects.apiVersionOf(kind)
                : kind != null && (DEPLOYABLE_KINDS.contains(kind) || EVENT_KINDS.contains(kind)) ? API_VERSION : null;
        if (expected != null && expected.equals(m.apiVersion())) {
            return Optional.empty();
        }
        if (expected != null) {
            return Optional.of(("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " is deployed with apiVersion " + expected
                    + ", not " + m.apiVersion());
        }
        List<String> kinds = new ArrayList<>(DEPLOYABLE_KINDS.stream().sorted().toList());
        kinds.addAll(EVENT_KINDS.stream().sorted().toList());
        kinds.addAll(JobObjects.KINDS);
        return Optional.of("only " + String.join(", ", kinds) + " are deployed from workflows/"
                + ("Workflow".equals(kind) ? "; a Workflow runs once when created: make it a WorkflowTemplate and run it with `bin/argo-gke run`" : ""));
    }

    /**
     * The Google Secret Manager secrets the ExternalSecrets read ({@code spec.data[].remoteRef.key}),
     * sorted: the program creates each and grants access to each alone.
     */
    public SortedSet<String> secretManagerSecrets() {
        SortedSet<String> out = new TreeSet<>();
        for (Manifest m : manifests) {
            if (JobObjects.EXTERNAL_SECRET.equals(m.kind())) {
                for (Object item : Tree.list(m.content(), "spec.data")) {
                    String key = Tree.string(item, "remoteRef.key");
                    if (key != null) {
                        out.add(key);
                    }
                }
            }
        }
        return out;
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
