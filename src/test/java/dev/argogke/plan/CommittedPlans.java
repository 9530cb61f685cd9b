package dev.argogke.plan;

import dev.argogke.config.StackFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Offline plans of stack files, made once per test run (each takes seconds). */
final class CommittedPlans {
    private static final Map<String, PlanFile> PLANS = new ConcurrentHashMap<>();

    private CommittedPlans() {
    }

    /** The plan of a committed stack, stacks/Pulumi.{@code stack}.yaml, with its own workflows. */
    static PlanFile of(String stack) {
        return of(Path.of("stacks", "Pulumi." + stack + ".yaml"), null);
    }

    /** The plan of any stack file, with the workflows of {@code workflows} if not null. */
    static PlanFile of(Path stackFile, Path workflows) {
        return PLANS.computeIfAbsent(stackFile + "|" + workflows, key -> OfflinePlan.run(Path.of("."),
                StackFile.read(stackFile), Optional.ofNullable(workflows)));
    }
}
