package dev.argogke.policy;

import dev.argogke.config.StackFile;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Committed stacks with one worked example of a dangerous setting each, and the messages of one rule. */
final class RuleExamples {
    private RuleExamples() {
    }

    static String committed(String stack, String line, String replacement) {
        try {
            String text = Files.readString(Path.of("stacks/Pulumi." + stack + ".yaml"));
            if (!text.contains(line)) {
                throw new IllegalArgumentException("stacks/Pulumi." + stack + ".yaml has no line " + line);
            }
            return text.replace(line, replacement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyInput stack(Path dir, String stack, String text) {
        StackFile file = TestSettings.stackFile(dir, stack, text);
        return PolicyFixtures.inputOf(file);
    }

    /** What the rule says about the input, as {@code check} prints it: {@code resource: message}. */
    static List<String> lines(Rule rule, PolicyInput input) {
        return rule.check(input).stream().map(v -> v.resource() + ": " + v.message()).toList();
    }
}
