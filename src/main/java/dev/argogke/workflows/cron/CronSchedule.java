package dev.argogke.workflows.cron;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * pass spec.timezone as the {@code zone} of {@link #next}; a {@code CRON_TZ=} written in the schedule
 * itself wins over it here, as it does in robfig when no spec.timezone is set.
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

    /** Parses one schedule line as Argo v4.1 does (robfig/cron v3.0.1 parser.go, Parser.Parse). */
    public static CronSchedule parse(String expression) throws CronSyntaxException {
        if (expression == null || expression.isEmpty()) {
            throw new CronSyntaxException("the schedule is empty; expected 5 fields (minute hour day-of-month"
                    + " month day-of-week) or a descriptor such as @daily");
        }
        String rest = expression;
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
                    + fields.size() + (fields.size() == 6 ? "; Argo's cron has no seconds field" : ""));
        }
        Spec spec = new Spec(CronField.MINUTE.parse(fields.get(0)), CronField.HOUR.parse(fields.get(1)),
                CronField.DAY_OF_MONTH.parse(fields.get(2)), CronField.MONTH.parse(fields.get(3)),
                CronField.DAY_OF_WEEK.parse(fields.get(4)));
        return new CronSchedule(expression, zone, zoneName, spec, null);
    }

    /** Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the machine's zone, otherwise an IANA name. */
    private static Optional<ZoneId> loadLocation(String prefix, String name) throws CronSyntaxException {
        if (name.isEmpty() || name.equals("UTC")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (name.equals("Local")) {
            return Optional.empty();
        }
        // java.time also accepts offsets such as "+02:00" or "GMT+2", which Go does not.
        if (ZoneId.getAvailableZoneIds().contains(name)) {
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                // fall through to the error below
            }
        }
        throw new CronSyntaxException(prefix + "=: unknown time zone '" + name
                + "'; use an IANA name such as Europe/Oslo or UTC");
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
     * The result is expressed in the zone the schedule was evaluated in.
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        ZoneId effective = prefixZone.orElse(zone);
        Instant start = after.toInstant();
        if (every != null) {
            // ConstantDelaySchedule.Next: t + delay, with t's fraction of a second dropped.
            return Optional.of(GoClock.truncate(start, 1).plus(every).atZone(effective));
        }
        return SpecNext.next(spec, start, new GoClock(effective)).map(t -> t.atZone(effective));
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
