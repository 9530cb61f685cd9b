package dev.argogke.plan;

import dev.argogke.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes between two plans of one stack: resources added, removed, updated or replaced with
 * their property changes; the workflows whose schedule or shape changes; stack outputs; waivers;
 * and the monthly cost before and after.
 *
 * @param stack              the stack both plans are of
 * @param resources          changed resources in urn order
 * @param outputs            changed stack outputs
 * @param workflows          Argo objects (CronWorkflow, WorkflowTemplate, ...) that change, in words and shape
 * @param waiversAdded       policy waivers only the head has ("rule: reason")
 * @param waiversRemoved     policy waivers only the base has
 * @param secretsNotCompared secret values present on both sides, which a plan cannot compare
 * @param baseCost           the base plan's monthly estimate
 * @param headCost           the head plan's monthly estimate
 */
public record PlanDiff(String stack, List<ResourceChange> resources, List<PropertyChange> outputs,
                       List<WorkflowChange> workflows, List<String> waiversAdded, List<String> waiversRemoved,
                       int secretsNotCompared, CostEstimate baseCost, CostEstimate headCost) {

    /** What happens to a resource. The symbols are Pulumi's. */
    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete");

        public final String symbol;
        public final String word;

        Action(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }
    }

    /**
     * One resource that changes.
     *
     * @param base    the resource in the base plan (null when created)
     * @param head    the resource in the head plan (null when deleted)
     * @param changes property changes, including secrets that could not be compared
     */
    public record ResourceChange(Action action, PlanFile.Resource base, PlanFile.Resource head,
                                 List<PropertyChange> changes) {
        public PlanFile.Resource resource() {
            return head != null ? head : base;
        }

        public String urn() {
            return resource().urn();
        }

        public String type() {
            return resource().type();
        }

        public String name() {
            return resource().name();
        }

        /** The property paths that force the replacement. */
        public List<String> replacedBy() {
            return changes.stream().filter(PropertyChange::replaces).map(PropertyChange::path).toList();
        }
    }

    /**
     * One Argo object that changes.
     *
     * @param words       schedule, time zone, concurrency and suspension changes in sentences
     * @param shapeBefore the DAG/steps shape before (null when created)
     * @param shapeAfter  the shape after (null when deleted)
     */
    public record WorkflowChange(Action action, String kind, String name, List<String> words,
                                 WorkflowShape shapeBefore, WorkflowShape shapeAfter) {
        public boolean shapeChanged() {
            return !Objects.equals(shapeBefore, shapeAfter);
        }

        /** Steps and arrows added or removed (none listed for a created or deleted object: its shape says it all). */
        public WorkflowShape.Delta shapeDelta() {
            if (shapeBefore == null || shapeAfter == null) {
                return new WorkflowShape.Delta(List.of(), List.of(), List.of(), List.of());
            }
            return shapeBefore.delta(shapeAfter);
        }
    }

    /** Argo kinds whose schedule and shape the diff explains. */
    static final Set<String> ARGO_KINDS = Set.of("CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "Workflow");

    public static PlanDiff of(PlanFile base, PlanFile head) {
        return of(base, head, PriceBook.standard());
    }

    public static PlanDiff of(PlanFile base, PlanFile head, PriceBook prices) {
        if (!base.stack().equals(head.stack())) {
            throw new UserError("the base plan is of stack '" + base.stack() + "' and the head plan of stack '"
                    + head.stack() + "': compare two plans of the same stack");
        }
        List<ResourceChange> changes = new ArrayList<>();
        int secrets = 0;
        // Component resources (the stack, argo-gke's own groupings) have no inputs of their own and
        // nothing in the cloud: their children say what changes.
        Set<String> urns = new LinkedHashSet<>();
        base.resources().stream().filter(PlanFile.Resource::custom).forEach(r -> urns.add(r.urn()));
        head.resources().stream().filter(PlanFile.Resource::custom).forEach(r -> urns.add(r.urn()));
        for (String urn : urns.stream().sorted().toList()) {
            PlanFile.Resource b = base.resource(urn);
            PlanFile.Resource h = head.resource(urn);
            if (b == null) {
                changes.add(new ResourceChange(Action.CREATE, null, h, List.of()));
                continue;
            }
            if (h == null) {
                changes.add(new ResourceChange(Action.DELETE, b, null, List.of()));
                continue;
            }
            List<PropertyChange> props = new ArrayList<>(
                    ValueDiff.of(b.inputs(), h.inputs(), path -> ReplaceRules.replaces(h.type(), path)));
            if (!Objects.equals(b.provider(), h.provider())) {
                // A resource moved to another provider (another cluster, project) is re-created there.
                props.add(0, new PropertyChange("(provider)", PropertyChange.Kind.CHANGED, b.provider(), h.provider(), true));
            }
            long secretCount = props.stream().filter(p -> !p.isChange()).count();
            secrets += (int) secretCount;
            if (props.stream().noneMatch(PropertyChange::isChange)) {
                continue;
            }
            boolean replace = props.stream().anyMatch(PropertyChange::replaces);
            changes.add(new ResourceChange(replace ? Action.REPLACE : Action.UPDATE, b, h, List.copyOf(props)));
        }
        List<PropertyChange> outputs = ValueDiff.of(base.outputs(), head.outputs(), path -> false);
        secrets += (int) outputs.stream().filter(p -> !p.isChange()).count();
        outputs = outputs.stream().filter(PropertyChange::isChange).toList();

        List<WorkflowChange> workflows = new ArrayList<>();
        for (ResourceChange c : changes) {
            WorkflowChange w = workflowChange(c);
            if (w != null) {
                workflows.add(w);
            }
        }
        Set<String> waiversBase = waivers(base);
        Set<String> waiversHead = waivers(head);
        return new PlanDiff(head.stack(), List.copyOf(changes), List.copyOf(outputs), List.copyOf(workflows),
                waiversHead.stream().filter(w -> !waiversBase.contains(w)).toList(),
                waiversBase.stream().filter(w -> !waiversHead.contains(w)).toList(),
                secrets, CostEstimate.of(base, prices), CostEstimate.of(head, prices));
    }

    private static Set<String> waivers(PlanFile plan) {
        Set<String> out = new LinkedHashSet<>();
        plan.waivers().forEach(w -> out.add(w.rule() + (w.reason().isEmpty() ? "" : ": " + w.reason())));
        return out;
    }

    private static WorkflowChange workflowChange(ResourceChange c) {
        PlanFile.Resource r = c.resource();
        if (!r.type().startsWith("kubernetes:argoproj.io/") || !ARGO_KINDS.contains(r.kind())) {
            return null;
        }
        Map<String, Object> specBefore = c.base() == null ? null : spec(c.base());
        Map<String, Object> specAfter = c.head() == null ? null : spec(c.head());
        boolean cron = r.kind().equals("CronWorkflow");
        List<String> words = new ArrayList<>();
        if (cron) {
            if (specBefore == null) {
                words.add("new: " + ScheduleWords.summary(specAfter));
            } else if (specAfter == null) {
                words.add("removed: " + ScheduleWords.summary(specBefore).replaceFirst("^runs ", "ran "));
            } else {
                words.addAll(ScheduleWords.changes(specBefore, specAfter));
            }
        }
        WorkflowShape before = specBefore == null ? null : WorkflowShape.of(workflowSpec(specBefore, cron));
        WorkflowShape after = specAfter == null ? null : WorkflowShape.of(workflowSpec(specAfter, cron));
        if (words.isEmpty() && Objects.equals(before, after)) {
            return null; // only labels, images or other properties: the resource table says so
        }
        return new WorkflowChange(c.action(), r.kind(), argoName(r), List.copyOf(words), before, after);
    }

    private static String argoName(PlanFile.Resource r) {
        Object name = r.input("metadata.name");
        return name instanceof String s ? s : r.name();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(PlanFile.Resource r) {
        return r.inputs().get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflowSpec(Map<String, Object> spec, boolean cron) {
        if (!cron) {
            return spec;
        }
        return spec.get("workflowSpec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** No resource, output or waiver changes (secrets that could not be compared aside). */
    public boolean isEmpty() {
        return resources.isEmpty() && outputs.isEmpty() && waiversAdded.isEmpty() && waiversRemoved.isEmpty();
    }

    public long count(Action action) {
        return resources.stream().filter(c -> c.action() == action).count();
    }
}
