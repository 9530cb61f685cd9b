package dev.argogke.cli;

import dev.argogke.App;
import dev.argogke.policy.PolicyCheck;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Check a stack's plan against the security rules (exit 1 when a rule fails).")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOption stack;

    @Override
    public Integer call() {
        Path root = App.projectRoot();
        PolicyCheck.Result result = PolicyCheck.of(root, stack.load(root), Optional.empty());
        spec.commandLine().getOut().print(result.report().render());
        spec.commandLine().getOut().flush();
        return result.report().passed() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
