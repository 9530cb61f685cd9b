package dev.argogke.policy;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * Every job container names its {@code command}. Without one, Argo's controller reads the image's
 * entrypoint from its registry each time it builds the pod (Argo v4.0.7
 * workflow/controller/workflowpod.go: "failed to look-up entrypoint/cmd for image ..., you must either
 * explicitly specify the command, or list the image's command in the index"), and the run errors when
 * it cannot: argo-gke's controller has no Google identity, so it cannot read a private registry such as
 * the team's Artifact Registry. The check is over the containers Argo wraps with its executor (the
 * pod's containers: container, script, containerSet and sidecars), not init containers.
 */
final class WorkflowCommandsExplicit implements Rule {
    @Override
    public String name() {
        return "workflow-commands-explicit";
    }

    @Override
    public String description() {
        return "every job container names its command, which the controller would otherwise read from the image's registry";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (WorkflowObjects.Doc doc : WorkflowObjects.of(input)) {
            WorkflowObjects.templates(doc, (tp, template) -> WorkflowObjects.podContainers(tp, template, (cp, c) -> {
                if (Tree.list(c.get("command")).isEmpty()) {
                    out.add(violation(doc.where() + ": " + cp + ".command", "not set, so before every run the controller must read "
                            + "the entrypoint of " + Tree.text(c.get("image")) + " from its registry, which fails for a private one; "
                            + "set command: to the image's entrypoint (args: stay as they are)"));
                }
            }));
        }
        return out;
    }
}
