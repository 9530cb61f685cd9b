package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffDoublesAfterEachFailureUpToTheCap() {
        RetryPolicy policy = RetryPolicy.standard();

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L),
                IntStream.rangeClosed(1, 6).mapToObj(policy::backoff).map(Duration::toMillis).toList());
    }
}
