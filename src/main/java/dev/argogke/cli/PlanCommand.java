package dev.argogke.cli;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanTree;
import dev.argogke.policy.PolicyCheck;
import dev.argogke.policy.Violation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Run the Pulumi program offline (mock engine), show what a stack would create, and check it against the security rules.")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StackOptions stack;

    @Option(names = "--out", description = "Write the plan as JSON (for `diff` and `cost`) instead of printing the tree.")
    Path out;

    @Option(names = "--workflows", description = "Deploy the workflows of this folder instead of the stack's.")
    Path workflows;

    @Override
    public Integer call() {
        PolicyCheck.Result checked = PolicyCheck.of(main.root(), stack.require(main.root()), Optional.ofNullable(workflows));
        PlanFile plan = checked.plan();
        if (out != null) {
            plan.write(out);
            spec.commandLine().getOut().println("plan: " + plan.resources().stream().filter(PlanFile.Resource::custom).count()
                    + " resources, " + plan.workflows().size() + " workflows -> " + out);
        } else {
            spec.commandLine().getOut().print(PlanTree.render(plan));
        }
        spec.commandLine().getOut().flush();
        if (!checked.report().passed()) {
            var err = spec.commandLine().getErr();
            for (Violation v : checked.report().violations()) {
                err.println("policy " + v.line());
            }
            err.println("plan: " + checked.report().violations().size() + " policy violation(s); `bin/argo-gke check"
                    + " " + stack.asArguments() + "` shows every rule");
            err.flush();
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }
}
