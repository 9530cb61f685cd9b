package dev.argogke.workflows.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The next run time of a five-field schedule, step for step as robfig/cron v3.0.1 spec.go
 * SpecSchedule.Next computes it, so that {@code status} and {@code backfill} agree with the
 * controller even where robfig's answer is odd. Walk month, then day, then hour, then minute,
 * then second forward; whenever a field wraps, start over from the month.
 *
 * <p>What that does at daylight-saving changes (Europe/Oslo, verified in CronScheduleTest):
 * <ul>
 * <li>Spring forward (2026-03-29, 02:00 CET → 03:00 CEST): hours are stepped by adding one real
 * hour, so 02:xx is never visited; a job at 02:30 is <b>skipped</b> that day (next run 2026-03-30
 * 02:30), not moved to 03:30. Hourly jobs simply continue at 03:00.</li>
 * <li>Fall back (2026-10-25, 03:00 CEST → 02:00 CET): after the 02:30 CEST run the minute walk
 * reaches 02:59 CEST, adds a minute, lands on 02:00 CET and finds hour 2 again; a job at 02:30
 * runs <b>twice</b>, at 00:30Z and 01:30Z. robfig's own spec_test.go expects this
 * (America/New_York, "30 1 04 Nov ?" after 01:45 EDT → 01:30 EST).</li>
 * <li>Zones whose change skips midnight, or shifts by 30 minutes (Australia/Lord_Howe), can make
 * robfig return a time whose day or hour does not match the schedule; we reproduce that too.</li>
 * </ul>
 */
final class SpecNext {
    /** A safety net against a loop robfig might not leave; far above any real schedule's wraps. */
    private static final int MAX_WRAPS = 5_000_000;

    private SpecNext() {
    }

    static Optional<Instant> next(CronSchedule.Spec s, Instant after, GoClock clock) {
        // Start at the next whole second strictly after `after`.
        Instant t = GoClock.truncate(after, 1).plusSeconds(1);
        boolean added = false;
        int yearLimit = clock.wall(t).getYear() + 5;

        wrap:
        for (int wraps = 0; wraps < MAX_WRAPS; wraps++) {
            if (clock.wall(t).getYear() > yearLimit) {
                return Optional.empty();
            }
            while (!s.month().has(clock.wall(t).getMonthValue())) {
                if (!added) {
                    added = true;
                    LocalDateTime w = clock.wall(t);
                    t = clock.date(w.getYear(), w.getMonthValue(), 1, 0, 0, 0);
                }
                t = clock.addDate(t, 1, 0);
                if (clock.wall(t).getMonthValue() == 1) {
                    continue wrap;
                }
            }
            while (!s.dayMatches(clock.wall(t))) {
                if (!added) {
                    added = true;
                    LocalDateTime w = clock.wall(t);
                    t = clock.date(w.getYear(), w.getMonthValue(), w.getDayOfMonth(), 0, 0, 0);
                }
                t = clock.addDate(t, 0, 1);
                // robfig's repair for zones where midnight does not exist: back to 00:00 if the
                // clock shows a morning hour, on to the next midnight if it shows an evening one.
                int hour = clock.wall(t).getHour();
                if (hour != 0) {
                    t = hour > 12 ? t.plusSeconds((24L - hour) * 3600) : t.minusSeconds(hour * 3600L);
                }
                if (clock.wall(t).getDayOfMonth() == 1) {
                    continue wrap;
                }
            }
            while (!s.hour().has(clock.wall(t).getHour())) {
                if (!added) {
                    added = true;
                    LocalDateTime w = clock.wall(t);
                    t = clock.date(w.getYear(), w.getMonthValue(), w.getDayOfMonth(), w.getHour(), 0, 0);
                }
                t = t.plusSeconds(3600);
                if (clock.wall(t).getHour() == 0) {
                    continue wrap;
                }
            }
            while (!s.minute().has(clock.wall(t).getMinute())) {
                if (!added) {
                    added = true;
                    t = GoClock.truncate(t, 60);
                }
                t = t.plusSeconds(60);
                if (clock.wall(t).getMinute() == 0) {
                    continue wrap;
                }
            }
            while (clock.wall(t).getSecond() != 0) {
                if (!added) {
                    added = true;
                }
                t = t.plusSeconds(1);
                if (clock.wall(t).getSecond() == 0) {
                    continue wrap;
                }
            }
            return Optional.of(t);
        }
        return Optional.empty();
    }
}
