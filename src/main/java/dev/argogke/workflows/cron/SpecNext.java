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
 * <li>Where a whole local day is skipped (Pacific/Kiritimati 1994-12-31, Pacific/Apia 2011-12-30),
 * Go's time.Date puts the skipped midnight back on the midnight before, so {@code t.AddDate(0, 0, 1)}
 * does not move and robfig's day loop <b>never returns</b> (found by the cron oracle,
 * e2e/oracles/cron.sh). We stop there and say so: {@link Outcome#neverReturns()}.</li>
 * </ul>
 */
final class SpecNext {
    /**
     * A safety net for loops robfig might never leave other than the one we recognise. The longest
     * walk that returns goes minute by minute through the five years (an empty minute field such
     * as ",": about 3.2 million steps over six calendar years), so seven times that is not a walk
     * that ends.
     */
    private static final int MAX_STEPS = 22_000_000;

    /**
     * What robfig's SpecSchedule.Next does: return a time, return the zero time (no run within
     * five years: {@code time} empty), or spin for ever ({@code neverReturns}).
     */
    record Outcome(Optional<Instant> time, boolean neverReturns) {
        static final Outcome NONE = new Outcome(Optional.empty(), false);
        static final Outcome SPINS = new Outcome(Optional.empty(), true);
    }

    /** How one field's loop ended: the field matches, it wrapped (start again from the month), or it spins. */
    private enum Step { MATCHES, WRAPPED, SPINS }

    private final CronSchedule.Spec s;
    private final GoClock clock;
    private Instant t;
    private boolean added;
    private int steps;

    private SpecNext(CronSchedule.Spec s, GoClock clock, Instant start) {
        this.s = s;
        this.clock = clock;
        this.t = start;
    }

    static Outcome walk(CronSchedule.Spec s, Instant after, GoClock clock) {
        // Start at the next whole second strictly after `after`.
        SpecNext w = new SpecNext(s, clock, GoClock.truncate(after, 1).plusSeconds(1));
        int yearLimit = w.wall().getYear() + 5;
        while (true) {
            if (w.wall().getYear() > yearLimit) {
                return Outcome.NONE;
            }
            Step step = w.month();
            step = step == Step.MATCHES ? w.day() : step;
            step = step == Step.MATCHES ? w.hour() : step;
            step = step == Step.MATCHES ? w.minute() : step;
            step = step == Step.MATCHES ? w.second() : step;
            if (step == Step.MATCHES) {
                return new Outcome(Optional.of(w.t), false);
            }
            if (step == Step.SPINS) {
                return Outcome.SPINS;
            }
        }
    }

    private LocalDateTime wall() {
        return clock.wall(t);
    }

    private boolean tooLong() {
        return ++steps > MAX_STEPS;
    }

    private Step month() {
        while (!s.month().has(wall().getMonthValue())) {
            if (tooLong()) {
                return Step.SPINS;
            }
            if (!added) {
                added = true;
                LocalDateTime w = wall();
                t = clock.date(w.getYear(), w.getMonthValue(), 1, 0, 0, 0);
            }
            t = clock.addDate(t, 1, 0);
            if (wall().getMonthValue() == 1) {
                return Step.WRAPPED;
            }
        }
        return Step.MATCHES;
    }

    private Step day() {
        while (!s.dayMatches(wall())) {
            if (tooLong()) {
                return Step.SPINS;
            }
            if (!added) {
                added = true;
                LocalDateTime w = wall();
                t = clock.date(w.getYear(), w.getMonthValue(), w.getDayOfMonth(), 0, 0, 0);
            }
            Instant before = t;
            t = clock.addDate(t, 0, 1);
            // robfig's repair for zones where midnight does not exist: back to 00:00 if the
            // clock shows a morning hour, on to the next midnight if it shows an evening one.
            int hour = wall().getHour();
            if (hour != 0) {
                t = hour > 12 ? t.plusSeconds((24L - hour) * 3600) : t.minusSeconds(hour * 3600L);
            }
            if (t.equals(before)) {
                return Step.SPINS; // the next day maps back onto this one: robfig loops here for ever
            }
            if (wall().getDayOfMonth() == 1) {
                return Step.WRAPPED;
            }
        }
        return Step.MATCHES;
    }

    private Step hour() {
        while (!s.hour().has(wall().getHour())) {
            if (tooLong()) {
                return Step.SPINS;
            }
            if (!added) {
                added = true;
                LocalDateTime w = wall();
                t = clock.date(w.getYear(), w.getMonthValue(), w.getDayOfMonth(), w.getHour(), 0, 0);
            }
            t = t.plusSeconds(3600);
            if (wall().getHour() == 0) {
                return Step.WRAPPED;
            }
        }
        return Step.MATCHES;
    }

    private Step minute() {
        while (!s.minute().has(wall().getMinute())) {
            if (tooLong()) {
                return Step.SPINS;
            }
            if (!added) {
                added = true;
                t = GoClock.truncate(t, 60);
            }
            t = t.plusSeconds(60);
            if (wall().getMinute() == 0) {
                return Step.WRAPPED;
            }
        }
        return Step.MATCHES;
    }

    /** Seconds are always 0 in the standard dialect; only a zone with a seconds offset (LMT) gets here. */
    private Step second() {
        while (wall().getSecond() != 0) {
            if (tooLong()) {
                return Step.SPINS;
            }
            added = true;
            t = t.plusSeconds(1);
            if (wall().getSecond() == 0) {
                return Step.WRAPPED;
            }
        }
        return Step.MATCHES;
    }
}
