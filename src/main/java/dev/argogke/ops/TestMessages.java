package dev.argogke.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands that send a Sensor's dependency a test event, for the event sources a person can reach from a
 * laptop: a {@code pubSub} source (publish to its topic with gcloud) and a {@code webhook} source (a POST through
 * a port-forward to the Service the Argo Events controller makes for it). The message carries every field of the
 * event's body the Sensor's trigger parameters read, so the Workflow it starts gets real values.
 */
final class TestMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String eventsNamespace;
    private final Optional<String> project;

    /**
     * @param project the stack's {@code gcp.project}: the project an EventSource's Pub/Sub topic is in when it names
     *                neither topicProjectID nor projectID, since the event source then asks GKE's metadata server
     *                for the cluster's project (v1.9.10 pkg/eventsources/sources/gcppubsub/start.go, prepareSubscription)
     */
    TestMessages(String eventsNamespace, Optional<String> project) {
        this.eventsNamespace = eventsNamespace;
        this.project = project;
    }

    /** The test message for {@code dependency} of an EventSource with {@code eventSourceSpec} (null when there is none). */
    TestMessage of(SensorShape.Dependency dependency, Map<String, Object> eventSourceSpec, Map<String, String> dataKeys) {
        String shown = dependency.shown();
        if (eventSourceSpec == null) {
            return new TestMessage(shown, List.of(), Optional.of("no EventSource " + dependency.eventSource()
                    + " in namespace " + eventsNamespace));
        }
        Map<String, Object> pubSub = Tree.map(eventSourceSpec, "pubSub");
        Map<String, Object> webhook = Tree.map(eventSourceSpec, "webhook");
        if (pubSub.containsKey(dependency.event())) {
            return pubSub(shown, Tree.map(pubSub.get(dependency.event())), dataKeys);
        }
        if (webhook.containsKey(dependency.event())) {
            return webhook(shown, dependency.eventSource(), eventSourceSpec, Tree.map(webhook.get(dependency.event())), dataKeys);
        }
        String type = eventSourceSpec.entrySet().stream().filter(e -> Tree.map(e.getValue()).containsKey(dependency.event()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        return new TestMessage(shown, List.of(), Optional.of(type == null
                ? "EventSource " + dependency.eventSource() + " defines no event " + dependency.event()
                : "no test command for a " + type + " event source"));
    }

    /**
     * {@code gcloud pubsub topics publish TOPIC --project PROJECT --message DATA [--attribute K=V,...]}
     * (https://cloud.google.com/sdk/gcloud/reference/pubsub/topics/publish: {@code --message} is the data,
     * {@code --attribute} comma-separated KEY=VALUE pairs). The event's {@code body} is the message data, parsed as
     * JSON only with {@code jsonBody: true}; {@code attributes} are the message's attributes (gcppubsub/start.go,
     * PubSubEventData).
     */
    private TestMessage pubSub(String shown, Map<String, Object> source, Map<String, String> dataKeys) {
        String topic = Tree.string(source, "topic");
        if (topic == null || topic.isEmpty()) {
            return new TestMessage(shown, List.of(), Optional.of("the event source names only its subscription "
                    + Tree.text(source, "subscriptionID") + ": publish to that subscription's topic"));
        }
        String topicProject = firstNonEmpty(Tree.text(source, "topicProjectID"), Tree.text(source, "projectID"))
                .or(() -> project).orElse("PROJECT");
        Map<String, String> attributes = new LinkedHashMap<>();
        dataKeys.forEach((key, value) -> {
            if (key.startsWith("attributes.") && key.indexOf('.', "attributes.".length()) < 0) {
                attributes.put(key.substring("attributes.".length()), value);
            }
        });
        boolean json = Tree.isTrue(source, "jsonBody");
        String command = "gcloud pubsub topics publish " + topic + " --project " + topicProject
                + " --message " + quote(json ? body(dataKeys) : SensorShape.EXAMPLE_VALUE)
                + (attributes.isEmpty() ? "" : " --attribute " + quote(String.join(",",
                attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
        boolean readsBody = dataKeys.keySet().stream().anyMatch(k -> k.startsWith("body."));
        return new TestMessage(shown, List.of(command), !json && readsBody
                ? Optional.of("the trigger reads fields of the body, but the event source does not set jsonBody: true,"
                + " so the body reaches the Sensor as bytes")
                : Optional.empty());
    }

    /**
     * A POST through {@code kubectl port-forward} to the EventSource's Service, which the controller names
     * {@code <eventsource>-eventsource-svc} and makes only when the EventSource declares {@code spec.service.ports}
     * (v1.9.10 pkg/reconciler/eventsource/resource.go, buildService). A POST's body is the event's {@code body}
     * (pkg/eventsources/sources/webhook/start.go, GetBody: parsed as JSON unless form-encoded).
     */
    private TestMessage webhook(String shown, String eventSource, Map<String, Object> spec, Map<String, Object> source,
                                Map<String, String> dataKeys) {
        String port = String.valueOf(source.getOrDefault("port", ""));
        Optional<String> servicePort = Tree.list(spec, "service.ports").stream()
                .filter(p -> port.equals(String.valueOf(Tree.map(p).getOrDefault("targetPort", Tree.map(p).get("port")))))
                .map(p -> String.valueOf(Tree.map(p).get("port"))).findFirst();
        if (servicePort.isEmpty()) {
            return new TestMessage(shown, List.of(), Optional.of("EventSource " + eventSource + " has no spec.service.ports"
                    + " entry for port " + port + ", so the controller makes no Service that reaches it"));
        }
        String endpoint = Tree.text(source, "endpoint");
        String method = Tree.text(source, "method").isEmpty() ? "POST" : Tree.text(source, "method");
        List<String> commands = new ArrayList<>();
        commands.add("kubectl -n " + eventsNamespace + " port-forward svc/" + eventSource + "-eventsource-svc "
                + port + ":" + servicePort.get() + " &");
        boolean auth = source.get("authSecret") != null;
        commands.add("curl -X " + method + " http://localhost:" + port + (endpoint.startsWith("/") ? "" : "/") + endpoint
                + (auth ? " -H \"Authorization: Bearer $TOKEN\"" : "")
                + ("POST".equals(method) ? " -H 'Content-Type: application/json' -d " + quote(body(dataKeys)) : ""));
        return new TestMessage(shown, commands, auth
                ? Optional.of("TOKEN: the value of the event source's authSecret (secret "
                + Tree.text(source, "authSecret.name") + ", key " + Tree.text(source, "authSecret.key") + ")")
                : Optional.empty());
    }

    /** A JSON object with each {@code body.a.b} key as a nested field. */
    @SuppressWarnings("unchecked")
    static String body(Map<String, String> dataKeys) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : dataKeys.entrySet()) {
            if (!e.getKey().startsWith("body.")) {
                continue;
            }
            String[] path = e.getKey().substring("body.".length()).split("\\.");
            Map<String, Object> at = body;
            for (int i = 0; i < path.length - 1 && at != null; i++) {
                Object next = at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
                at = next instanceof Map<?, ?> ? (Map<String, Object>) next : null;
            }
            if (at != null) {
                at.putIfAbsent(path[path.length - 1], e.getValue());
            }
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One shell word: single-quoted, with a single quote inside written as {@code '\''}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static Optional<String> firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
