package dev.argogke.policy;

import dev.argogke.config.Settings;
import dev.argogke.config.StackFile;
import dev.argogke.plan.PlanFile;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules look at: the stack's settings, the plan of everything its program would register,
 * and, when there is one, the stack file itself (for what is stored in it in plain text).
 */
public record PolicyInput(Settings settings, PlanFile plan, Optional<StackFile> stackFile) {
    public PolicyInput {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stackFile, "stackFile");
    }

    /** Where the settings came from, as error messages name it. */
    public String origin() {
        return origin(settings, stackFile);
    }

    /** Where {@code settings} came from: the stack file when there is one, else the stack's config as Pulumi hands it over. */
    public static String origin(Settings settings, Optional<StackFile> stackFile) {
        return stackFile.map(StackFile::origin).orElse("stack " + settings.stack() + " config");
    }
}
