package dev.argogke.cli;

import dev.argogke.ops.ArgoCluster;
import dev.argogke.ops.Backfill;
import dev.argogke.ops.BackfillReport;
import dev.argogke.ops.Cancellation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Run the schedule times of a past window again, one Workflow per time.",
                "Every schedule line's times in [--from, --to), in the cron's time zone, each with the scheduled"
                        + " time as Argo would give it.",
                "Safe to stop (Ctrl-C) and to repeat: a rerun creates only what is missing."})
final class BackfillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "CRON_WORKFLOW", description = "Name of the CronWorkflow.")
    String cronWorkflow;

    @Option(names = "--from", required = true, paramLabel = "T1",
            description = "Start (included): 2026-03-01, 2026-03-01T00:00:00Z or 2026-03-01T02:00+01:00; a date is"
                    + " midnight in the cron's time zone.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "T2", description = "End (excluded), same forms as --from.")
    String to;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "At most N of these Workflows unfinished at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--dry-run", description = "List the schedule times and Workflow names; create nothing.")
    boolean dryRun;

    @Option(names = "--max", defaultValue = "100", paramLabel = "M",
            description = "Refuse windows with more than M times unless --yes (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--yes", description = "Create them even if there are more than --max.")
    boolean yes;

    @Option(names = "--poll-millis", hidden = true, defaultValue = "5000")
    long pollMillis;

    @Override
    @SuppressWarnings("try") // the Ctrl-C hook only has to be open while the body runs
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Cancellation cancellation = new Cancellation();
        try (StopOnCtrlC stop = new StopOnCtrlC(cancellation);
             ArgoCluster argo = cluster.connect(main.root(), cancellation, err)) {
            Backfill backfill = new Backfill(argo, main.clock(), Duration.ofMillis(pollMillis));
            Backfill.Plan plan = backfill.plan(new Backfill.Request(cronWorkflow, from, to, parallel, dryRun, max, yes));
            if (dryRun) {
                BackfillReport.printPlan(plan, out);
                out.flush();
                return Main.EXIT_OK;
            }
            // A carriage-return bar only on a terminal; logs and pipes get a plain line per time.
            boolean terminal = System.console() != null;
            Backfill.Summary summary = backfill.run(plan, BackfillReport.progress(err, terminal));
            if (terminal && summary.counts().done() < summary.counts().total()) {
                err.println();
            }
            err.flush();
            BackfillReport.printSummary(summary, out);
            out.flush();
            return summary.ok() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
        }
    }
}
