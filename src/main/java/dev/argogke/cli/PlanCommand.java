package dev.argogke.cli;

import dev.argogke.App;
import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanTree;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = "Run the Pulumi program offline (mock engine) and show what a stack would create.")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stack", description = "Stack name: reads stacks/Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).", defaultValue = "dev")
    String stack;

    @Option(names = "--stack-file", description = "Plan this stack file instead of --stack.")
    Path stackFile;

    @Option(names = "--out", description = "Write the plan as JSON (for `diff` and `cost`) instead of printing the tree.")
    Path out;

    @Option(names = "--workflows", description = "Deploy the workflows of this folder instead of the stack's.")
    Path workflows;

    @Override
    public Integer call() {
        PlanFile plan = plan(stack, stackFile, workflows);
        if (out != null) {
            plan.write(out);
            spec.commandLine().getOut().println("plan: " + plan.resources().stream().filter(PlanFile.Resource::custom).count()
                    + " resources, " + plan.workflows().size() + " workflows -> " + out);
        } else {
            spec.commandLine().getOut().print(PlanTree.render(plan));
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }

    /** The plan of a stack (by name) or of a stack file; shared by the commands that need one. */
    static PlanFile plan(String stack, Path stackFile, Path workflows) {
        Path root = App.projectRoot();
        StackFile file = stackFile != null ? StackFile.read(stackFile) : StackFile.forStack(root.resolve("stacks"), stack);
        return OfflinePlan.run(root, file, Optional.ofNullable(workflows));
    }
}
