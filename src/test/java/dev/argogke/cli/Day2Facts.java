package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Day-2 examples of docs/day-2.md must say, worked out by hand from what {@link Day2DocsTest} sets
 * up (the CronWorkflows' schedules and time zones, the Workflows' timestamps, the clock of each
 * command) with java.time and the calendar, not by running the commands. The examples are compared
 * with the page afterwards; these facts hold whatever the page says.
 *
 * <p>The night that matters: Europe/Oslo leaves summer time on the last Sunday of October (EU
 * Directive 2000/84/EC, article 2), 2026-10-25, at 01:00 UTC, when 03:00 CEST becomes 02:00 CET. So a
 * job at 02:30 runs twice that night, at 00:30 UTC and 01:30 UTC, as robfig/cron (Argo's scheduler)
 * runs both copies of a repeated hour (robfig spec_test.go, and CronScheduleTest here).
 */
final class Day2Facts {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** When employee-directory-sync's Sensor last created a Workflow: 3 h 12 min before status's clock, 12:00 UTC. */
    static final Instant DIRECTORY_SYNC_TRIGGERED = Instant.parse("2026-10-24T08:48:00Z");

    private Day2Facts() {
    }

    static void check(Map<String, String> examples) {
        theNightOsloFallsBack();
        status(examples.get("status"), statusJson(examples.get("status-json")));
        eventDrivenWorkflows(examples.get("status"), json(examples.get("status-json")));
        backfills(examples);
        run(examples.get("run"));
        // stacks/Pulumi.prod.yaml: gcp:project acme-argo-prod, cluster.location europe-west1-b, and the
        // cluster's default name argo-<stack> (README, configuration table); gcloud's reference for
        // `container clusters get-credentials` takes the zone or region as --location.
        assertTrue(examples.get("error").contains("`gcloud container clusters get-credentials argo-prod --location europe-west1-b"
                + " --project acme-argo-prod`"), examples.get("error"));
        assertTrue(examples.get("error").endsWith("$ echo $?\n2\n"), examples.get("error"));
    }

    /** The calendar facts the rest relies on, asserted so a wrong assumption here fails first. */
    private static void theNightOsloFallsBack() {
        var transition = OSLO.getRules().getTransition(LocalDateTime.of(2026, 10, 25, 2, 30));
        assertTrue(transition != null && transition.isOverlap(), "02:30 happens twice in Oslo on 2026-10-25");
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"), transition.getInstant());
        assertEquals(DayOfWeek.SATURDAY, LocalDate.of(2026, 10, 24).getDayOfWeek());
        assertEquals(DayOfWeek.MONDAY, LocalDate.of(2026, 10, 26).getDayOfWeek());
    }

    /** The two copies of 02:30 on the night Oslo falls back, and the days around it. */
    private static List<ZonedDateTime> nightlyAt0230(LocalDate from, LocalDate toExclusive) {
        List<ZonedDateTime> runs = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            ZonedDateTime first = d.atTime(2, 30).atZone(OSLO).withEarlierOffsetAtOverlap();
            runs.add(first);
            ZonedDateTime second = first.withLaterOffsetAtOverlap();
            if (!second.equals(first)) {
                runs.add(second);
            }
        }
        return runs;
    }

    /**
     * {@code status --format json} at 2026-10-24T12:00:00Z. The cluster holds nightly-etl, weekly-report
     * (with another image) and jira-sync; workflows/ holds nightly-etl, weekly-report and bq-export.
     */
    private static JsonNode statusJson(String example) {
        JsonNode status = json(example);
        Instant now = Instant.parse(status.get("now").asText());
        assertEquals(Instant.parse("2026-10-24T12:00:00Z"), now);
        Map<String, JsonNode> byName = new java.util.TreeMap<>();
        status.get("cronWorkflows").forEach(c -> byName.put(c.get("name").asText(), c));
        assertEquals(List.of("bq-export", "jira-sync", "nightly-etl", "weekly-report"), List.copyOf(byName.keySet()));

        assertEquals("missing", byName.get("bq-export").at("/drift/state").asText(), "only in workflows/");
        assertEquals("extra", byName.get("jira-sync").at("/drift/state").asText(), "only on the cluster");
        assertEquals("in-sync", byName.get("nightly-etl").at("/drift/state").asText());
        assertEquals("different", byName.get("weekly-report").at("/drift/state").asText(), "image report:1.9 on the cluster");

        // jira-sync, UTC: "*/15 6-18 * * 1-5" and "0 12 * * 6". Now is Saturday 12:00 exactly, which is not
        // after now; the next Saturday is a week away, and Monday starts at 06:00.
        assertEquals(List.of("2026-10-26T06:00:00Z", "2026-10-26T06:15:00Z", "2026-10-26T06:30:00Z"), texts(byName.get("jira-sync"), "nextRuns"));
        // nightly-etl, "30 2 * * *" in Oslo: the night of the 25th twice, then the 26th.
        assertEquals(nightlyAt0230(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 27)).stream().map(Day2Facts::iso).toList(),
                texts(byName.get("nightly-etl"), "nextRuns"));
        assertEquals(List.of("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-10-26T02:30:00+01:00"),
                texts(byName.get("nightly-etl"), "nextRuns"));
        // weekly-report, "0 7 * * 1" in Oslo: three Mondays, all after the change to CET.
        assertEquals(List.of("2026-10-26T07:00:00+01:00", "2026-11-02T07:00:00+01:00", "2026-11-09T07:00:00+01:00"),
                texts(byName.get("weekly-report"), "nextRuns"));
        // The cluster's lastScheduledTime 2026-10-24T00:30:00Z, shown in the CronWorkflow's zone (CEST).
        assertEquals(iso(Instant.parse("2026-10-24T00:30:00Z").atZone(OSLO)), byName.get("nightly-etl").get("lastScheduledTime").asText());

        // Durations: finished minus started, or now minus started while running.
        assertEquals(seconds("2026-10-23T16:45:01Z", now.toString()), byName.get("jira-sync").at("/lastRun/durationSeconds").asLong());
        assertEquals(seconds("2026-10-24T00:30:02Z", "2026-10-24T00:34:14Z"), byName.get("nightly-etl").at("/lastRun/durationSeconds").asLong());
        assertEquals(seconds("2026-10-20T05:00:01Z", "2026-10-20T05:01:31Z"), byName.get("weekly-report").at("/lastRun/durationSeconds").asLong());
        return status;
    }

    /** The table says what the JSON says: the same next runs, and durations in hours, minutes and seconds. */
    private static void status(String example, JsonNode status) {
        for (JsonNode c : status.get("cronWorkflows")) {
            for (JsonNode next : c.get("nextRuns")) {
                assertTrue(example.contains(SHOWN.format(ZonedDateTime.parse(next.asText()))), c.get("name") + " " + next + " in:\n" + example);
            }
        }
        long running = status.at("/cronWorkflows/1/lastRun/durationSeconds").asLong();
        assertTrue(example.contains("Running for " + running / 3600 + "h" + running % 3600 / 60 + "m  "), example);
        long nightly = status.at("/cronWorkflows/2/lastRun/durationSeconds").asLong();
        assertTrue(example.contains("Succeeded in " + nightly / 60 + "m" + nightly % 60 + "s  "), example);
        long weekly = status.at("/cronWorkflows/3/lastRun/durationSeconds").asLong();
        assertTrue(example.contains("Failed in " + weekly / 60 + "m" + weekly % 60 + "s  "), example);
    }

    /**
     * The Sensors Day2DocsTest puts in argo-events. The Pub/Sub EventSource names no project, so its topic is in the
     * project the event source asks GKE's metadata server for, the cluster's: stacks/Pulumi.prod.yaml's gcp:project,
     * acme-argo-prod. gcloud's reference (pubsub topics publish) takes the topic, --project and the data as --message;
     * the Sensor reads body.file, so the message is a JSON object with a file field. The webhook's Service is
     * {@code <eventsource>-eventsource-svc} (argo-events v1.9.10 pkg/reconciler/eventsource/resource.go).
     */
    private static void eventDrivenWorkflows(String table, JsonNode status) {
        Duration ago = Duration.between(DIRECTORY_SYNC_TRIGGERED, Instant.parse("2026-10-24T12:00:00Z"));
        assertEquals(Duration.ofHours(3).plusMinutes(12), ago);
        assertTrue(table.contains("\nEvent-driven workflows: Sensors in namespace argo-events\n"), table);
        assertTrue(table.matches("(?s).*\\n(employee-directory-sync +hr-exports/export-finished +employee-directory-sync"
                + " +employee-directory-sync-7d2kq +in sync)\\n +Succeeded, 3h12m ago\\n.*"), table);
        assertTrue(table.matches("(?s).*\\npartner-upload +partner-files/file-landed +partner-upload +never triggered +in sync\\n.*"), table);
        assertTrue(table.contains("\n    gcloud pubsub topics publish hr-export-finished --project acme-argo-prod --message '{\"file\":\"test\"}'\n"), table);
        assertTrue(table.contains("\n    kubectl -n argo-events port-forward svc/partner-files-eventsource-svc 12000:12000 &\n"
                + "    curl -X POST http://localhost:12000/partner-upload -H 'Content-Type: application/json' -d '{\"object\":\"test\"}'\n"), table);
        JsonNode sensors = status.at("/eventDrivenWorkflows/sensors");
        assertEquals("employee-directory-sync-7d2kq", sensors.at("/0/lastTrigger/workflow").asText());
        assertEquals(ago.toSeconds(), sensors.at("/0/lastTrigger/secondsAgo").asLong());
        assertTrue(sensors.at("/1/lastTrigger").isNull(), "partner-upload was never triggered");
    }

    /**
     * nightly-etl's backfills. Each run is named after its scheduled time in UTC (docs/day-2.md, on `backfill`:
     * names are {@code <cron>-<yyyyMMddHHmm>} with the time in UTC), so the two 02:30s of the 25th get two names.
     */
    private static void backfills(Map<String, String> examples) {
        List<ZonedDateTime> window = nightlyAt0230(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 27));
        assertEquals(5, window.size(), "4 days, one of them with 02:30 twice");
        List<String> names = window.stream().map(Day2Facts::runName).toList();
        assertEquals(List.of("nightly-etl-202610230030", "nightly-etl-202610240030", "nightly-etl-202610250030",
                "nightly-etl-202610250130", "nightly-etl-202610260130"), names);

        List<String[]> planned = rows(examples.get("backfill-dry-run"), "^  (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d)  (\\S+) +new$");
        assertEquals(window.stream().map(SHOWN::format).toList(), planned.stream().map(r -> r[0]).toList());
        assertEquals(names, planned.stream().map(r -> r[1]).toList());
        assertTrue(examples.get("backfill-dry-run").endsWith("would create 5 Workflows; nothing was created\n"));

        // One create answered 500 once (the test's fault), retried: 5 created.
        assertEquals(names, rows(examples.get("backfill"), "^\\[\\d/5\\] (\\S+) created$").stream().map(r -> r[0]).toList());
        assertTrue(examples.get("backfill").contains("\ncreated 5, existing 0, failed 0 (of 5; 1 request retried)\n"));

        // Two more days, the 21st and 22nd, before the five the previous backfill created.
        List<String> rerun = new ArrayList<>(List.of("nightly-etl-202610210030", "nightly-etl-202610220030"));
        rerun.addAll(names);
        assertEquals(rerun, rows(examples.get("backfill-rerun"), "^\\[\\d/7\\] (\\S+) (?:created|existing)$").stream().map(r -> r[0]).toList());
        assertTrue(examples.get("backfill-rerun").contains("\ncreated 2, existing 5, failed 0 (of 7; 0 requests retried)\n"));

        // 2026-01-01 to 2026-10-01 holds 273 days, each with a 02:30: more than the default --max of 100.
        assertEquals(273, ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1)));
        assertTrue(examples.get("backfill-refused").contains("holds more than 100 schedule times of nightly-etl"), examples.get("backfill-refused"));
        assertTrue(examples.get("backfill-refused").endsWith("$ echo $?\n2\n"), examples.get("backfill-refused"));
    }

    /** run --follow on 2026-10-26 (CET): node times in Oslo, the Workflow's duration from its timestamps. */
    private static void run(String example) {
        for (String[] node : new String[][] {{"05:00:03", "Running    extract"}, {"05:00:41", "Succeeded  extract"},
                {"05:00:44", "Running    load"}, {"05:01:50", "Succeeded  load"}}) {
            String local = Instant.parse("2026-10-26T" + node[0] + "Z").atZone(OSLO).toLocalTime().toString();
            assertTrue(example.contains("\n  " + local + "  " + node[1] + "\n"), local + " " + node[1] + " in:\n" + example);
        }
        long seconds = seconds("2026-10-26T05:00:00Z", "2026-10-26T05:01:52Z");
        assertTrue(example.endsWith(": Succeeded in " + seconds / 60 + "m" + seconds % 60 + "s\n"), example);
    }

    private static String runName(ZonedDateTime t) {
        return "nightly-etl-" + DateTimeFormatter.ofPattern("yyyyMMddHHmm").format(t.withZoneSameInstant(ZoneOffset.UTC));
    }

    private static List<String[]> rows(String example, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.MULTILINE).matcher(example);
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            String[] groups = new String[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.group(i + 1);
            }
            rows.add(groups);
        }
        assertTrue(!rows.isEmpty(), "no line matches " + pattern + " in:\n" + example);
        return rows;
    }

    private static String iso(ZonedDateTime t) {
        return t.toOffsetDateTime().toString().replaceFirst("(T\\d\\d:\\d\\d)([+-Z])", "$1:00$2");
    }

    private static long seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).getSeconds();
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.get(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode json(String example) {
        try {
            return JSON.readTree(example.substring(example.indexOf('\n') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
