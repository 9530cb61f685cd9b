package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.config.StackFile;
import dev.argogke.names.DidYouMean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --stack NAME} or {@code --stack-file FILE}: the stack a command works on. Every command
 * that takes a stack mixes this in (picocli {@code @Mixin}), so the flags, their help and the
 * default stack are the same everywhere.
 */
final class StackOptions {
    /** The stack a command works on when none is named, if the project has a file for it. */
    static final String DEFAULT_STACK = "dev";

    /** One or the other: a stack file named twice would leave the user guessing which one was read. */
    static final class Choice {
        @Option(names = "--stack", paramLabel = "STACK",
                description = "Stack name: reads stacks/Pulumi.<stack>.yaml (default: " + DEFAULT_STACK
                        + ", if stacks/Pulumi." + DEFAULT_STACK + ".yaml exists).")
        String name;

        @Option(names = "--stack-file", paramLabel = "FILE",
                description = "Read this stack file instead of stacks/Pulumi.<stack>.yaml.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    /** Whether the user named a stack (by name or file), rather than leaving it to the default. */
    boolean named() {
        return choice != null;
    }

    /**
     * The stack file: {@code --stack-file}, else {@code stacks/Pulumi.<stack>.yaml} for
     * {@code --stack} (an error when it does not exist), else the default stack's if the project
     * has one, else none.
     */
    Optional<StackFile> find(Path root) {
        if (choice == null && !Files.isRegularFile(stackFile(root, DEFAULT_STACK))) {
            return Optional.empty();
        }
        return Optional.of(require(root));
    }

    /** Like {@link #find}, for commands that need a stack: without one, the error says which file is missing. */
    StackFile require(Path root) {
        if (choice != null && choice.file != null) {
            return StackFile.read(choice.file);
        }
        Path stacks = root.resolve("stacks");
        String name = name();
        if (!Files.isRegularFile(stackFile(root, name))) {
            // A misspelt stack (mien for mine) is far likelier than a new one: say which one was meant
            // before suggesting `pulumi stack init` (StackFile.forStack's message, kept for a new name).
            List<String> known = StackFile.stacksIn(stacks);
            DidYouMean.closest(name, known).ifPresent(meant -> {
                throw new UserError(stackFile(root, name) + ": no such stack file; did you mean " + meant
                        + "? (stacks here: " + String.join(", ", known) + "; for a new stack: `pulumi stack init " + name + "`)");
            });
        }
        return StackFile.forStack(stacks, name);
    }

    /** The options as the user would type them again. */
    String asArguments() {
        return choice != null && choice.file != null ? "--stack-file " + choice.file : "--stack " + name();
    }

    private String name() {
        return choice != null && choice.name != null ? choice.name : DEFAULT_STACK;
    }

    private static Path stackFile(Path root, String stack) {
        return root.resolve("stacks").resolve("Pulumi." + stack + ".yaml");
    }
}
