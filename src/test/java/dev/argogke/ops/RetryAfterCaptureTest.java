package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterCaptureTest {
    @Test
    void retryAfterInSecondsIsThatLong() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfterCapture.parse("7"));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));

        Duration wait = RetryAfterCapture.parse(inAMinute).orElseThrow();

        assertTrue(wait.compareTo(Duration.ofSeconds(55)) > 0 && wait.compareTo(Duration.ofSeconds(61)) <= 0, wait.toString());
    }

    @Test
    void unreadableOrNegativeRetryAfterIsIgnored() {
        assertEquals(Optional.empty(), RetryAfterCapture.parse("soon"));
        assertEquals(Optional.empty(), RetryAfterCapture.parse("-3"));
        assertEquals(Optional.empty(), RetryAfterCapture.parse(null));
    }
}
