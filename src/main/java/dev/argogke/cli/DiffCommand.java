package dev.argogke.cli;

import dev.argogke.plan.DiffReport;
import dev.argogke.plan.PlanDiff;
import dev.argogke.plan.PlanFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code argo-gke diff BASE.json HEAD.json}: what a change does to a stack, and to its bill. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two plan files of one stack (from 'argo-gke plan --out').",
                "Shows the resources created, updated, replaced or deleted with their property changes,"
                        + " CronWorkflow schedules in words, workflow shapes (Mermaid in markdown) and the"
                        + " monthly cost before and after."})
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, markdown, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.json", description = "The plan before the change.")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD.json", description = "The plan after the change.")
    Path head;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), markdown (the pull-request comment) or json.")
    Format format;

    @Option(names = "--exit-code", description = "Exit 1 when there are changes (like git diff --exit-code).")
    boolean exitCode;

    @Override
    public Integer call() {
        PlanDiff diff = PlanDiff.of(PlanFile.read(base), PlanFile.read(head));
        String out = switch (format) {
            case text -> DiffReport.text(diff);
            case markdown -> DiffReport.markdown(diff);
            case json -> DiffReport.json(diff);
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return exitCode && !diff.isEmpty() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }
}
