package dev.argogke.cli;

import dev.argogke.config.StackFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --stack NAME} or {@code --stack-file PATH}: the stack a command works on (a picocli mixin). */
final class StackOption {
    @Option(names = "--stack", description = "Stack name: reads stacks/Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).", defaultValue = "dev")
    String stack;

    @Option(names = "--stack-file", description = "Use this stack file instead of --stack.")
    Path file;

    StackFile load(Path root) {
        return load(root, stack, file);
    }

    /** The stack file named by {@code file}, else {@code stacks/Pulumi.<stack>.yaml} under the project. */
    static StackFile load(Path root, String stack, Path file) {
        return file != null ? StackFile.read(file) : StackFile.forStack(root.resolve("stacks"), stack);
    }

    /** The options as the user would type them again. */
    String asArguments() {
        return file != null ? "--stack-file " + file : "--stack " + stack;
    }
}
