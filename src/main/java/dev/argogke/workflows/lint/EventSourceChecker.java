package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules Argo Events v1.9.10 applies to an EventSource before it starts it (github.com/argoproj/argo-events,
 * tag v1.9.10), for the event source types argo-gke uses: {@code pubSub} and {@code webhook}. The others get the
 * strict decoding and the event-name rule only.
 */
final class EventSourceChecker {
    private EventSourceChecker() {
    }

    static void check(DocumentFindings out, Map<String, Object> spec) {
        checkEventNamesUnique(out, spec);
        Tree.map(spec.get("pubSub")).forEach((event, source) -> {
            if (source instanceof Map<?, ?>) {
                checkPubSub(out, Tree.join("spec.pubSub", event), Tree.map(source));
            }
        });
        Tree.map(spec.get("webhook")).forEach((event, source) -> {
            if (source instanceof Map<?, ?>) {
                checkWebhook(out, Tree.join("spec.webhook", event), Tree.map(source));
            }
        });
    }

    /**
     * pkg/reconciler/eventsource/validate.go, ValidateEventSource: "Duplicated event name not allowed in one EventSource,
     * even they are in different EventSourceType"; the controller marks the EventSource invalid and runs nothing.
     */
    private static void checkEventNamesUnique(DocumentFindings out, Map<String, Object> spec) {
        Map<String, String> firstType = new HashMap<>();
        for (String type : EventsIndex.sourceTypes()) {
            for (String event : Tree.map(spec.get(type)).keySet()) {
                String first = firstType.putIfAbsent(event, type);
                if (first != null) {
                    out.error(Tree.join(Tree.join("spec", type), event), "event name '" + event + "' is also used under "
                            + first + ": Argo Events requires the event names of one EventSource to be unique");
                }
            }
        }
    }

    /** pkg/eventsources/sources/gcppubsub/validate.go, validate. */
    private static void checkPubSub(DocumentFindings out, String path, Map<String, Object> source) {
        String topic = Tree.text(source.get("topic"));
        if (!Tree.text(source.get("topicProjectID")).isEmpty() && topic.isEmpty()) {
            out.error(Tree.join(path, "topicProjectID"), "topicProjectID needs a topic: Argo Events refuses topicProjectID"
                    + " without topic");
        }
        if (topic.isEmpty() && Tree.text(source.get("subscriptionID")).isEmpty()) {
            out.error(path, "a pubSub event source needs topic or subscriptionID (or both)");
        }
    }

    /**
     * pkg/eventsources/common/webhook/validate.go, ValidateWebhookContext: endpoint and port are required and the port
     * must be an integer (strconv.Atoi). The method is not validated there, but pkg/eventsources/sources/webhook/start.go
     * refuses every request whose method differs from it ("http method does not match", compared with Go's upper-case
     * request.Method) and reads bodies of GET and POST requests only ("unsupoorted method").
     */
    private static void checkWebhook(DocumentFindings out, String path, Map<String, Object> source) {
        if (Tree.text(source.get("endpoint")).isEmpty()) {
            out.error(path, "a webhook event source needs an endpoint, the URL path it serves (e.g. /example)");
        }
        // A value of another type than text has been reported by the strict decoding.
        Object port = source.get("port");
        if (port == null || "".equals(port)) {
            out.error(path, "a webhook event source needs a port, as a quoted number (port: \"12000\")");
        } else if (port instanceof String text && !text.strip().matches("[+-]?[0-9]+")) {
            out.error(Tree.join(path, "port"), "port \"" + ValueText.abbreviate(text) + "\" is not a number");
        }
        Object method = source.get("method");
        String text = Tree.text(method);
        if (method == null || "".equals(method)) {
            out.error(path, "a webhook event source needs a method, POST or GET: Argo Events refuses requests of any"
                    + " other method than the one given");
        } else if (method instanceof String && !text.equals("POST") && !text.equals("GET")) {
            out.error(Tree.join(path, "method"), "method \"" + ValueText.abbreviate(text) + "\" is not POST or GET: Argo Events"
                    + " compares it with the request's upper-case method and reads the body of POST and GET requests only");
        }
    }
}
