package dev.argogke.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/** Backfill as text: the plan (what --dry-run shows), the progress bar on stderr, and the summary. */
public final class BackfillReport {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final int BAR = 30;

    private BackfillReport() {
    }

    /** The schedule times of the plan, one a line, and what a run would do. */
    public static void printPlan(Backfill.Plan plan, PrintWriter out) {
        out.println(header(plan));
        for (Backfill.Item item : plan.items()) {
            out.printf("  %s  %-40s %s%n", TIME.format(item.time()), item.workflowName(),
                    plan.existing().contains(item.workflowName()) ? "exists" : "new");
        }
        int existing = plan.existing().size();
        out.println("dry run: would create " + (plan.items().size() - existing) + " Workflow"
                + (plan.items().size() - existing == 1 ? "" : "s") + (existing == 0 ? "" : "; " + existing + " exist already")
                + "; nothing was created");
    }

    static String header(Backfill.Plan plan) {
        String zone = plan.cron().timezone().isBlank() ? "UTC, the controller's default" : plan.cron().timezone();
        return "backfill " + plan.cron().name() + ": " + plan.items().size() + " schedule time"
                + (plan.items().size() == 1 ? "" : "s") + " in [" + TIME.format(plan.from()) + ", " + TIME.format(plan.to())
                + ") (" + zone + ")" + (plan.toClamped() ? ", the window's end moved to now" : "")
                + "; scheduled time as annotation " + ArgoResources.ANNOTATION_SCHEDULED_TIME
                + (plan.parameterSet() ? " and parameter " + ArgoResources.PARAMETER_SCHEDULED_TIME : "");
    }

    public static void printSummary(Backfill.Summary s, PrintWriter out) {
        Backfill.Counts c = s.counts();
        out.println("created " + c.created() + ", existing " + c.existing() + ", failed " + c.failed()
                + (s.notStarted() > 0 ? ", not started " + s.notStarted() : "")
                + " (of " + c.total() + "; " + s.retries() + " request" + (s.retries() == 1 ? "" : "s") + " retried)");
        for (Backfill.Failure f : s.failures()) {
            out.println("  failed " + f.item().workflowName() + " (" + TIME.format(f.item().time()) + "): " + f.reason());
        }
        if (s.stopped()) {
            out.println("stopped: " + s.stopReason() + "; run the same command again to finish: names are fixed per"
                    + " schedule time, so what exists is skipped and only the missing ones are created");
        } else if (c.failed() > 0) {
            out.println("run the same command again to retry the failed ones; the others are skipped");
        }
        if (!s.stillRunning().isEmpty()) {
            out.println("still running: " + s.stillRunning().size() + " (watch them with `argo-gke status`)");
        }
    }

    /**
     * The progress bar. On a terminal it redraws one line with a carriage return; elsewhere (CI
     * logs, pipes) it writes a plain line per schedule time. No ANSI codes either way.
     */
    public static Backfill.Listener progress(PrintWriter err, boolean terminal) {
        return new Backfill.Listener() {
            private boolean lineOpen;

            @Override
            public void started(Backfill.Plan plan) {
                err.println(header(plan));
                err.flush();
            }

            @Override
            public void waitingForSlot(int running, int parallel) {
                if (!terminal) {
                    note("waiting: " + running + " running, --parallel " + parallel);
                }
            }

            @Override
            public void retrying(String what, int failedAttempt, String reason, Duration wait) {
                note("retrying " + what + " in " + human(wait) + " (attempt " + failedAttempt + ": " + reason + ")");
            }

            @Override
            public void finished(Backfill.Item item, CreateResult result, Backfill.Counts c) {
                if (terminal) {
                    int filled = c.total() == 0 ? BAR : c.done() * BAR / c.total();
                    err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + c.done() + "/" + c.total()
                            + "  created " + c.created() + "  existing " + c.existing() + "  failed " + c.failed() + " ");
                    lineOpen = c.done() < c.total();
                    if (!lineOpen) {
                        err.println();
                    }
                } else {
                    err.println("[" + c.done() + "/" + c.total() + "] " + item.workflowName() + " "
                            + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (result.failure() == null ? "" : ": " + result.failure()));
                }
                err.flush();
            }

            private void note(String text) {
                if (lineOpen) {
                    err.println();
                    lineOpen = false;
                }
                err.println(text);
                err.flush();
            }
        };
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
}
