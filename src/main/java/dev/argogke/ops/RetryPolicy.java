package dev.argogke.ops;

import java.time.Duration;

/**
 * How often and how patiently a Kubernetes API call is retried after a transient failure
 * (HTTP 429, 5xx, a timeout or a dropped connection).
 *
 * @param maxAttempts    attempts in all, the first included
 * @param initialBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff     the longest exponential wait
 * @param maxRetryAfter  the longest wait a server's {@code Retry-After} can ask for
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Six attempts over about 15 seconds: rides out an API server restart or a burst of throttling. */
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** The exponential wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
