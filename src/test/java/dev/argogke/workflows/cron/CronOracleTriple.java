package dev.argogke.workflows.cron;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One line of the cron oracle's input: {@code schedule<TAB>zone<TAB>instant}, as written by
 * e2e/oracles/cron/gen and read by e2e/oracles/cron/main.go (same escaping: \t \n \r \v \f \\ \\uXXXX;
 * the instant is RFC 3339 or unix seconds with an optional fraction).
 *
 * @param scheduleText the schedule as written in the file (escaped)
 * @param schedule     spec.schedules[i]
 * @param zone         spec.timezone, empty when unset
 * @param instantText  the instant as written in the file
 * @param instant      the time to ask for the next run after
 */
record CronOracleTriple(String scheduleText, String schedule, String zone, String instantText, Instant instant) {

    static CronOracleTriple parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected 3 tab-separated fields, found " + parts.length + ": " + line);
        }
        return new CronOracleTriple(parts[0], unescape(parts[0]), unescape(parts[1]), parts[2], instant(parts[2]));
    }

    /** The triple as the known-differences file writes examples: schedule | zone | instant. */
    static CronOracleTriple ofExample(String example) {
        String[] parts = example.split(" \\| ", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an example is 'schedule | zone | instant', not: " + example);
        }
        return parse(parts[0] + "\t" + parts[1] + "\t" + parts[2]);
    }

    static Instant instant(String text) {
        if (!text.isEmpty() && !text.contains("T")) {
            BigDecimal seconds = new BigDecimal(text);
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'v' -> b.append('\u000B');
                case 'f' -> b.append('\f');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
            }
        }
        return b.toString();
    }
}
