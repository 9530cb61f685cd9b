package dev.argogke.ops;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs Kubernetes API calls again after transient failures, with exponential backoff that yields
 * to a longer {@code Retry-After}. fabric8's own transport retries are switched off (see
 * {@link KubeConnection}) so that this is the one retry policy: its attempts are counted and its
 * waits end at once on Ctrl-C.
 */
public final class Retry {

    /** Where a wait goes; normally {@link Cancellation#sleep}, in tests a recorder. */
    @FunctionalInterface
    public interface Sleeper {
        /** Returns false when the wait was cut short by a stop request. */
        boolean sleep(Duration duration);
    }

    /** Told about every retry, e.g. to show "HTTP 429, waiting 2s" or to count retries. */
    @FunctionalInterface
    public interface Observer {
        void retrying(String what, int failedAttempt, String reason, Duration wait);

        Observer NONE = (what, attempt, reason, wait) -> { };
    }

    /** A call given up because of a stop request; nothing more should be started. */
    public static final class Cancelled extends RuntimeException {
        Cancelled(String what) {
            super("stopped while " + what, null, false, false);
        }
    }

    private final RetryPolicy policy;
    private final Cancellation cancellation;
    private final Sleeper sleeper;
    private final RetryAfterCapture capture;
    private volatile Observer observer = Observer.NONE;

    public Retry(RetryPolicy policy, Cancellation cancellation, Sleeper sleeper, RetryAfterCapture capture) {
        this.policy = policy;
        this.cancellation = cancellation;
        this.sleeper = sleeper;
        this.capture = capture == null ? new RetryAfterCapture() : capture;
    }

    public Retry observedBy(Observer observer) {
        this.observer = observer;
        return this;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /**
     * The call's result; after {@code maxAttempts} transient failures, or on any other failure, the
     * last {@link KubernetesClientException} is thrown as it is.
     */
    public <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            if (cancellation.isCancelled()) {
                throw new Cancelled(what);
            }
            Optional<Duration> retryAfter;
            KubernetesClientException failure;
            try (RetryAfterCapture.Call tag = capture.begin()) {
                try {
                    return call.get();
                } catch (KubernetesClientException e) {
                    failure = e;
                    retryAfter = tag.retryAfter().or(() -> statusRetryAfter(e));
                }
            }
            if (interrupted(failure)) {
                cancellation.cancel();
                throw new Cancelled(what);
            }
            Optional<String> reason = transientReason(failure);
            if (reason.isEmpty() || attempt >= policy.maxAttempts() || unreachable(failure)) {
                throw failure;
            }
            Duration wait = policy.backoff(attempt);
            if (retryAfter.isPresent()) {
                Duration asked = min(retryAfter.get(), policy.maxRetryAfter());
                if (asked.compareTo(wait) > 0) {
                    wait = asked;
                }
            }
            observer.retrying(what, attempt, reason.get(), wait);
            if (!sleeper.sleep(wait)) {
                throw new Cancelled(what);
            }
        }
    }

    /** Why a failure is worth another attempt, or empty when it is not. */
    static Optional<String> transientReason(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 429) {
            return Optional.of("HTTP 429 too many requests");
        }
        if (code == 500 || code == 502 || code == 503 || code == 504) {
            return Optional.of("HTTP " + code);
        }
        if (code > 0) {
            return Optional.empty();
        }
        if (tlsFailure(e) || causedBy(e, java.net.UnknownHostException.class)) {
            return Optional.empty(); // asking again gives the same answer
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return Optional.of("request timed out");
            }
            if (t instanceof IOException) {
                return Optional.of("connection failed (" + t.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * A connection refused or not accepted in time by a cluster that has not answered once: a wrong
     * endpoint, a stopped cluster or a network the user is not on, which waiting does not change.
     * Said at once, not after the retries' 15 seconds; once the cluster has answered, the same
     * failure is an API server restarting and is retried. Vert.x (fabric8's HTTP client here)
     * reports both as {@link java.net.ConnectException}s (netty's AnnotatedConnectException and
     * ConnectTimeoutException); the JDK's client reports a connect timeout as
     * {@link java.net.http.HttpConnectTimeoutException}.
     */
    private boolean unreachable(KubernetesClientException e) {
        return !capture.answered() && e.getCode() <= 0
                && (causedBy(e, java.net.ConnectException.class) || causedBy(e, java.net.http.HttpConnectTimeoutException.class));
    }

    /** A certificate the client does not trust, or a failed TLS handshake. */
    static boolean tlsFailure(Throwable e) {
        return causedBy(e, javax.net.ssl.SSLException.class) || causedBy(e, java.security.cert.CertificateException.class)
                || causedBy(e, java.security.GeneralSecurityException.class);
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** The API server also puts the wait in the Status body ({@code details.retryAfterSeconds}). */
    private static Optional<Duration> statusRetryAfter(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getDetails() != null
                && e.getStatus().getDetails().getRetryAfterSeconds() != null) {
            return Optional.of(Duration.ofSeconds(e.getStatus().getDetails().getRetryAfterSeconds()));
        }
        return Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
