package dev.argogke.policy;

import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plans a stack offline and checks the plan: what {@code check} and {@code plan} run. Settings and
 * waivers are checked before the program runs under the mock engine, so a config mistake stops
 * everything there. {@code pulumi up} checks the same rules on its own run (deploy.CheckedRun).
 */
public final class PolicyCheck {
    private PolicyCheck() {
    }

    public record Result(Settings settings, PlanFile plan, PolicyReport report) {
    }

    /** A stack file, offline. */
    public static Result of(Path root, StackFile file, Optional<Path> workflows) {
        Settings settings = SettingsLoader.load(file.stack(), file);
        Policies.checkWaivers(settings, file.origin());
        PlanFile plan = OfflinePlan.run(root, settings, file.values(), file.secretKeys(), workflows);
        return new Result(settings, plan, Policies.evaluate(new PolicyInput(settings, plan, Optional.of(file))));
    }
}
