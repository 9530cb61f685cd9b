package dev.argogke.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must exist before each resource of a plan is created, as Pulumi decides it.
 *
 * <p>The engine creates a resource as soon as the program registers it, and answers the
 * registration of a custom resource only once it has been created (pulumi/pulumi v3.259.0,
 * pkg/resource/deploy/source_eval.go, {@code RegisterResource}: "Now block waiting for the
 * operation to finish"). The SDK registers a resource only when it has, for each of these, the
 * urn or id that comes with that answer (Java SDK 1.36.1, {@code DeploymentImpl.prepareResourceAsync}
 * waits for the parent's urn, the provider's registration id and the dependencies' urns); so a
 * resource waits for:
 * <ul>
 *   <li>its dependencies: the resources its inputs come from and its explicit {@code dependsOn}.
 *       A component there stands for every custom resource beneath it, walking through child
 *       components but not into the children of custom resources (Java SDK 1.36.1,
 *       {@code DeploymentImpl.getAllTransitivelyReferencedResources}; the Node SDK's
 *       {@code getAllTransitivelyReferencedResourceURNs}, sdk/nodejs/runtime/dependsOn.ts). The
 *       SDK sends the list already expanded; this class expands again for plans that were not;</li>
 *   <li>its explicit provider (the reference the SDK sends is the provider's urn and id);</li>
 *   <li>its parent: a custom parent once created; a component parent once the component is
 *       registered, which waits for the component's own dependencies and parent. So a
 *       {@code dependsOn} on a component holds back all its children.</li>
 * </ul>
 */
public final class CreationOrder {
    private final Map<String, PlanFile.Resource> byUrn = new HashMap<>();
    private final Map<String, List<PlanFile.Resource>> children = new HashMap<>();

    private CreationOrder(Collection<PlanFile.Resource> resources) {
        for (PlanFile.Resource r : resources) {
            byUrn.put(r.urn(), r);
            if (r.parent() != null) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** The resources with {@link PlanFile.Resource#dependsOn()} worked out from what they recorded. */
    public static List<PlanFile.Resource> withDependsOn(Collection<PlanFile.Resource> resources) {
        CreationOrder order = new CreationOrder(resources);
        return resources.stream().map(r -> r.withDependsOn(List.copyOf(order.direct(r)))).toList();
    }

    /** The order of a plan as recorded in its resources' {@code dependsOn}. */
    public static CreationOrder of(PlanFile plan) {
        return new CreationOrder(plan.resources());
    }

    /** Every resource that must exist before {@code urn} is created: its dependsOn, theirs, and so on. */
    public Set<String> mustExistBefore(String urn) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(resource(urn).dependsOn());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            PlanFile.Resource r = byUrn.get(next);
            if (seen.add(next) && r != null) {
                todo.addAll(r.dependsOn());
            }
        }
        return seen;
    }

    /** Whether {@code later} is only created once {@code earlier} exists. */
    public boolean waitsFor(String later, String earlier) {
        return mustExistBefore(later).contains(earlier);
    }

    private PlanFile.Resource resource(String urn) {
        PlanFile.Resource r = byUrn.get(urn);
        if (r == null) {
            throw new IllegalArgumentException("no resource " + urn + " in the plan");
        }
        return r;
    }

    /** Dependencies, provider and what the parent waits for, components expanded. */
    private Set<String> direct(PlanFile.Resource r) {
        Set<String> out = new TreeSet<>(expand(registrationNeeds(r)));
        if (r.provider() != null) {
            out.add(r.provider());
        }
        out.addAll(parentNeeds(r.parent()));
        out.remove(r.urn());
        return out;
    }

    private static Set<String> registrationNeeds(PlanFile.Resource r) {
        Set<String> urns = new LinkedHashSet<>(r.dependencies());
        r.propertyDependencies().values().forEach(urns::addAll);
        return urns;
    }

    /** A custom parent itself; a component parent's own dependencies and its parent's, up the tree. */
    private Set<String> parentNeeds(String parentUrn) {
        Set<String> out = new TreeSet<>();
        String at = parentUrn;
        while (at != null) {
            PlanFile.Resource parent = byUrn.get(at);
            if (parent == null) {
                break;
            }
            if (parent.custom()) {
                out.add(parent.urn());
                break;
            }
            out.addAll(expand(registrationNeeds(parent)));
            at = parent.parent();
        }
        return out;
    }

    /** Components replaced by the custom resources beneath them; urns not in the plan kept as they are. */
    private Set<String> expand(Collection<String> urns) {
        Set<String> out = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(urns);
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String urn = todo.pop();
            if (!seen.add(urn)) {
                continue;
            }
            PlanFile.Resource r = byUrn.get(urn);
            if (r == null || r.custom()) {
                out.add(urn);
            } else {
                children.getOrDefault(urn, List.of()).forEach(c -> todo.push(c.urn()));
            }
        }
        return out;
    }
}
