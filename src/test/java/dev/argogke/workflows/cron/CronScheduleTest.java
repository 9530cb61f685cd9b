package dev.argogke.workflows.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static ZonedDateTime at(String isoOffsetDateTime) {
        return ZonedDateTime.parse(isoOffsetDateTime);
    }

    private static Instant next(String schedule, String after, ZoneId zone) throws CronSyntaxException {
        return CronSchedule.parse(schedule).next(at(after), zone).orElseThrow().toInstant();
    }

    // --- what Argo accepts -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "0 2 * * *", "*/15 * * * *", "30 6 * * MON-FRI", "0 0 1 * *", "0 0 29 2 *", "0 9-17/2 * * 1-5",
        "5/15 * * * *", "0,30 * * * *", "0 0 ? * SUN", "0 0 * jan-Mar ?", "0 0 * * sun,Sat", "0 0 * * 0",
        "0 0 1,15 * MON", "*/1 * * * *", "0  2\t* * *", "@yearly", "@annually", "@monthly", "@weekly",
        "@daily", "@midnight", "@hourly", "@every 1h30m", "@every 90s", "@every 1.5h", "@every 500ms",
        "CRON_TZ=Europe/Oslo 0 2 * * *", "TZ=UTC @daily", "CRON_TZ=America/New_York @every 5m",
    })
    void acceptsWhatArgoAccepts(String schedule) throws CronSyntaxException {
        assertEquals(schedule, CronSchedule.parse(schedule).expression());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0 0 * * *       | expected 5 fields (minute hour day-of-month month day-of-week), found 6",
        "0 2 * *           | expected 5 fields (minute hour day-of-month month day-of-week), found 4",
        "60 * * * *        | field 1 (minute): 60 is out of range 0-59",
        "0 24 * * *        | field 2 (hour): 24 is out of range 0-23",
        "0 0 0 * *         | field 3 (day-of-month): 0 is out of range 1-31",
        "0 0 L * *         | field 3 (day-of-month): 'L' is not a number",
        "0 0 * 13 *        | field 4 (month): 13 is out of range 1-12",
        "0 0 * JANUARY *   | field 4 (month): 'JANUARY' in 'JANUARY' is not a number or a name JAN-DEC",
        "0 0 * * FUN       | field 5 (day-of-week): 'FUN' in 'FUN' is not a number or a name SUN-SAT",
        "0 0 * * 7         | field 5 (day-of-week): 7 is out of range 0-6",
        "0 0 * * MON#2     | field 5 (day-of-week): 'MON#2' in 'MON#2' is not a number or a name SUN-SAT",
        "*/0 * * * *       | field 1 (minute): step in '*/0' must be at least 1",
        "*/x * * * *       | field 1 (minute): step 'x' in '*/x' is not a number",
        "*/ * * * *        | field 1 (minute): missing step in '*/'",
        "1-2-3 * * * *     | field 1 (minute): '1-2-3' has more than one '-'",
        "*/2/3 * * * *     | field 1 (minute): '*/2/3' has more than one '/'",
        "0 5-3 * * *       | field 2 (hour): range '5-3' goes backwards (5 is after 3)",
        "@every 1d         | @every: '1d' is not a duration",
        "@every            | unknown descriptor '@every'",
        "@Daily            | unknown descriptor '@Daily'",
        "CRON_TZ=Europe/Olso 0 2 * * * | CRON_TZ=: unknown time zone 'Europe/Olso'",
        "CRON_TZ=+02:00 0 2 * * *      | CRON_TZ=: unknown time zone '+02:00'",
        "CRON_TZ=Europe/Oslo           | CRON_TZ=: put a space between the time zone and the schedule",
    })
    void rejectsWhatArgoRejectsNamingTheField(String schedule, String message) {
        CronSyntaxException e = assertThrows(CronSyntaxException.class, () -> CronSchedule.parse(schedule));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void rejectsTheEmptyString() {
        CronSyntaxException e = assertThrows(CronSyntaxException.class, () -> CronSchedule.parse(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void acceptsAnEmptyListItemThatNeverRunsAsRobfigDoes() throws CronSyntaxException {
        // strings.FieldsFunc drops empty items, so "," is a field allowing nothing: valid, never due.
        assertEquals(Optional.empty(), CronSchedule.parse(", * * * *").next(at("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    // --- next run times -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // schedule           | after                          | zone          | expected next run
        "0 2 * * *            | 2026-01-10T02:00:00Z           | UTC           | 2026-01-11T02:00:00Z",
        "0 2 * * *            | 2026-01-10T01:59:59.500Z       | UTC           | 2026-01-10T02:00:00Z",
        "@hourly              | 2026-01-10T10:00:00Z           | UTC           | 2026-01-10T11:00:00Z",
        "*/15 * * * *         | 2026-01-10T10:07:00Z           | UTC           | 2026-01-10T10:15:00Z",
        "30 6 * * MON-FRI     | 2026-01-09T07:00:00+01:00      | Europe/Oslo   | 2026-01-12T06:30:00+01:00",
        "0 0 31 * *           | 2026-01-31T00:00:00Z           | UTC           | 2026-03-31T00:00:00Z",
        "0 0 29 2 *           | 2026-01-01T00:00:00Z           | UTC           | 2028-02-29T00:00:00Z",
        "@weekly              | 2026-01-01T00:00:00Z           | UTC           | 2026-01-04T00:00:00Z",
        "@yearly              | 2026-01-01T00:00:00Z           | UTC           | 2027-01-01T00:00:00Z",
        // both day fields restricted: either may match (2026-01-02 is a Friday)
        "0 0 13 * FRI         | 2026-01-01T00:00:00Z           | UTC           | 2026-01-02T00:00:00Z",
        // one day field is a star: both must match
        "0 0 * * FRI          | 2026-01-03T00:00:00Z           | UTC           | 2026-01-09T00:00:00Z",
        // */1 keeps the star, so Mondays only; 1-31 does not, so every day
        "0 0 */1 * MON        | 2026-01-01T00:00:00Z           | UTC           | 2026-01-05T00:00:00Z",
        "0 0 1-31 * MON       | 2026-01-01T00:00:00Z           | UTC           | 2026-01-02T00:00:00Z",
        "@every 1h30m         | 2026-01-10T10:00:00.700Z       | UTC           | 2026-01-10T11:30:00Z",
        "@every 500ms         | 2026-01-10T10:00:00Z           | UTC           | 2026-01-10T10:00:01Z",
        // CRON_TZ in the schedule wins over the zone passed in
        "CRON_TZ=Asia/Tokyo 0 9 * * * | 2026-01-09T12:00:00Z   | Europe/Oslo   | 2026-01-10T00:00:00Z",
    })
    void nextRunIsTheFirstMatchingTimeAfter(String schedule, String after, String zone, String expected)
            throws CronSyntaxException {
        assertEquals(Instant.parse(expected.replace("+01:00", "").length() == expected.length()
                ? expected : at(expected).toInstant().toString()), next(schedule, after, ZoneId.of(zone)));
    }

    @Test
    void scheduleThatCanNeverRunHasNoNextTime() throws CronSyntaxException {
        assertEquals(Optional.empty(), CronSchedule.parse("0 0 30 2 *").next(at("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void nextIsExpressedInTheZoneItWasEvaluatedIn() throws CronSyntaxException {
        ZonedDateTime next = CronSchedule.parse("0 2 * * *").next(at("2026-06-01T00:00:00Z"), OSLO).orElseThrow();
        assertEquals(at("2026-06-02T02:00:00+02:00[Europe/Oslo]"), next);
    }

    // --- daylight saving time, as robfig's Next() does it ---------------------------------------

    @Test
    void springForwardSkipsAJobInTheMissingHour() throws CronSyntaxException {
        // Oslo 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day.
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), next("30 2 * * *", "2026-03-28T02:30:00+01:00", OSLO));
    }

    @Test
    void springForwardKeepsHourlyJobsOnTheHour() throws CronSyntaxException {
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), next("0 * * * *", "2026-03-29T01:00:00+01:00", OSLO));
    }

    @Test
    void fallBackRunsAJobInTheRepeatedHourTwice() throws CronSyntaxException {
        // Oslo 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
        CronSchedule schedule = CronSchedule.parse("30 2 * * *");
        List<Instant> runs = schedule.between(at("2026-10-24T12:00:00Z"), at("2026-10-27T00:00:00Z"), OSLO, 10)
                .stream().map(ZonedDateTime::toInstant).toList();
        assertEquals(List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-10-26T01:30:00Z")), runs);
    }

    @Test
    void fallBackRunsAnHourlyJobInBothCopiesOfTheRepeatedHour() throws CronSyntaxException {
        CronSchedule schedule = CronSchedule.parse("0 * * * *");
        List<Instant> runs = schedule.between(at("2026-10-25T00:00:00Z"), at("2026-10-25T03:00:00Z"), OSLO, 10)
                .stream().map(ZonedDateTime::toInstant).toList();
        assertEquals(List.of(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z")), runs);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // robfig/cron spec_test.go TestNext, daylight-saving cases (America/New_York)
        "30 2 11 3 *  | 2012-03-11T00:00:00-05:00 | 2013-03-11T02:30:00-04:00",
        "30 2 4 11 *  | 2012-11-04T00:00:00-04:00 | 2012-11-04T02:30:00-05:00",
        "30 1 4 11 *  | 2012-11-04T01:45:00-04:00 | 2012-11-04T01:30:00-05:00",
    })
    void agreesWithRobfigsOwnDaylightSavingTests(String schedule, String after, String expected)
            throws CronSyntaxException {
        assertEquals(at(expected).toInstant(), next(schedule, after, NEW_YORK));
    }

    // --- found by the cron oracle against robfig/cron v3.0.1 (e2e/oracles/cron.sh) -------------
    // Expected values are robfig's answers (e2e/oracles/cron, Go 1.26, tzdata 2025c).

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // parser.go mustParseInt is strconv.Atoi (int64) and getBits adds in uint64, so a step up
        // to 2^63-1 is accepted and keeps the first value of the range only.
        "*/9223372036854775807 * * * *      | 2026-01-01T00:00:30Z | 2026-01-01T01:00:00Z",
        "0 9-17/4611686018427387904 * * *   | 2026-01-01T00:00:30Z | 2026-01-01T09:00:00Z",
    })
    void acceptsAStepAsLargeAsGosAtoiTakes(String schedule, String after, String expected) throws CronSyntaxException {
        assertEquals(Instant.parse(expected), next(schedule, after, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/9223372036854775808 * * * *  | field 1 (minute): 9223372036854775808 is out of range 0-59",
        "0 4611686018427387904 * * *    | field 2 (hour): 4611686018427387904 is out of range 0-23",
    })
    void rejectsNumbersBeyondGosAtoiOrTheFieldsRange(String schedule, String message) {
        CronSyntaxException e = assertThrows(CronSyntaxException.class, () -> CronSchedule.parse(schedule));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // tzdata "backward" links java.time leaves out (EST -> America/Panama since tzdata 2024b, ...)
        "EST     | 2026-07-01T07:00:00Z",
        "MST     | 2026-07-01T09:00:00Z",
        "HST     | 2026-07-01T12:00:00Z",
        "GMT+0   | 2026-07-01T02:00:00Z",
        "GMT-0   | 2026-07-01T02:00:00Z",
        "ROC     | 2026-07-01T18:00:00Z",
        "Factory | 2026-07-01T02:00:00Z",
    })
    void loadsTheZoneNamesGoLoads(String zone, String expected) throws CronSyntaxException {
        assertEquals(Instant.parse(expected), next("CRON_TZ=" + zone + " 0 2 * * *", "2026-07-01T00:00:00Z", ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SystemV/EST5", "SystemV/AST4ADT", "+02:00", "GMT+2", "utc", "europe/oslo"})
    void rejectsZoneNamesGoDoesNotLoad(String zone) {
        CronSyntaxException e = assertThrows(CronSyntaxException.class,
                () -> CronSchedule.parse("CRON_TZ=" + zone + " 0 2 * * *"));
        assertEquals("CRON_TZ=: unknown time zone '" + zone + "'; use an IANA name such as Europe/Oslo or UTC", e.getMessage());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // robfig-like spinning ignores interrupts
    void stopsWhereRobfigNeverReturns() throws CronSyntaxException {
        // Pacific/Kiritimati went from -10 to +14 and skipped 1994-12-31. Go's time.Date puts that
        // day's midnight on the midnight before, so AddDate(0, 0, 1) stands still and spec.go's day
        // loop spins for ever: robfig never answers.
        CronSchedule schedule = CronSchedule.parse("CRON_TZ=Pacific/Kiritimati 0 0 31 * *");
        ZonedDateTime after = at("1994-12-30T00:00:00-10:00");
        assertEquals(Optional.empty(), schedule.next(after, ZoneOffset.UTC));
        assertTrue(schedule.outcome(after, ZoneOffset.UTC).neverReturns());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CRON_TZ=Pacific/Kiritimati 0 0 31 * * | 1995-01-01T00:00:00+14:00 | 1995-01-30T10:00:00Z",
        "CRON_TZ=Pacific/Kiritimati @daily     | 1994-12-30T12:00:00-10:00 | 1994-12-31T10:00:00Z",
        "CRON_TZ=Pacific/Apia 0 0 * * *        | 2011-12-28T12:00:00-10:00 | 2011-12-29T10:00:00Z",
        "CRON_TZ=Pacific/Apia 0 0 * * *        | 2011-12-29T00:00:00-10:00 | 2011-12-30T10:00:00Z",
    })
    void answersAsRobfigDoesAroundASkippedDayWhereItReturns(String schedule, String after, String expected)
            throws CronSyntaxException {
        assertEquals(Instant.parse(expected), next(schedule, after, ZoneOffset.UTC));
    }

    // --- spec.timezone, as the controller prefixes it ---------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // schedule                     | spec.timezone    | robfig's next run after 2026-07-01T00:00:00Z
        "0 2 * * *                      | Europe/Oslo      | 2026-07-02T00:00:00Z",
        "0 2 * * *                      | 'Europe/Oslo '   | 2026-07-02T00:00:00Z",
        "0 2 * * *                      | ''               | 2026-07-01T02:00:00Z",
        "0 2 * * *                      | Local            | 2026-07-01T02:00:00Z",
        "CRON_TZ=Asia/Tokyo 0 2 * * *   | ''               | 2026-07-01T17:00:00Z",
    })
    void runsInSpecTimezoneAsTheControllerPrefixesIt(String schedule, String timezone, String expected)
            throws CronSyntaxException {
        ZonedDateTime after = at("2026-07-01T00:00:00Z");
        assertEquals(Instant.parse(expected),
                CronSchedule.parse(schedule, timezone).next(after, ZoneOffset.UTC).orElseThrow().toInstant());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // robfig sees the second prefix, or the zone after the space, as a sixth field
        "CRON_TZ=Asia/Tokyo 0 2 * * *   | Europe/Oslo      | expected 5 fields",
        "0 2 * * *                      | ' Europe/Oslo'   | expected 5 fields",
        "0 2 * * *                      | +02:00           | CRON_TZ=: unknown time zone '+02:00'",
    })
    void rejectsWhatTheControllerCannotScheduleWithSpecTimezone(String schedule, String timezone, String message) {
        CronSyntaxException e = assertThrows(CronSyntaxException.class, () -> CronSchedule.parse(schedule, timezone));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    // --- between ----------------------------------------------------------------------------------

    @Test
    void thirtyDaysOfADailyJobAreThirtyRuns() throws CronSyntaxException {
        List<ZonedDateTime> runs = CronSchedule.parse("0 2 * * *")
                .between(at("2026-01-01T00:00:00+01:00"), at("2026-01-31T00:00:00+01:00"), OSLO, 1000);
        assertEquals(30, runs.size());
        assertEquals(at("2026-01-01T02:00:00+01:00").toInstant(), runs.get(0).toInstant());
        assertEquals(at("2026-01-30T02:00:00+01:00").toInstant(), runs.get(29).toInstant());
    }

    @Test
    void betweenIncludesTheStartAndExcludesTheEnd() throws CronSyntaxException {
        List<ZonedDateTime> runs = CronSchedule.parse("0 2 * * *")
                .between(at("2026-01-01T02:00:00Z"), at("2026-01-03T02:00:00Z"), ZoneOffset.UTC, 10);
        assertEquals(List.of(Instant.parse("2026-01-01T02:00:00Z"), Instant.parse("2026-01-02T02:00:00Z")),
                runs.stream().map(ZonedDateTime::toInstant).toList());
    }

    @Test
    void betweenStopsAtMax() throws CronSyntaxException {
        assertEquals(5, CronSchedule.parse("* * * * *")
                .between(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), ZoneOffset.UTC, 5).size());
    }

    @Test
    void betweenCountsEveryIntervalsFromTheStart() throws CronSyntaxException {
        List<ZonedDateTime> runs = CronSchedule.parse("@every 1h30m")
                .between(at("2026-01-01T00:00:00Z"), at("2026-01-01T06:00:00Z"), ZoneOffset.UTC, 100);
        assertEquals(List.of("01:30", "03:00", "04:30"),
                runs.stream().map(t -> t.toLocalTime().toString()).toList());
    }

    // --- describe ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 2 * * *                    | at 02:00 every day",
        "*/15 * * * *                 | every 15 minutes",
        "* * * * *                    | every minute",
        "30 6 * * MON-FRI             | at 06:30 on Monday to Friday",
        "0 0 1 * *                    | at 00:00 on day 1 of the month",
        "@every 1h30m                 | every 1h30m",
        "@every 90s                   | every 1m30s",
        "@hourly                      | every hour at minute 0",
        "0 */6 * * *                  | every 6 hours at minute 0",
        "0 9,17 * * *                 | at 09:00 and 17:00 every day",
        "0 9 1,15 * MON               | at 09:00 on days 1 and 15 of the month or on Monday",
        "0 0 1 1 *                    | at 00:00 on day 1 of the month in January",
        "*/10 9-17 * * *              | every 10 minutes during hours 9 to 17",
        "CRON_TZ=Europe/Oslo 0 2 * * * | at 02:00 every day (Europe/Oslo time)",
    })
    void describesTheScheduleInWords(String schedule, String words) throws CronSyntaxException {
        assertEquals(words, CronSchedule.parse(schedule).describe());
    }

    // --- property: next(t) is after t and matches every field in the zone ---------------------

    /** One comma item with the set of values it stands for, computed here independently of the parser. */
    record Item(String text, TreeSet<Integer> values, boolean star) {
    }

    record Field(String text, TreeSet<Integer> values, boolean star) {
    }

    record Generated(Field minute, Field hour, Field dom, Field month, Field dow) {
        String text() {
            return String.join(" ", minute.text, hour.text, dom.text, month.text, dow.text);
        }

        /**
         * Whether the schedule runs at this minute of the zone's clock, by the fields alone. The day
         * rule is robfig's (spec.go dayMatches), the same as Vixie cron's: when either day field is a
         * star, both must match, otherwise either may.
         */
        boolean matches(ZonedDateTime t) {
            boolean days = dom.star || dow.star ? domMatches(t) && dowMatches(t) : domMatches(t) || dowMatches(t);
            return t.getSecond() == 0 && t.getNano() == 0 && minute.values.contains(t.getMinute())
                    && hour.values.contains(t.getHour()) && month.values.contains(t.getMonthValue()) && days;
        }

        private boolean domMatches(ZonedDateTime t) {
            return dom.values.contains(t.getDayOfMonth());
        }

        private boolean dowMatches(ZonedDateTime t) {
            return dow.values.contains(t.getDayOfWeek().getValue() % 7);
        }
    }

    private static Arbitrary<Item> item(int min, int max) {
        Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
        Arbitrary<Integer> step = Arbitraries.integers().between(1, Math.max(1, (max - min) / 2));
        Arbitrary<Item> star = Arbitraries.of("*", "?").map(s -> new Item(s, range(min, max, 1), true));
        Arbitrary<Item> starStep = step.map(n -> new Item("*/" + n, range(min, max, n), n == 1));
        Arbitrary<Item> single = value.map(v -> new Item(Integer.toString(v), range(v, v, 1), false));
        Arbitrary<Item> span = Combinators.combine(value, value, step).as((a, b, n) -> {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            return new Item(lo + "-" + hi + "/" + n, range(lo, hi, n), false);
        });
        return Arbitraries.oneOf(star, starStep, single, single, span);
    }

    private static Arbitrary<Field> field(int min, int max) {
        return item(min, max).list().ofMinSize(1).ofMaxSize(3).map(items -> {
            TreeSet<Integer> values = new TreeSet<>();
            items.forEach(i -> values.addAll(i.values));
            return new Field(items.stream().map(Item::text).collect(Collectors.joining(",")), values,
                    items.stream().anyMatch(Item::star));
        });
    }

    private static TreeSet<Integer> range(int from, int to, int step) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int i = from; i <= to; i += step) {
            values.add(i);
        }
        return values;
    }

    @Provide
    Arbitrary<Generated> schedules() {
        return Combinators.combine(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6))
                .as(Generated::new);
    }

    @Provide
    Arbitrary<ZonedDateTime> starts() {
        // Zones whose clock changes are whole hours away from midnight, where robfig's walk is exact.
        Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "Europe/Oslo", "America/New_York", "Australia/Sydney",
                "Asia/Kolkata").map(ZoneId::of);
        Arbitrary<Long> seconds = Arbitraries.longs().between(
                Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        return Combinators.combine(seconds, nanos, zones).as((s, n, z) -> Instant.ofEpochSecond(s, n).atZone(z));
    }

    @Property(tries = 400)
    void nextIsLaterAndMatchesEveryField(@ForAll("schedules") Generated g, @ForAll("starts") ZonedDateTime start)
            throws CronSyntaxException {
        Optional<ZonedDateTime> next = CronSchedule.parse(g.text()).next(start, start.getZone());
        if (next.isEmpty()) {
            return; // e.g. day 31 only in months that have 30 days: robfig finds nothing either
        }
        ZonedDateTime t = next.get();
        String where = g.text() + " after " + start + " gave " + t;
        assertTrue(t.isAfter(start), where);
        assertTrue(g.matches(t), where);
    }

    /**
     * A cron schedule is the set of minutes whose clock reading matches its fields: so the runs in a
     * window are every whole minute of it that matches, read on the zone's clock, found here by
     * looking at each minute in turn. A minute the clock skips in spring is never read; a repeated
     * hour in autumn is read twice, as robfig runs it twice (fallBackRuns... above).
     */
    @Property(tries = 100)
    void betweenListsEveryMatchingMinuteOfTheWindow(@ForAll("schedules") Generated g, @ForAll("starts") ZonedDateTime start)
            throws CronSyntaxException {
        ZonedDateTime end = start.plusDays(3);
        List<Instant> runs = CronSchedule.parse(g.text()).between(start, end, start.getZone(), 50).stream()
                .map(ZonedDateTime::toInstant).toList();
        List<Instant> expected = new ArrayList<>();
        Instant minute = start.toInstant().truncatedTo(ChronoUnit.MINUTES);
        minute = minute.isBefore(start.toInstant()) ? minute.plus(1, ChronoUnit.MINUTES) : minute;
        for (; minute.isBefore(end.toInstant()) && expected.size() < 50; minute = minute.plus(1, ChronoUnit.MINUTES)) {
            if (g.matches(minute.atZone(start.getZone()))) {
                expected.add(minute);
            }
        }
        assertEquals(expected, runs, g.text() + " from " + start + " in " + start.getZone());
    }
}
