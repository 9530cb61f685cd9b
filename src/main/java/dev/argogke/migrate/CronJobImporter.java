package dev.argogke.migrate;

import dev.argogke.UserError;
import dev.argogke.names.KubeNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns CronJobs into Argo files, each a WorkflowTemplate and the CronWorkflow that runs it (see
 * {@link CronWorkflowAssembler} for why two): {@link #plan} reads and checks every input and builds
 * every output in memory (throwing {@link CronJobImportException} with all problems if any input
 * is malformed); {@link #write} then writes them, or nothing when a file is in the way.
 */
public final class CronJobImporter {

    /**
     * Written above the CronWorkflow, so that whoever edits the file keeps the steps in the template.
     * Argo docs: workflow-restrictions.md.
     */
    static final List<String> CRON_WORKFLOW_COMMENT = List.of(
            "The controller runs only workflows that reference a WorkflowTemplate (workflowRestrictions:",
            "Strict), so the schedule runs the template above; change the steps there.");

    /**
     * One file to write: a WorkflowTemplate and the CronWorkflow that runs it, both named alike.
     *
     * @param name         their name, which is also the file name without {@code .yaml}
     * @param from         the CronJobs they were made from, in running order
     * @param template     the WorkflowTemplate as plain values: the steps and every workflow-level field
     * @param cronWorkflow the CronWorkflow as plain values: the schedule and a {@code workflowTemplateRef}
     * @param findings     what the user should know, per CronJob field
     * @param yaml         the file's text: findings as comments, the template, {@code ---}, the CronWorkflow
     */
    public record ImportedWorkflow(String name, List<CronJobSource> from, Map<String, Object> template,
                                   Map<String, Object> cronWorkflow, List<Finding> findings, String yaml) {
        public String fileName() {
            return name + ".yaml";
        }

        /** The documents in the order the file holds them. */
        public List<Map<String, Object>> documents() {
            return List.of(template, cronWorkflow);
        }
    }

    private CronJobImporter() {
    }

    /** Every file the inputs give, in input order; chained CronJobs give one together. */
    public static List<ImportedWorkflow> plan(List<CronJobSource> cronJobs, List<Chain> chains, ImportOptions options) {
        List<String> problems = new ArrayList<>();
        Map<CronJobSource, JobParts> parts = new HashMap<>();
        Map<String, CronJobSource> byName = readAll(cronJobs, options, parts, problems);
        Map<String, Chain> chainOf = chainOfEachJob(chains, byName, problems);
        if (!problems.isEmpty()) {
            throw new CronJobImportException(problems);
        }

        List<ImportedWorkflow> out = new ArrayList<>();
        Map<String, String> written = new HashMap<>();
        for (CronJobSource source : cronJobs) {
            Chain chain = chainOf.get(source.name().orElseThrow());
            List<CronJobSource> from;
            String requested;
            if (chain == null) {
                from = List.of(source);
                requested = source.name().orElseThrow();
            } else if (chain.jobs().get(0).equals(source.name().orElseThrow())) {
                from = chain.jobs().stream().map(byName::get).toList();
                requested = chain.workflowName();
            } else {
                continue; // written with its chain's first job
            }
            List<JobParts> jobs = from.stream().map(parts::get).toList();
            String name = Names.shorten(requested, Names.CRON_WORKFLOW_MAX);
            if (!name.equals(requested)) {
                jobs.get(0).report().warn("metadata.name", requested + " is longer than the " + Names.CRON_WORKFLOW_MAX
                        + " characters Argo allows a CronWorkflow name; shortened to " + name + " (its WorkflowTemplate's too)");
            }
            String origin = chain == null ? "CronJob " + source.qualifiedName() : chain.origin();
            String clash = written.putIfAbsent(name, origin);
            if (clash != null) {
                problems.add(origin + ": error: its CronWorkflow would be named " + name + ", as is the one from "
                        + clash + "; rename one of them" + (chain == null ? "" : " (--name or the chain file's key)"));
                continue;
            }
            out.add(imported(name, from, jobs, options));
        }
        if (!problems.isEmpty()) {
            throw new CronJobImportException(problems);
        }
        return out;
    }

    /**
     * Reads every CronJob into {@code parts} (those without a problem) and returns them by name;
     * two CronJobs of one name are a problem, as both would be written to the same file.
     */
    private static Map<String, CronJobSource> readAll(List<CronJobSource> cronJobs, ImportOptions options,
                                                      Map<CronJobSource, JobParts> parts, List<String> problems) {
        Map<String, CronJobSource> byName = new LinkedHashMap<>();
        for (CronJobSource source : cronJobs) {
            CronJobReader.read(source, problems, options).ifPresent(p -> parts.put(source, p));
            source.name().ifPresent(n -> {
                CronJobSource earlier = byName.putIfAbsent(n, source);
                if (earlier != null) {
                    problems.add(source.where("metadata.name") + ": error: " + source.displayName()
                            + ": a CronJob named " + n + " was already given at " + earlier.where("metadata.name")
                            + "; both would be written to " + n + ".yaml (import them separately)");
                }
            });
        }
        return byName;
    }

    /** The chain each CronJob is in, by CronJob name; reports chains that cannot be written. */
    private static Map<String, Chain> chainOfEachJob(List<Chain> chains, Map<String, CronJobSource> byName,
                                                     List<String> problems) {
        Map<String, Chain> chainOf = new HashMap<>();
        for (Chain chain : chains) {
            for (String job : chain.jobs()) {
                Chain other = chainOf.putIfAbsent(job, chain);
                if (!byName.containsKey(job)) {
                    problems.add(chain.origin() + ": error: chain " + chain.workflowName() + ": no CronJob named "
                            + job + " among the inputs" + (byName.isEmpty() ? "" : " (found: "
                            + String.join(", ", byName.keySet()) + ")"));
                } else if (other != null) {
                    problems.add(chain.origin() + ": error: chain " + chain.workflowName() + ": CronJob " + job
                            + (other == chain ? " is listed twice" : " is already in chain " + other.workflowName()
                            + " (" + other.origin() + ")"));
                }
            }
            checkOneNamespace(chain, byName, problems);
            chain.name().filter(n -> !KubeNames.isSubdomain(n)).ifPresent(n -> problems.add(chain.origin()
                    + ": error: \"" + n + "\" is not a valid Kubernetes name (lowercase letters, digits, '-' and '.')"));
        }
        return chainOf;
    }

    private static void checkOneNamespace(Chain chain, Map<String, CronJobSource> byName, List<String> problems) {
        List<String> namespaces = chain.jobs().stream().map(byName::get).filter(s -> s != null)
                .map(s -> s.namespace().orElse("(none)")).distinct().toList();
        if (namespaces.size() > 1) {
            problems.add(chain.origin() + ": error: chain " + chain.workflowName() + ": its CronJobs are in"
                    + " different namespaces (" + String.join(", ", namespaces) + "); one workflow runs in one"
                    + " namespace, where its secrets and service accounts must be");
        }
    }

    /** The file for CronJobs {@code from}: findings as comments, the WorkflowTemplate, the CronWorkflow. */
    private static ImportedWorkflow imported(String name, List<CronJobSource> from, List<JobParts> jobs,
                                             ImportOptions options) {
        CronWorkflowAssembler.Assembled built = CronWorkflowAssembler.assemble(name, jobs, options);
        List<Finding> findings = jobs.stream().flatMap(j -> j.report().findings().stream()).toList();
        String yaml = CronWorkflowYaml.toYaml(built.template(), header(from, findings)) + "---\n"
                + CronWorkflowYaml.toYaml(built.cronWorkflow(), CRON_WORKFLOW_COMMENT);
        return new ImportedWorkflow(name, from, built.template(), built.cronWorkflow(), findings, yaml);
    }

    private static List<String> header(List<CronJobSource> from, List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        String names = from.stream().map(CronJobSource::qualifiedName).collect(Collectors.joining(", "));
        String files = from.stream().flatMap(s -> s.file().stream()).map(Path::toString).distinct()
                .collect(Collectors.joining(", "));
        lines.add("Imported from CronJob" + (from.size() > 1 ? "s " : " ") + names
                + (files.isEmpty() ? "" : " (" + files + ")") + " by argo-gke import-cronjobs.");
        if (!findings.isEmpty()) {
            lines.add("Review before committing:");
            findings.forEach(f -> lines.add("  " + f));
        }
        return lines;
    }

    /**
     * Writes each imported workflow to {@code outDir/<name>.yaml}. Without {@code force}, nothing is
     * written when any of the files already exists.
     */
    public static List<Path> write(List<ImportedWorkflow> workflows, Path outDir, boolean force) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new UserError("--out " + outDir + " is a file; give a folder");
        }
        List<Path> targets = workflows.stream().map(w -> outDir.resolve(w.fileName())).toList();
        if (!force) {
            List<String> existing = targets.stream().filter(Files::exists).map(Path::toString).toList();
            if (!existing.isEmpty()) {
                throw new UserError(String.join(", ", existing) + (existing.size() == 1 ? " already exists" :
                        " already exist") + "; nothing written (use --force to overwrite)");
            }
        }
        try {
            Files.createDirectories(outDir);
            for (int i = 0; i < workflows.size(); i++) {
                writeWhole(targets.get(i), workflows.get(i).yaml());
            }
        } catch (IOException e) {
            throw new UserError("cannot write to " + outDir + ": " + e.getMessage());
        }
        return targets;
    }

    /** Through a temporary file and a rename, so a file is never left half-written. */
    private static void writeWhole(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
