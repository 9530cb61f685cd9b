package dev.argogke.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code status} output: a table for people, JSON for tools. */
public final class StatusFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> HEADERS = List.of("NAME", "SCHEDULE", "TIMEZONE", "SUSPENDED", "LAST SCHEDULED",
            "NEXT RUNS", "ACTIVE", "LAST RUN", "DRIFT");

    private StatusFormat() {
    }

    /** One row per CronWorkflow; a cell with several values (schedules, next runs) takes several lines. */
    public static String table(Status.Report report) {
        StringBuilder out = new StringBuilder();
        out.append("CronWorkflows in namespace ").append(report.namespace()).append(" (context ").append(report.context())
                .append("), at ").append(TIME.format(report.now().atZone(java.time.ZoneOffset.UTC)))
                .append(report.comparedWith().map(s -> ", compared with " + s).orElse("")).append('\n');
        if (report.crons().isEmpty()) {
            out.append("none\n");
            return out.toString();
        }
        List<List<List<String>>> rows = new ArrayList<>();
        rows.add(HEADERS.stream().map(List::of).toList());
        for (Status.CronStatus c : report.crons()) {
            rows.add(List.of(
                    List.of(c.name()),
                    c.schedules().isEmpty() ? List.of("-") : c.schedules(),
                    List.of(c.timezone().isBlank() ? "UTC (default)" : c.timezone()),
                    List.of(c.suspended() ? "yes" : "no"),
                    List.of(c.lastScheduled().map(TIME::format).orElse("-")),
                    c.problem().isPresent() ? List.of("cannot run: see below")
                            : c.nextRuns().isEmpty() ? List.of("-") : c.nextRuns().stream().map(TIME::format).toList(),
                    List.of(Integer.toString(c.active().size())),
                    List.of(c.lastRun().map(StatusFormat::lastRun).orElse("-")),
                    drift(c.drift())));
        }
        List<String> problems = report.crons().stream().filter(c -> c.problem().isPresent())
                .map(c -> c.name() + ": " + c.problem().get()).toList();
        columns(rows, out);
        problems.forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    /** Rows of cells in aligned columns; a cell with several values takes several lines. */
    static void columns(List<List<List<String>>> rows, StringBuilder out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<List<String>> row : rows) {
            for (int i = 0; i < columns; i++) {
                for (String line : row.get(i)) {
                    widths[i] = Math.max(widths[i], line.length());
                }
            }
        }
        for (List<List<String>> row : rows) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    String cell = l < row.get(i).size() ? row.get(i).get(l) : "";
                    line.append(cell).append(" ".repeat(widths[i] - cell.length() + (i < columns - 1 ? 2 : 0)));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }

    private static String lastRun(Status.LastRun r) {
        return r.phase() + r.duration().map(d -> (r.finishedAt().isPresent() ? " in " : " for ") + BackfillReport.human(d))
                .orElse("");
    }

    static List<String> drift(Status.Drift d) {
        return switch (d.state()) {
            case IN_SYNC -> List.of("in sync");
            case DIFFERENT -> {
                List<String> lines = new ArrayList<>();
                lines.add("different:");
                d.differences().stream().limit(3).forEach(s -> lines.add(" " + s.substring(0, s.indexOf(':'))));
                if (d.differences().size() > 3) {
                    lines.add(" +" + (d.differences().size() - 3) + " more (--format json)");
                }
                yield lines;
            }
            case MISSING -> List.of("missing from cluster");
            case EXTRA -> List.of("not in repository");
            case UNKNOWN -> List.of("unknown");
        };
    }

    public static String json(Status.Report report) {
        return json(report, new EventStatus.Report(report.namespace(), false, List.of(), java.util.Optional.empty()));
    }

    /** The CronWorkflows, and the event-driven workflows when there are any ({@link EventStatusFormat#json}). */
    public static String json(Status.Report report, EventStatus.Report events) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("namespace", report.namespace());
        root.put("context", report.context());
        root.put("now", report.now().toString());
        root.put("comparedWith", report.comparedWith().orElse(null));
        List<Object> crons = new ArrayList<>();
        for (Status.CronStatus c : report.crons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("schedules", c.schedules());
            m.put("timezone", c.timezone().isBlank() ? null : c.timezone());
            m.put("effectiveTimezone", c.zone().getId());
            m.put("suspended", c.suspended());
            m.put("lastScheduledTime", c.lastScheduled().map(ISO::format).orElse(null));
            m.put("problem", c.problem().orElse(null));
            m.put("nextRuns", c.nextRuns().stream().map(ZonedDateTime::toOffsetDateTime).map(ISO::format).toList());
            m.put("active", c.active());
            m.put("lastRun", c.lastRun().map(r -> {
                Map<String, Object> lr = new LinkedHashMap<>();
                lr.put("workflow", r.workflow());
                lr.put("phase", r.phase());
                lr.put("startedAt", r.startedAt().map(Object::toString).orElse(null));
                lr.put("finishedAt", r.finishedAt().map(Object::toString).orElse(null));
                lr.put("durationSeconds", r.duration().map(java.time.Duration::toSeconds).orElse(null));
                return lr;
            }).orElse(null));
            Map<String, Object> drift = new LinkedHashMap<>();
            drift.put("state", c.drift().state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            drift.put("differences", c.drift().differences());
            m.put("drift", drift);
            crons.add(m);
        }
        root.put("cronWorkflows", crons);
        if (!events.isEmpty()) {
            root.put("eventDrivenWorkflows", EventStatusFormat.json(events));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
