package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code run --follow}: watches a Workflow until it completes, printing a line whenever a node's
 * phase changes and each pod's {@code main} log once the pod is done. Polls (rather than watches)
 * so that a dropped connection costs one retried GET, not a lost stream.
 */
public final class WorkflowFollower {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Grouping nodes that only mirror their children. */
    private static final Set<String> HIDDEN_TYPES = Set.of("StepGroup", "TaskGroup");

    private final ArgoCluster cluster;
    private final PrintWriter out;
    private final Duration pollInterval;
    private final ZoneId zone;

    public WorkflowFollower(ArgoCluster cluster, PrintWriter out, Duration pollInterval, ZoneId zone) {
        this.cluster = cluster;
        this.out = out;
        this.pollInterval = pollInterval;
        this.zone = zone;
    }

    /** The Workflow's final phase (Succeeded, Failed, Error), or empty when stopped first. */
    public Optional<String> follow(String workflowName) {
        Map<String, String> seenPhases = new HashMap<>();
        Set<String> logsShown = new HashSet<>();
        String seenWorkflowPhase = null;
        Cancellation cancellation = cluster.retry().cancellation();
        while (true) {
            GenericKubernetesResource wf;
            try {
                wf = cluster.workflow(workflowName).orElseThrow(() -> new UserError("Workflow " + workflowName
                        + " was deleted while being followed"));
            } catch (Retry.Cancelled e) {
                return Optional.empty();
            }
            Map<String, Object> status = Tree.map(wf.getAdditionalProperties(), "status");
            String phase = Optional.ofNullable(Tree.string(status, "phase")).filter(p -> !p.isEmpty()).orElse("Pending");
            if (!phase.equals(seenWorkflowPhase)) {
                if (!Backfill.finished(wf)) {
                    out.println("Workflow " + workflowName + ": " + phase);
                }
                seenWorkflowPhase = phase;
            }
            Map<String, String> podByNode = null;
            for (Node node : nodes(workflowName, status)) {
                if (!node.phase().equals(seenPhases.get(node.id()))) {
                    seenPhases.put(node.id(), node.phase());
                    out.printf("  %s  %-10s %s%s%n", node.when().map(t -> CLOCK.format(t.atZone(zone))).orElse("        "),
                            node.phase(), node.displayName(), node.message().map(m -> ": " + m).orElse(""));
                }
                if (node.type().equals("Pod") && node.completed() && !logsShown.contains(node.id())) {
                    if (podByNode == null) {
                        podByNode = podsByNode(workflowName);
                    }
                    String pod = podByNode.get(node.id());
                    if (pod != null) { // else not listed yet, or already garbage-collected: try again next round
                        logsShown.add(node.id());
                        for (String line : cluster.mainLog(pod).lines().toList()) {
                            out.println("  " + node.displayName() + " | " + line);
                        }
                    }
                }
            }
            out.flush();
            if (Backfill.finished(wf)) {
                Optional<Instant> started = Optional.ofNullable(Tree.string(status, "startedAt")).flatMap(CronWorkflowInfo::instant);
                Optional<Instant> finished = Optional.ofNullable(Tree.string(status, "finishedAt")).flatMap(CronWorkflowInfo::instant);
                String took = started.isPresent() && finished.isPresent()
                        ? " in " + BackfillReport.human(Duration.between(started.get(), finished.get())) : "";
                String message = Optional.ofNullable(Tree.string(status, "message")).filter(m -> !m.isEmpty()).map(m -> ": " + m).orElse("");
                out.println("Workflow " + workflowName + ": " + phase + took + message);
                out.flush();
                return Optional.of(phase);
            }
            if (!cancellation.sleep(pollInterval)) {
                return Optional.empty();
            }
        }
    }

    private Map<String, String> podsByNode(String workflowName) {
        Map<String, String> podByNode = new HashMap<>();
        for (Pod pod : cluster.podsOf(workflowName)) {
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            String nodeId = annotations == null ? null : annotations.get(ArgoResources.ANNOTATION_POD_NODE_ID);
            // Argo v4.1 common.go: before pods carried the node id, the pod was named after it.
            podByNode.put(nodeId != null ? nodeId : pod.getMetadata().getName(), pod.getMetadata().getName());
        }
        return podByNode;
    }

    /** One entry of status.nodes. */
    record Node(String id, String displayName, String type, String phase, Optional<Instant> startedAt,
                Optional<Instant> finishedAt, Optional<String> message) {
        boolean completed() {
            return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error")
                    || phase.equals("Skipped") || phase.equals("Omitted");
        }

        /** When the current phase began, as far as the node says. */
        Optional<Instant> when() {
            return completed() ? finishedAt.or(() -> startedAt) : startedAt;
        }
    }

    static List<Node> nodes(String workflowName, Map<String, Object> status) {
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, Object> e : Tree.map(status, "nodes").entrySet()) {
            Object n = e.getValue();
            String type = Tree.text(n, "type");
            if (e.getKey().equals(workflowName) || HIDDEN_TYPES.contains(type)) {
                continue;
            }
            nodes.add(new Node(e.getKey(), Optional.ofNullable(Tree.string(n, "displayName")).orElse(e.getKey()), type,
                    Optional.ofNullable(Tree.string(n, "phase")).filter(p -> !p.isEmpty()).orElse("Pending"),
                    Optional.ofNullable(Tree.string(n, "startedAt")).flatMap(CronWorkflowInfo::instant),
                    Optional.ofNullable(Tree.string(n, "finishedAt")).flatMap(CronWorkflowInfo::instant),
                    Optional.ofNullable(Tree.string(n, "message")).filter(m -> !m.isEmpty())));
        }
        nodes.sort(Comparator.comparing((Node n) -> n.startedAt().orElse(Instant.MAX)).thenComparing(Node::displayName));
        return nodes;
    }
}
