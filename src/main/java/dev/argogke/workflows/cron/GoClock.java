package dev.argogke.workflows.cron;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Go's time arithmetic in one zone, as robfig's Next() relies on it. The one place Go and
 * java.time disagree is a wall-clock time that happens twice (autumn overlap): java.time picks
 * the earlier offset, Go's time.Date (src/time/time.go) looks the offset up at the wall time
 * read as if it were UTC and then corrects it once, which east of Greenwich picks the later
 * instant. Both move a time in the spring gap forward by the gap.
 */
final class GoClock {
    private final ZoneId zone;
    private final ZoneRules rules;

    GoClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    ZoneId zone() {
        return zone;
    }

    LocalDateTime wall(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    /** time.Date(year, month, day, hour, minute, second, 0, zone), with Go's normalisation of overflowing months and days. */
    Instant date(int year, int month, int day, int hour, int minute, int second) {
        LocalDateTime wall = LocalDate.of(year, 1, 1).plusMonths(month - 1L).plusDays(day - 1L)
                .atStartOfDay().plusHours(hour).plusMinutes(minute).plusSeconds(second);
        long asIfUtc = wall.toEpochSecond(ZoneOffset.UTC);
        int guess = rules.getOffset(Instant.ofEpochSecond(asIfUtc)).getTotalSeconds();
        int offset = rules.getOffset(Instant.ofEpochSecond(asIfUtc - guess)).getTotalSeconds();
        return Instant.ofEpochSecond(asIfUtc - offset);
    }

    /** t.AddDate(0, months, days): same wall clock, calendar fields moved, then time.Date. */
    Instant addDate(Instant t, int months, int days) {
        LocalDateTime w = wall(t);
        return date(w.getYear(), w.getMonthValue() + months, w.getDayOfMonth() + days,
                w.getHour(), w.getMinute(), w.getSecond());
    }

    /** t.Truncate(d): Go truncates the absolute time (since year 1, UTC), not the wall clock. */
    static Instant truncate(Instant t, long seconds) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }
}
