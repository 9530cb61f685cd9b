package dev.argogke.cli;

import dev.argogke.ops.ArgoCluster;
import dev.argogke.ops.Cancellation;
import dev.argogke.ops.RunNow;
import dev.argogke.ops.WorkflowFollower;
import dev.argogke.ops.WorkflowFromCron;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a CronWorkflow's job now, as `argo submit --from cronwf/NAME` does.",
                "With --follow, show its progress and logs and exit 0 only if it succeeds."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "CRON_WORKFLOW", description = "Name of the CronWorkflow.")
    String cronWorkflow;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "Workflow parameter to set (repeatable); replaces the CronWorkflow's value.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--follow", description = "Wait for the Workflow, showing node progress and pod logs.")
    boolean follow;

    @Option(names = "--poll-millis", hidden = true, defaultValue = "2000")
    long pollMillis;

    @Override
    @SuppressWarnings("try") // the Ctrl-C hook only has to be open while the body runs
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<WorkflowFromCron.Parameter> params = new ArrayList<>();
        parameters.forEach((k, v) -> params.add(new WorkflowFromCron.Parameter(k, v)));
        Cancellation cancellation = new Cancellation();
        try (StopOnCtrlC stop = new StopOnCtrlC(cancellation);
             ArgoCluster argo = cluster.connect(main.root(), cancellation, err)) {
            RunNow.Submitted submitted = new RunNow(argo, main.clock()).submit(cronWorkflow, params);
            submitted.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
            out.println("Workflow " + submitted.name() + " created in namespace " + argo.namespace()
                    + " from CronWorkflow " + cronWorkflow);
            out.flush();
            if (!follow) {
                return Main.EXIT_OK;
            }
            Optional<String> phase = new WorkflowFollower(argo, out, Duration.ofMillis(pollMillis), submitted.cron().zone())
                    .follow(submitted.name());
            if (phase.isEmpty()) {
                out.println("stopped following; " + submitted.name() + " keeps running (see `argo-gke status`)");
                out.flush();
                return Main.EXIT_FINDINGS;
            }
            return phase.get().equals("Succeeded") ? Main.EXIT_OK : Main.EXIT_FINDINGS;
        }
    }
}
