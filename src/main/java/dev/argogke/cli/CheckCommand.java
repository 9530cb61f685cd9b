package dev.argogke.cli;

import dev.argogke.App;
import dev.argogke.config.StackFile;
import dev.argogke.policy.PolicyCheck;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Check a stack's plan against the security rules (exit 1 when a rule fails).")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stack", description = "Stack name: reads stacks/Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).", defaultValue = "dev")
    String stack;

    @Option(names = "--stack-file", description = "Check this stack file instead of --stack.")
    Path stackFile;

    @Override
    public Integer call() {
        Path root = App.projectRoot();
        StackFile file = stackFile != null ? StackFile.read(stackFile) : StackFile.forStack(root.resolve("stacks"), stack);
        PolicyCheck.Result result = PolicyCheck.of(root, file, Optional.empty());
        spec.commandLine().getOut().print(result.report().render());
        spec.commandLine().getOut().flush();
        return result.report().passed() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
