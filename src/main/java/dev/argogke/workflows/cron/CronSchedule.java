package dev.argogke.workflows.cron;

import dev.argogke.names.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a CronWorkflow's {@code spec.schedules}, read exactly as Argo v4.1 reads it.
 *
 * <p>Argo validates each schedule with robfig/cron v3.0.1 {@code cron.ParseStandard}
 * (workflow/validate/validate.go, ValidateCronWorkflow) and the controller schedules it with
 * {@code cron.New()}, whose default parser is the same (workflow/cron/cron_facade.go). So the
 * dialect is robfig's standard one: an optional {@code CRON_TZ=zone } or {@code TZ=zone } prefix,
 * then either a descriptor ({@code @yearly @annually @monthly @weekly @daily @midnight @hourly},
 * {@code @every <Go duration>}) or exactly five fields. There is no seconds field, no {@code L},
 * {@code W} or {@code #}, and day-of-week 7 is out of range.
 *
 * <p>The controller prefixes {@code CRON_TZ=<spec.timezone> } to each schedule
 * (CronWorkflowSpec.withTimezone in pkg/apis/workflow/v1alpha1/cron_workflow_types.go), so callers
 * that schedule a CronWorkflow use {@link #parse(String, String)}, which does the same; validation
 * parses the schedule without it ({@link #parse(String)}). The {@code zone} of {@link #next} is
 * the controller's local zone, used where no time zone is set (UTC in Argo's images).
 * e2e/oracles/cron.sh compares all this with robfig/cron itself on 100,000 random cases.
 */
public final class CronSchedule {
    private static final String EVERY = "@every ";

    private final String expression;
    /** The zone of a CRON_TZ=/TZ= prefix; empty when absent or "Local" (the controller's own zone). */
    private final Optional<ZoneId> prefixZone;
    private final String prefixZoneName;
    private final Spec spec;
    private final Duration every;

    /** The five fields as bit sets; seconds are always 0 in the standard dialect. */
    record Spec(FieldSet minute, FieldSet hour, FieldSet dayOfMonth, FieldSet month, FieldSet dayOfWeek) {
        /**
         * robfig spec.go dayMatches: if either day field was written with a star ({@code *}, {@code ?},
         * {@code * /1}), both must match; otherwise either may (Vixie cron's OR rule).
         */
        boolean dayMatches(LocalDateTime wall) {
            boolean dom = dayOfMonth.has(wall.getDayOfMonth());
            boolean dow = dayOfWeek.has(wall.getDayOfWeek().getValue() % 7);
            return dayOfMonth.star() || dayOfWeek.star() ? dom && dow : dom || dow;
        }
    }

    private CronSchedule(String expression, Optional<ZoneId> prefixZone, String prefixZoneName, Spec spec, Duration every) {
        this.expression = expression;
        this.prefixZone = prefixZone;
        this.prefixZoneName = prefixZoneName;
        this.spec = spec;
        this.every = every;
    }

    /**
     * One entry of spec.schedules as Argo's controller schedules it with spec.timezone: it writes
     * {@code CRON_TZ=<timezone> } in front when the timezone is set (CronWorkflowSpec.withTimezone,
     * pkg/apis/workflow/v1alpha1/cron_workflow_types.go @ v4.1.2) and parses that with
     * cron.ParseStandard. So a schedule that carries its own CRON_TZ= is rejected when spec.timezone
     * is set (robfig then sees six fields), and the zone ends at its first space.
     */
    public static CronSchedule parse(String schedule, String timezone) throws CronSyntaxException {
        if (timezone.isEmpty()) {
            return parse(schedule);
        }
        try {
            return read(schedule, "CRON_TZ=" + timezone + " " + schedule);
        } catch (CronSyntaxException e) {
            if (schedule.startsWith("TZ=") || schedule.startsWith("CRON_TZ=")) {
                throw new CronSyntaxException(e.getMessage() + ": spec.timezone is set, so Argo's controller puts"
                        + " CRON_TZ=" + timezone + " in front of the schedule's own time zone; keep only one of them");
            }
            throw e;
        }
    }

    /** Parses one schedule line as Argo v4.1 does (robfig/cron v3.0.1 parser.go, Parser.Parse). */
    public static CronSchedule parse(String expression) throws CronSyntaxException {
        return read(expression, expression);
    }

    /** Parses {@code text}; {@code expression} is the schedule as the user wrote it, for messages and lists. */
    private static CronSchedule read(String expression, String text) throws CronSyntaxException {
        if (text == null || text.isEmpty()) {
            throw new CronSyntaxException("the schedule is empty; expected 5 fields (minute hour day-of-month"
                    + " month day-of-week) or a descriptor such as @daily");
        }
        String rest = text;
        Optional<ZoneId> zone = Optional.empty();
        String zoneName = null;
        if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
            int space = rest.indexOf(' ');
            int equals = rest.indexOf('=');
            String prefix = rest.substring(0, equals);
            if (space < 0) {
                // robfig v3.0.1 slices with index -1 here and panics; Argo cannot accept it either.
                throw new CronSyntaxException(prefix + "=: put a space between the time zone and the schedule, e.g. "
                        + "'" + prefix + "=Europe/Oslo 0 2 * * *'");
            }
            zoneName = rest.substring(equals + 1, space);
            zone = loadLocation(prefix, zoneName);
            rest = GoStrings.trimSpace(rest.substring(space));
        }
        if (rest.startsWith("@")) {
            return parseDescriptor(expression, rest, zone, zoneName);
        }
        List<String> fields = GoStrings.fields(rest);
        if (fields.size() != 5) {
            throw new CronSyntaxException("expected 5 fields (minute hour day-of-month month day-of-week), found "
                    + fields.size() + (fields.size() == 6 && !fields.get(0).contains("=") ? "; Argo's cron has no seconds field" : ""));
        }
        Spec spec = new Spec(CronField.MINUTE.parse(fields.get(0)), CronField.HOUR.parse(fields.get(1)),
                CronField.DAY_OF_MONTH.parse(fields.get(2)), CronField.MONTH.parse(fields.get(3)),
                CronField.DAY_OF_WEEK.parse(fields.get(4)));
        return new CronSchedule(expression, zone, zoneName, spec, null);
    }

    /** Go's time.LoadLocation (see {@link TimeZones#cronWorkflowZone}); "Local" is the time's own zone in robfig's Next. */
    private static Optional<ZoneId> loadLocation(String prefix, String name) throws CronSyntaxException {
        if (name.equals("Local")) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = TimeZones.cronWorkflowZone(name);
        if (zone.isEmpty()) {
            throw new CronSyntaxException(prefix + "=: unknown time zone '" + name
                    + "'; use an IANA name such as Europe/Oslo or UTC");
        }
        return zone;
    }

    /** robfig/cron v3.0.1 parser.go parseDescriptor: exact, case-sensitive names; constantdelay.go Every. */
    private static CronSchedule parseDescriptor(String expression, String descriptor, Optional<ZoneId> zone, String zoneName)
            throws CronSyntaxException {
        CronField m = CronField.MINUTE;
        CronField h = CronField.HOUR;
        CronField dom = CronField.DAY_OF_MONTH;
        CronField mon = CronField.MONTH;
        CronField dow = CronField.DAY_OF_WEEK;
        Spec spec = switch (descriptor) {
            case "@yearly", "@annually" -> new Spec(m.only(0), h.only(0), dom.only(1), mon.only(1), dow.all());
            case "@monthly" -> new Spec(m.only(0), h.only(0), dom.only(1), mon.all(), dow.all());
            case "@weekly" -> new Spec(m.only(0), h.only(0), dom.all(), mon.all(), dow.only(0));
            case "@daily", "@midnight" -> new Spec(m.only(0), h.only(0), dom.all(), mon.all(), dow.all());
            case "@hourly" -> new Spec(m.only(0), h.all(), dom.all(), mon.all(), dow.all());
            default -> null;
        };
        if (spec != null) {
            return new CronSchedule(expression, zone, zoneName, spec, null);
        }
        if (descriptor.startsWith(EVERY)) {
            String text = descriptor.substring(EVERY.length());
            Long nanos = GoDuration.parseNanos(text);
            if (nanos == null) {
                throw new CronSyntaxException("@every: '" + text + "' is not a duration; write it as Go does, "
                        + "e.g. 90s, 15m or 1h30m (units h, m, s, ms; no days)");
            }
            // Every(): at least one second, and whole seconds only (robfig constantdelay.go).
            long seconds = Math.max(1, Math.floorDiv(nanos, 1_000_000_000L));
            return new CronSchedule(expression, zone, zoneName, null, Duration.ofSeconds(seconds));
        }
        throw new CronSyntaxException("unknown descriptor '" + descriptor + "'; expected @yearly, @annually, "
                + "@monthly, @weekly, @daily, @midnight, @hourly or @every <duration>");
    }

    public String expression() {
        return expression;
    }

    /**
     * The first run time strictly after {@code after}, evaluated in {@code zone} (the CronWorkflow's
     * timezone) unless the schedule carries its own CRON_TZ=, or empty if none within ~5 years.
     * The result is expressed in the zone the schedule was evaluated in. Also empty where robfig
     * never returns at all (a skipped local day, see {@link SpecNext}).
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        return outcome(after, zone).time().map(t -> t.atZone(prefixZone.orElse(zone)));
    }

    /** What robfig's Next does for this schedule, including whether it returns at all. */
    SpecNext.Outcome outcome(ZonedDateTime after, ZoneId zone) {
        ZoneId effective = prefixZone.orElse(zone);
        Instant start = after.toInstant();
        if (every != null) {
            // ConstantDelaySchedule.Next: t + delay, with t's fraction of a second dropped.
            return new SpecNext.Outcome(Optional.of(GoClock.truncate(start, 1).plus(every)), false);
        }
        return SpecNext.walk(spec, start, new GoClock(effective));
    }

    /**
     * All run times t with fromInclusive <= t < toExclusive, in order, at most {@code max}.
     * For {@code @every}, which has no calendar, times are counted from {@code fromInclusive} as the
     * controller counts them from the moment it loads the schedule: from + d, from + 2d, ...
     */
    public List<ZonedDateTime> between(ZonedDateTime fromInclusive, ZonedDateTime toExclusive, ZoneId zone, int max) {
        List<ZonedDateTime> times = new ArrayList<>();
        Optional<ZonedDateTime> t = every != null
                ? next(fromInclusive, zone)
                : next(fromInclusive.minusNanos(1), zone);
        while (times.size() < max && t.isPresent() && t.get().isBefore(toExclusive)) {
            times.add(t.get());
            t = next(t.get(), zone);
        }
        return times;
    }

    /** In words for people, e.g. "at 02:00 every day", "every 15 minutes", "every 1h30m". */
    public String describe() {
        String words = every != null
                ? "every " + GoDuration.format(every)
                : CronDescription.of(spec);
        return prefixZoneName == null ? words : words + " (" + (prefixZoneName.isEmpty() ? "UTC" : prefixZoneName) + " time)";
    }

    @Override
    public String toString() {
        return expression;
    }
}
