package dev.argogke.workflows.cron;

import dev.argogke.names.TimeZones;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRulesProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java half of the cron oracle (e2e/oracles/cron.sh): reads the triples and robfig's answers
 * (e2e/oracles/cron/main.go, one line each), answers each triple with our cron code, compares, and
 * prints {@code cron oracle: N triples compared, D disagreements (K explained)}.
 *
 * <pre>java ... CronOracle triples.tsv robfig.out cron-known-differences.txt disagreements.tsv</pre>
 *
 * Exit status 0 when every disagreement is explained by the known-differences file, 1 when one
 * is not, 2 on bad input.
 */
public final class CronOracle {
    private static final int SHOWN = 25;

    private final CronKnownDifferences known;
    private final Map<String, Integer> explainedByName = new LinkedHashMap<>();
    private final AtomicLong current = new AtomicLong();
    private int compared;
    private int disagreements;
    private int explained;

    private CronOracle(CronKnownDifferences known) {
        this.known = known;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CronOracle TRIPLES ROBFIG_ANSWERS KNOWN_DIFFERENCES DISAGREEMENTS_OUT");
            System.exit(2);
        }
        CronOracle oracle = new CronOracle(CronKnownDifferences.read(Path.of(args[2])));
        oracle.watchForHangs();
        oracle.compareAll(Path.of(args[0]), Path.of(args[1]), Path.of(args[3]));
        oracle.report(System.out, Path.of(args[3]));
        System.exit(oracle.disagreements > oracle.explained ? 1 : 0);
    }

    private void compareAll(Path triples, Path robfig, Path out) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(triples); BufferedReader go = Files.newBufferedReader(robfig);
                BufferedWriter diffs = Files.newBufferedWriter(out)) {
            diffs.write("# line\tverdict\tschedule\tzone\tinstant\trobfig\tjava\n");
            String line;
            while ((line = in.readLine()) != null) {
                current.incrementAndGet();
                String goAnswer = go.readLine();
                if (goAnswer == null) {
                    throw new IOException(robfig + " has fewer lines than " + triples + " (" + compared + ")");
                }
                compare(CronOracleTriple.parse(line), goAnswer, diffs);
            }
        }
    }

    private void compare(CronOracleTriple t, String go, BufferedWriter diffs) throws IOException {
        compared++;
        String java = answer(t);
        if (same(go, java)) {
            return;
        }
        disagreements++;
        Optional<CronKnownDifferences.Entry> why = known.explain(t, go, java);
        why.ifPresent(e -> {
            explained++;
            explainedByName.merge(e.name(), 1, Integer::sum);
        });
        diffs.write(compared + "\t" + why.map(e -> "explained: " + e.name()).orElse("UNEXPLAINED") + "\t"
                + t.scheduleText() + "\t" + t.zone() + "\t" + t.instantText() + "\t" + go + "\t" + java + "\n");
    }

    /** Same kind of answer; for runs the same instant, for rejections the same category. */
    static boolean same(String go, String java) {
        String[] g = go.split("\t");
        String[] j = java.split("\t");
        if (!g[0].equals(j[0])) {
            return false;
        }
        return switch (g[0]) {
            case "next", "reject" -> g[1].equals(j[1]);
            default -> true;
        };
    }

    /** Our answer, in main.go's output format, from the calls ops.Schedules makes. */
    static String answer(CronOracleTriple t) {
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(t.schedule(), t.zone());
        } catch (CronSyntaxException e) {
            return "reject\t" + category(e.getMessage()) + "\t" + e.getMessage().replace("\n", "\\n");
        }
        ZoneId local = TimeZones.CONTROLLER_LOCAL;
        SpecNext.Outcome outcome = schedule.outcome(t.instant().atZone(local), local);
        if (outcome.neverReturns()) {
            return "hang";
        }
        return outcome.time().map(n -> "next\t" + n.getEpochSecond() + "\t" + n).orElse("never");
    }

    /** Our messages sorted into main.go's categories of robfig's. */
    static String category(String message) {
        if (message.startsWith("the schedule is empty")) {
            return "empty";
        } else if (message.contains("unknown time zone")) {
            return "zone";
        } else if (message.startsWith("expected 5 fields")) {
            return "fields";
        } else if (message.startsWith("unknown descriptor")) {
            return "descriptor";
        } else if (message.startsWith("@every:")) {
            return "duration";
        } else if (message.startsWith("field ")) {
            return "value";
        } else if (message.contains("put a space between the time zone and the schedule")) {
            return "no-space-after-zone";
        }
        return "other";
    }

    private void report(PrintStream out, Path diffs) {
        out.println("cron oracle: " + compared + " triples compared, " + disagreements + " disagreements ("
                + explained + " explained)");
        System.err.println("  java.time tz database " + ZoneRulesProvider.getVersions("UTC").lastKey()
                + "; disagreements listed in " + diffs);
        explainedByName.forEach((name, n) -> System.err.println("  explained " + n + " x " + name));
        if (disagreements > explained) {
            showUnexplained(diffs);
        }
    }

    private static void showUnexplained(Path diffs) {
        try (var lines = Files.lines(diffs)) {
            System.err.println("  unexplained (first " + SHOWN + "):");
            lines.filter(l -> l.contains("\tUNEXPLAINED\t")).limit(SHOWN).forEach(l -> System.err.println("    " + l));
        } catch (IOException e) {
            System.err.println("  (cannot read " + diffs + ": " + e.getMessage() + ")");
        }
    }

    /** Our code must never spin for ever, even where robfig does: stop with the line that hangs. */
    private void watchForHangs() {
        Thread watchdog = new Thread(() -> {
            long seen = -1;
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = current.get();
                if (now == seen) {
                    System.err.println("cron oracle: our cron code has been working on triple " + now + " for a minute");
                    System.exit(2);
                }
                seen = now;
            }
        }, "cron-oracle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
