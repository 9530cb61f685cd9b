package dev.argogke.plan;

import dev.argogke.workflows.cron.CronSchedule;
import dev.argogke.workflows.cron.CronSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CronWorkflow's schedule, time zone, concurrency and suspension in words, and what a change to
 * them means: "runs at 02:00 every day (Europe/Oslo) instead of 01:00".
 */
final class ScheduleWords {
    private ScheduleWords() {
    }

    /** The sentences describing how {@code after} differs from {@code before} (CronWorkflow specs). */
    static List<String> changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        String whenBefore = when(before);
        String whenAfter = when(after);
        String zoneBefore = zone(before);
        String zoneAfter = zone(after);
        if (!whenBefore.equals(whenAfter) || !zoneBefore.equals(zoneAfter)) {
            if (whenBefore.equals(whenAfter)) {
                out.add("runs " + whenAfter + " in " + zoneAfter + " time instead of " + zoneBefore);
            } else if (zoneBefore.equals(zoneAfter)) {
                out.add("runs " + whenAfter + " (" + zoneAfter + ") instead of " + shortened(whenBefore, whenAfter));
            } else {
                out.add("runs " + whenAfter + " (" + zoneAfter + ") instead of " + whenBefore + " (" + zoneBefore + ")");
            }
        }
        String concurrencyBefore = concurrency(before);
        String concurrencyAfter = concurrency(after);
        if (!concurrencyBefore.equals(concurrencyAfter)) {
            out.add("concurrency " + concurrencyPolicy(after) + " instead of " + concurrencyPolicy(before)
                    + ": " + concurrencyAfter);
        }
        boolean suspendedBefore = Boolean.TRUE.equals(before.get("suspend"));
        boolean suspendedAfter = Boolean.TRUE.equals(after.get("suspend"));
        if (suspendedBefore != suspendedAfter) {
            out.add(suspendedAfter ? "now suspended: no scheduled runs" : "no longer suspended: scheduled runs start again");
        }
        return out;
    }

    /** One sentence for a new or a removed CronWorkflow. */
    static String summary(Map<String, Object> spec) {
        String s = "runs " + when(spec) + " (" + zone(spec) + "); " + concurrency(spec);
        return Boolean.TRUE.equals(spec.get("suspend")) ? s + "; suspended" : s;
    }

    /** All schedules in words, joined with "and". */
    static String when(Map<String, Object> spec) {
        List<String> schedules = new ArrayList<>();
        if (spec.get("schedules") instanceof List<?> list) {
            for (Object o : list) {
                schedules.add(describe(o));
            }
        } else if (spec.get("schedule") != null) {
            schedules.add(describe(spec.get("schedule")));
        }
        return schedules.isEmpty() ? "on no schedule" : String.join(" and ", schedules);
    }

    private static String describe(Object schedule) {
        if (PlanValues.isUnknown(schedule)) {
            return "(known after deploy)";
        }
        if (!(schedule instanceof String s)) {
            return String.valueOf(schedule);
        }
        try {
            return CronSchedule.parse(s).describe();
        } catch (CronSyntaxException e) {
            return "on \"" + s + "\" (not a valid schedule: " + e.getMessage() + ")";
        }
    }

    /** The zone name; Argo evaluates a schedule without one in the controller's zone (UTC in its image). */
    private static String zone(Map<String, Object> spec) {
        Object tz = spec.get("timezone");
        return tz instanceof String s && !s.isEmpty() ? s : "controller time zone, usually UTC";
    }

    private static String concurrencyPolicy(Map<String, Object> spec) {
        return Objects.toString(spec.get("concurrencyPolicy"), "Allow");
    }

    /** Argo v4.1 CronWorkflowSpec.concurrencyPolicy: Allow (default), Forbid, Replace. */
    private static String concurrency(Map<String, Object> spec) {
        return switch (concurrencyPolicy(spec)) {
            case "Allow" -> "overlapping runs allowed";
            case "Forbid" -> "skips a run while the previous one is still running";
            case "Replace" -> "a new run stops the one still running";
            default -> "concurrency policy " + spec.get("concurrencyPolicy");
        };
    }

    /** {@code old} without the words it shares with {@code now} at both ends, when something is left. */
    private static String shortened(String old, String now) {
        List<String> a = Arrays.asList(old.split(" "));
        List<String> b = Arrays.asList(now.split(" "));
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> middle = a.subList(prefix, a.size() - suffix);
        return middle.isEmpty() ? old : String.join(" ", middle);
    }
}
