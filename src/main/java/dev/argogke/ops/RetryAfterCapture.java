package dev.argogke.ops;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the {@code Retry-After} header of a throttled response for the call that caused it.
 *
 * <p>fabric8 turns an HTTP error into a {@code KubernetesClientException} that keeps the status body
 * but drops the headers, and the API server's throttling filters (max-in-flight, priority and
 * fairness) answer 429 with a plain-text body and only the header. So the call being retried is
 * tagged: {@link #begin} marks the calling thread, {@link #before} (which fabric8 runs on that
 * thread) copies the mark into a request header, and {@link #after} (on an I/O thread) finds the
 * call again by that header and records the wait the server asked for.
 */
final class RetryAfterCapture implements Interceptor {
    static final String CALL_HEADER = "X-Argogke-Call";

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile boolean answered;

    /** One attempt of one API call; close it when the attempt is over. */
    final class Call implements AutoCloseable {
        private final String id = Long.toString(ids.incrementAndGet());
        private volatile Duration retryAfter;

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public void close() {
            calls.remove(id);
            CURRENT.remove();
        }
    }

    Call begin() {
        Call call = new Call();
        calls.put(call.id, call);
        CURRENT.set(call);
        return call;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        Call call = CURRENT.get();
        if (call != null) {
            builder.header(CALL_HEADER, call.id);
        }
    }

    /**
     * Whether the cluster has answered any request of this connection (with any status): until it
     * has, a refused or timed-out connection means a wrong or unreachable endpoint, not a restart.
     */
    boolean answered() {
        return answered;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        answered = true;
        String id = request.header(CALL_HEADER);
        Call call = id == null ? null : calls.get(id);
        if (call != null && (response.code() == 429 || response.code() == 503)) {
            parse(response.header("Retry-After")).ifPresent(d -> call.retryAfter = d);
        }
    }

    /** RFC 9110 section 10.2.3: either a number of seconds or an HTTP date. */
    static Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }
}
