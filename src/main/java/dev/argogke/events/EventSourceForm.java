package dev.argogke.events;

import dev.argogke.events.EventObjects.Problems;
import dev.argogke.events.EventObjects.PubSubSource;
import dev.argogke.events.EventObjects.Target;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An EventSource as argo-gke deploys it: {@code pubSub} or {@code webhook} events only, a Pub/Sub
 * one to a subscription and project of the program's, its pod running as its own service account.
 */
final class EventSourceForm {
    private EventSourceForm() {
    }

    static void check(Manifest m, Target target, Problems out) {
        String name = m.name().orElseThrow();
        Map<String, Object> spec = Tree.map(m.content().get("spec"));
        for (String key : spec.keySet()) {
            if (!EventObjects.isSourceField(key) && !EventObjects.isDeployableSource(key)) {
                out.add("spec." + key, "argo-gke deploys pubSub and webhook event sources only; " + key
                        + " needs credentials or cluster rights it does not give (docs/events.md)");
            }
        }
        Map<String, Object> pubSub = Tree.map(spec.get("pubSub"));
        if (pubSub.isEmpty()) {
            return;
        }
        out.ours("spec.template.serviceAccountName", PubSubEventSourceAccess.serviceAccountName(name));
        if (pubSub.size() > 1) {
            out.add("spec.pubSub", "one Pub/Sub event per EventSource: each gets a subscription and a Google account of its own;"
                    + " move " + String.join(", ", pubSub.keySet().stream().skip(1).toList()) + " to EventSources of their own");
        }
        if (target.project().isEmpty()) {
            return; // not deployed outside Google Cloud: EventObjects.notDeployed
        }
        String event = pubSub.keySet().iterator().next();
        String path = "spec.pubSub." + event;
        Map<String, Object> source = Tree.map(pubSub.get(event));
        if (!(source.get("topic") instanceof String topic) || topic.isEmpty()) {
            out.add(path + ".topic", "name the topic: argo-gke creates it, or uses an existing one when topicProjectID names its project");
        }
        out.ours(path + ".projectID", target.project().get());
        out.ours(path + ".subscriptionID", PubSubEventSourceAccess.subscriptionId(target.stack(), name));
        for (String keyField : List.of("credentialSecret", "deleteSubscriptionOnFinish")) {
            if (source.containsKey(keyField)) {
                out.add(path + "." + keyField, "remove it: the event source reads its subscription through Workload Identity with no key,"
                        + " and may not delete the subscription argo-gke made");
            }
        }
    }

    /** The EventSource's Pub/Sub event, if it has one (after {@link #check}, at most one). */
    static Optional<PubSubSource> pubSub(Manifest m) {
        Map<String, Object> pubSub = Tree.map(Tree.at(m.content(), "spec.pubSub"));
        return pubSub.entrySet().stream().findFirst().map(e -> {
            Map<String, Object> source = Tree.map(e.getValue());
            return new PubSubSource(m.name().orElseThrow(), e.getKey(), Tree.string(source, "topic"),
                    Optional.ofNullable(Tree.string(source, "topicProjectID")));
        });
    }

    static void fill(String name, Map<String, Object> spec, Target target) {
        Map<String, Object> pubSub = Tree.map(spec.get("pubSub"));
        if (pubSub.isEmpty()) {
            return;
        }
        EventObjects.template(spec).put("serviceAccountName", PubSubEventSourceAccess.serviceAccountName(name));
        for (Object event : pubSub.values()) {
            Map<String, Object> source = Tree.map(event);
            source.put("projectID", target.project().orElseThrow());
            source.put("subscriptionID", PubSubEventSourceAccess.subscriptionId(target.stack(), name));
        }
    }
}
