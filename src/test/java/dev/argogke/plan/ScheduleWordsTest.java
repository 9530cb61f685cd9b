package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleWordsTest {
    private static Map<String, Object> cron(String schedule, String timezone, String concurrency) {
        java.util.Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("schedules", List.of(schedule));
        if (timezone != null) {
            spec.put("timezone", timezone);
        }
        if (concurrency != null) {
            spec.put("concurrencyPolicy", concurrency);
        }
        return spec;
    }

    @Test
    void aNewTimeKeepsOnlyTheOldTimeAfterInsteadOf() {
        assertEquals(List.of("runs at 02:00 every day (Europe/Oslo) instead of 01:00"),
                ScheduleWords.changes(cron("0 1 * * *", "Europe/Oslo", null), cron("0 2 * * *", "Europe/Oslo", null)));
    }

    @Test
    void aNewTimeZoneAloneIsSaidAsSuch() {
        assertEquals(List.of("runs at 02:00 every day in Europe/Oslo time instead of UTC"),
                ScheduleWords.changes(cron("0 2 * * *", "UTC", null), cron("0 2 * * *", "Europe/Oslo", null)));
    }

    @Test
    void aScheduleWithoutTimeZoneSaysTheControllersZoneIsUsed() {
        assertEquals(List.of("runs at 02:00 every day in Europe/Oslo time instead of controller time zone, usually UTC"),
                ScheduleWords.changes(cron("0 2 * * *", null, null), cron("0 2 * * *", "Europe/Oslo", null)));
    }

    @Test
    void aNewTimeAndZoneTogetherGiveBothInFull() {
        assertEquals(List.of("runs at 03:00 every day (Europe/Oslo) instead of at 02:00 every day (UTC)"),
                ScheduleWords.changes(cron("0 2 * * *", "UTC", null), cron("0 3 * * *", "Europe/Oslo", null)));
    }

    @Test
    void concurrencyAndSuspensionChangesAreExplained() {
        Map<String, Object> before = cron("0 2 * * *", "Europe/Oslo", null);
        Map<String, Object> after = new java.util.LinkedHashMap<>(cron("0 2 * * *", "Europe/Oslo", "Forbid"));
        after.put("suspend", true);
        assertEquals(List.of("concurrency Forbid instead of Allow: skips a run while the previous one is still running",
                "now suspended: no scheduled runs"), ScheduleWords.changes(before, after));
    }

    @Test
    void severalSchedulesAreJoined() {
        Map<String, Object> spec = Map.of("schedules", List.of("0 9 * * MON-FRI", "*/15 * * * *"), "timezone", "UTC");
        assertEquals("runs at 09:00 on Monday to Friday and every 15 minutes (UTC); overlapping runs allowed",
                ScheduleWords.summary(spec));
    }

    @Test
    void anInvalidScheduleIsShownAsWrittenWithTheReason() {
        String words = ScheduleWords.when(Map.of("schedules", List.of("0 25 * * *")));
        org.junit.jupiter.api.Assertions.assertTrue(words.startsWith("on \"0 25 * * *\" (not a valid schedule: "), words);
    }
}
