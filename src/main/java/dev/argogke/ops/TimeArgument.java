package dev.argogke.ops;

import dev.argogke.UserError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A {@code --from}/{@code --to} value: an ISO-8601 date-time with {@code Z} or an offset, or a plain date. */
final class TimeArgument {
    private TimeArgument() {
    }

    /**
     * {@code 2026-03-01T00:00:00Z}, {@code 2026-03-01T02:00+01:00}, or {@code 2026-03-01}, which means the
     * start of that day in {@code zone} (the cron's time zone; on a day that starts in a DST gap, the
     * first instant that exists).
     */
    static ZonedDateTime parse(String flag, String text, ZoneId zone) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone);
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(t).atStartOfDay(zone);
            } catch (DateTimeException notDate) {
                if (t.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")) {
                    throw new UserError(flag + " " + text + ": add Z or an offset (e.g. " + t + "Z or " + t
                            + "+01:00), or give a plain date, which means midnight in the cron's zone " + zone);
                }
                throw new UserError(flag + " " + text + ": expected an ISO-8601 date-time with Z or an offset"
                        + " (2026-03-01T00:00:00Z, 2026-03-01T02:00+01:00) or a date (2026-03-01)");
            }
        }
    }
}
