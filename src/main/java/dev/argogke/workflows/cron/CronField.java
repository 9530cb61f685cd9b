package dev.argogke.workflows.cron;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The five fields of a standard schedule, with the bounds and names of robfig/cron v3.0.1
 * (spec.go: minutes 0-59, hours 0-23, dom 1-31, months 1-12 JAN-DEC, dow 0-6 SUN-SAT).
 * Note that day-of-week 7 is rejected there, unlike Vixie cron.
 */
enum CronField {
    MINUTE(1, "minute", 0, 59, List.of()),
    HOUR(2, "hour", 0, 23, List.of()),
    DAY_OF_MONTH(3, "day-of-month", 1, 31, List.of()),
    MONTH(4, "month", 1, 12, List.of("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec")),
    DAY_OF_WEEK(5, "day-of-week", 0, 6, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    // strconv.Atoi: optional sign, decimal digits only.
    private static final Pattern GO_ATOI = Pattern.compile("[+-]?[0-9]+");

    private final int position;
    private final String name;
    final int min;
    final int max;
    /** Lower-case names; index 0 is the value {@code min}. Empty when the field has none. */
    private final List<String> names;

    CronField(int position, String name, int min, int max, List<String> names) {
        this.position = position;
        this.name = name;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    String label() {
        return "field " + position + " (" + name + ")";
    }

    /**
     * One field as robfig/cron v3.0.1 parser.go getField/getRange reads it: a comma list
     * (empty items dropped, as strings.FieldsFunc does) of {@code *}, {@code ?}, {@code n},
     * {@code a-b}, each with an optional {@code /step}.
     */
    FieldSet parse(String text) throws CronSyntaxException {
        long bits = 0;
        boolean star = false;
        for (String item : text.split(",")) {
            if (item.isEmpty()) {
                continue;
            }
            FieldSet one = parseItem(item);
            bits |= one.bits();
            star |= one.star();
        }
        return new FieldSet(bits, star);
    }

    private FieldSet parseItem(String item) throws CronSyntaxException {
        List<String> rangeAndStep = GoStrings.split(item, '/');
        List<String> lowAndHigh = GoStrings.split(rangeAndStep.get(0), '-');
        boolean single = lowAndHigh.size() == 1;
        long start;
        long end;
        boolean star = false;
        String low = lowAndHigh.get(0);
        if (low.equals("*") || low.equals("?")) {
            // robfig ignores anything after "*-" here, so "*-5" means "*"; we accept it as Argo does.
            start = min;
            end = max;
            star = true;
        } else {
            if (lowAndHigh.size() > 2) {
                throw CronSyntaxException.inField(this, "'" + item + "' has more than one '-'");
            }
            start = valueOrName(low, item);
            end = single ? start : valueOrName(lowAndHigh.get(1), item);
        }
        long step = 1;
        if (rangeAndStep.size() > 2) {
            throw CronSyntaxException.inField(this, "'" + item + "' has more than one '/'");
        }
        if (rangeAndStep.size() == 2) {
            step = number(rangeAndStep.get(1), item, "step");
            if (single) {
                end = max; // "n/step" means "n-max/step"
            }
            if (step > 1) {
                star = false; // so "*/2" counts as a restriction in the day-of-month/day-of-week rule
            }
        }
        if (start < min || start > max) {
            throw CronSyntaxException.inField(this, start + " is out of range " + min + "-" + max);
        }
        if (end > max) {
            throw CronSyntaxException.inField(this, end + " is out of range " + min + "-" + max);
        }
        if (start > end) {
            throw CronSyntaxException.inField(this, "range '" + rangeAndStep.get(0)
                    + "' goes backwards (" + start + " is after " + end + ")");
        }
        if (step < 1) {
            throw CronSyntaxException.inField(this, "step in '" + item + "' must be at least 1");
        }
        long bits = 0;
        for (long i = start; i <= end; i += step) {
            bits |= 1L << i;
            if (step > end - i) {
                break; // robfig adds in uint64, which cannot overflow here; a long would
            }
        }
        return new FieldSet(bits, star);
    }

    private long valueOrName(String text, String item) throws CronSyntaxException {
        int index = names.indexOf(text.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return min + index;
        }
        if (!names.isEmpty() && !GO_ATOI.matcher(text).matches()) {
            String first = names.get(0).toUpperCase(Locale.ROOT);
            String last = names.get(names.size() - 1).toUpperCase(Locale.ROOT);
            throw CronSyntaxException.inField(this, "'" + text + "' in '" + item
                    + "' is not a number or a name " + first + "-" + last);
        }
        return number(text, item, "number");
    }

    private long number(String text, String item, String what) throws CronSyntaxException {
        String where = text.equals(item) ? "" : " in '" + item + "'";
        if (text.isEmpty()) {
            throw CronSyntaxException.inField(this, "missing " + what + where);
        }
        if (!GO_ATOI.matcher(text).matches()) {
            String quoted = what.equals("step") ? "step '" + text + "'" : "'" + text + "'";
            throw CronSyntaxException.inField(this, quoted + where + " is not a number");
        }
        BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (value.signum() < 0) {
            throw CronSyntaxException.inField(this, what + " " + value + where + " must be at least 1");
        }
        // strconv.Atoi takes any int64 (Go's int on 64-bit machines), so a step up to 2^63-1 is
        // accepted: "*/9223372036854775807" means the first value only.
        if (value.bitLength() > 63) {
            throw CronSyntaxException.inField(this, text + " is out of range " + min + "-" + max);
        }
        return value.longValueExact();
    }

    /** Display name of a value for people ("Monday", "March"), or the number. */
    String display(int value) {
        return switch (this) {
            case MONTH -> java.time.Month.of(value).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            case DAY_OF_WEEK -> java.time.DayOfWeek.of(value == 0 ? 7 : value)
                    .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            default -> Integer.toString(value);
        };
    }

    FieldSet all() {
        return new FieldSet(bitsBetween(min, max), true);
    }

    FieldSet only(int value) {
        return new FieldSet(1L << value, false);
    }

    long allBits() {
        return bitsBetween(min, max);
    }

    private static long bitsBetween(int from, int to) {
        long bits = 0;
        for (int i = from; i <= to; i++) {
            bits |= 1L << i;
        }
        return bits;
    }
}
