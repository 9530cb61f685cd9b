package dev.argogke.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code status} output for event-driven workflows, after the CronWorkflows: a table for people, JSON for tools. */
public final class EventStatusFormat {
    private static final List<String> HEADERS = List.of("SENSOR", "WAITS FOR", "STARTS", "LAST TRIGGER", "DRIFT");

    private EventStatusFormat() {
    }

    /** Nothing when there are no event-driven workflows (Argo Events not installed, no Sensor in the repository). */
    public static String table(EventStatus.Report report) {
        if (report.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nEvent-driven workflows: Sensors in namespace ").append(report.namespace());
        if (report.problem().isPresent()) {
            return out.append(": ").append(report.problem().get()).append('\n').toString();
        }
        out.append(report.installed() ? "" : " (Argo Events is not installed on this cluster)").append('\n');
        List<List<List<String>>> rows = new ArrayList<>();
        rows.add(HEADERS.stream().map(List::of).toList());
        for (EventStatus.SensorStatus s : report.sensors()) {
            rows.add(List.of(List.of(s.name()), orDash(s.waitsFor()), orDash(s.starts()), lastTrigger(s),
                    StatusFormat.drift(s.drift())));
        }
        StatusFormat.columns(rows, out);
        testMessages(report, out);
        return out.toString();
    }

    private static List<String> lastTrigger(EventStatus.SensorStatus s) {
        return s.lastTrigger().map(t -> List.of(t.workflow(), t.phase() + ", " + BackfillReport.human(t.ago()) + " ago"))
                .orElse(List.of("never triggered"));
    }

    private static void testMessages(EventStatus.Report report, StringBuilder out) {
        boolean any = report.sensors().stream().anyMatch(s -> !s.testMessages().isEmpty());
        if (!any) {
            return;
        }
        out.append("Test messages (each starts the Sensor's workflow for real):\n");
        for (EventStatus.SensorStatus s : report.sensors()) {
            for (TestMessage m : s.testMessages()) {
                out.append("  ").append(s.name()).append(", on ").append(m.dependency()).append(':')
                        .append(m.commands().isEmpty() ? " " + m.note().orElse("") : "").append('\n');
                m.commands().forEach(c -> out.append("    ").append(c).append('\n'));
                if (!m.commands().isEmpty()) {
                    m.note().ifPresent(n -> out.append("    (").append(n).append(")\n"));
                }
            }
        }
    }

    private static List<String> orDash(List<String> values) {
        return values.isEmpty() ? List.of("-") : values;
    }

    static Map<String, Object> json(EventStatus.Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("namespace", report.namespace());
        root.put("argoEventsInstalled", report.installed());
        root.put("problem", report.problem().orElse(null));
        List<Object> sensors = new ArrayList<>();
        for (EventStatus.SensorStatus s : report.sensors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("waitsFor", s.waitsFor());
            m.put("starts", s.starts());
            m.put("lastTrigger", s.lastTrigger().map(t -> {
                Map<String, Object> lt = new LinkedHashMap<>();
                lt.put("workflow", t.workflow());
                lt.put("trigger", t.trigger());
                lt.put("phase", t.phase());
                lt.put("at", t.at().toString());
                lt.put("secondsAgo", t.ago().toSeconds());
                return lt;
            }).orElse(null));
            Map<String, Object> drift = new LinkedHashMap<>();
            drift.put("state", s.drift().state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            drift.put("differences", s.drift().differences());
            m.put("drift", drift);
            m.put("testMessages", s.testMessages().stream().map(t -> {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("dependency", t.dependency());
                tm.put("commands", t.commands());
                tm.put("note", t.note().orElse(null));
                return tm;
            }).toList());
            sensors.add(m);
        }
        root.put("sensors", sensors);
        return root;
    }
}
