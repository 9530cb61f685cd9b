package dev.argogke.workflows.cron;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's time.ParseDuration (src/time/format.go), which {@code @every} uses: a signed sequence of
 * decimal numbers, each with a unit ns, us (µs, μs), ms, s, m or h, e.g. "1h30m", "90s",
 * "1.5h"; "0" alone needs no unit; no days.
 */
public final class GoDuration {
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** Whether Go's time.ParseDuration accepts the text (Argo's timeouts and retry backoff use it too). */
    public static boolean isDuration(String text) {
        return parseNanos(text) != null;
    }

    /** @return nanoseconds, or null when Go would reject the text */
    public static Long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0L;
        }
        if (s.isEmpty()) {
            return null;
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            boolean before = i > start;
            String whole = s.substring(start, i);
            String fraction = "";
            if (i < s.length() && s.charAt(i) == '.') {
                int f = ++i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                fraction = s.substring(f, i);
            }
            if (!before && fraction.isEmpty()) {
                return null;
            }
            int u = i;
            while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            Long unit = UNIT_NANOS.get(s.substring(u, i));
            if (unit == null) {
                return null;
            }
            BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
            total = total.add(number.multiply(BigDecimal.valueOf(unit)).toBigInteger());
            if (total.compareTo(MAX_NANOS.add(BigInteger.ONE)) > 0) {
                return null;
            }
        }
        if (!negative && total.compareTo(MAX_NANOS) > 0) {
            return null;
        }
        return negative ? total.negate().longValue() : total.longValueExact();
    }

    /** "1h30m", "90s" → "1m30s": Go's Duration.String without its zero parts. */
    static String format(Duration d) {
        long seconds = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || out.length() == 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }
}
