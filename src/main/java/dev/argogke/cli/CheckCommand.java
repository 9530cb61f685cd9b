package dev.argogke.cli;

import dev.argogke.policy.PolicyCheck;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a stack's plan against the security rules (exit 1 when a rule fails).")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        PolicyCheck.Result result = PolicyCheck.of(main.root(), stack.require(main.root()), Optional.empty());
        spec.commandLine().getOut().print(result.report().render());
        spec.commandLine().getOut().flush();
        return result.report().passed() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
