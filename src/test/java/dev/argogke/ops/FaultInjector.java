package dev.argogke.ops;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A dispatcher in front of the mock server's CRUD store that answers some requests with an HTTP
 * failure instead (500, 429 with Retry-After, a slow answer that times out), so the client's retry
 * logic meets real HTTP responses. Requests are matched by method and path prefix and counted, and
 * a rule fires on the counts it is given ("every third create").
 */
final class FaultInjector extends Dispatcher implements CustomResourceAware {
    private final KubernetesMixedDispatcher store;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    FaultInjector(KubernetesMixedDispatcher store) {
        this.store = store;
    }

    /** What to do instead of the store's answer. */
    interface Fault {
        MockResponse respond(RecordedRequest request, KubernetesMixedDispatcher store);
    }

    record Rule(String method, String pathPrefix, IntPredicate onCount, Fault fault, AtomicInteger count, AtomicInteger fired) {
    }

    /** Applies {@code fault} to the n-th matching request (1-based) whenever {@code onCount} says so. */
    Rule on(String method, String pathPrefix, IntPredicate onCount, Fault fault) {
        Rule rule = new Rule(method, pathPrefix, onCount, fault, new AtomicInteger(), new AtomicInteger());
        rules.add(rule);
        return rule;
    }

    void clear() {
        rules.clear();
    }

    static Fault status(int code, String message) {
        return (request, store) -> new MockResponse().setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"code\":" + code
                        + ",\"message\":\"" + message + "\"}");
    }

    /** The API server's throttling answer: plain text and only a Retry-After header (no Status body). */
    static Fault throttled(String retryAfter) {
        return (request, store) -> new MockResponse().setResponseCode(429).setHeader("Retry-After", retryAfter)
                .setHeader("Content-Type", "text/plain").setBody("Too many requests, please try again later.\n");
    }

    /** The store handles the request (it takes effect) but the answer comes too late for the client. */
    static Fault lateAnswer(Duration delay) {
        return (request, store) -> store.dispatch(request).setBodyDelay(delay);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        for (Rule rule : rules) {
            if (rule.method().equalsIgnoreCase(request.getMethod()) && request.getPath().startsWith(rule.pathPrefix())) {
                int n = rule.count().incrementAndGet();
                if (rule.onCount().test(n)) {
                    rule.fired().incrementAndGet();
                    return rule.fault().respond(request, store);
                }
            }
        }
        return store.dispatch(request);
    }

    @Override
    public void expectCustomResource(CustomResourceDefinitionContext context) {
        store.expectCustomResource(context);
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }
}
