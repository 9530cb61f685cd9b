package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.workflows.cron.CronSchedule;
import dev.argogke.workflows.cron.CronSyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All schedule lines of one CronWorkflow taken together: run times merged in time order, each time once. */
final class Schedules {
    private final String cronName;
    private final List<CronSchedule> lines;
    private final ZoneId zone;

    private Schedules(String cronName, List<CronSchedule> lines, ZoneId zone) {
        this.cronName = cronName;
        this.lines = lines;
        this.zone = zone;
    }

    static Schedules of(CronWorkflowInfo cron) {
        List<CronSchedule> lines = new ArrayList<>();
        for (int i = 0; i < cron.schedules().size(); i++) {
            String expression = cron.schedules().get(i);
            try {
                lines.add(CronSchedule.parse(expression, cron.timezone()));
            } catch (CronSyntaxException e) {
                throw new UserError("CronWorkflow " + cron.name() + ": spec.schedules[" + i + "] '" + expression
                        + "': " + e.getMessage());
            }
        }
        return new Schedules(cron.name(), lines, cron.zone());
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The next {@code count} run times after {@code now}, over all lines. */
    List<ZonedDateTime> next(Instant now, int count) {
        TreeMap<Instant, ZonedDateTime> times = new TreeMap<>();
        for (CronSchedule line : lines) {
            ZonedDateTime after = now.atZone(zone);
            for (int i = 0; i < count; i++) {
                Optional<ZonedDateTime> t = line.next(after, zone);
                if (t.isEmpty()) {
                    break;
                }
                times.putIfAbsent(t.get().toInstant(), t.get());
                after = t.get();
            }
        }
        return times.values().stream().limit(count).toList();
    }

    /**
     * Run times in [from, to), over all lines, at most {@code max} per line; a time two lines share
     * comes once (Argo would start it twice under the same name, and the second create fails).
     */
    List<ScheduledTime> between(ZonedDateTime from, ZonedDateTime to, int max) {
        Map<Instant, ScheduledTime> times = new TreeMap<>();
        for (CronSchedule line : lines) {
            for (ZonedDateTime t : line.between(from, to, zone, max)) {
                times.merge(t.toInstant(), new ScheduledTime(t, List.of(line.expression())),
                        (a, b) -> new ScheduledTime(a.time(), concat(a.schedules(), b.schedules())));
            }
        }
        return List.copyOf(times.values());
    }

    ZoneId zone() {
        return zone;
    }

    String cronName() {
        return cronName;
    }

    /** One run time and the schedule lines that produce it. */
    record ScheduledTime(ZonedDateTime time, List<String> schedules) {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
