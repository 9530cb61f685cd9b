package dev.argogke.plan;

import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.program.Inputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The plan of one run of the program, whichever engine ran it (the mock engine offline, the real
 * one during {@code pulumi preview} and {@code up}): what it registered, the workflows it deployed
 * and the stack's waivers. The rules read this, so they see the same thing in both.
 */
public final class RunPlan {
    private RunPlan() {
    }

    /**
     * @param recorded what the program registered, in the order the engine answered
     * @param outputs  the stack outputs, secrets and unknowns as markers
     */
    public static PlanFile of(Path root, Settings settings, Inputs inputs, List<PlanFile.Resource> recorded, Map<String, Object> outputs) {
        List<PlanFile.Workflow> workflows = inputs.catalog().manifests().stream()
                .map(m -> new PlanFile.Workflow(relative(root, m.file()), m.kind(), m.name().orElse("")))
                .toList();
        List<PlanFile.Waiver> waivers = settings.waivers().stream().map(w -> new PlanFile.Waiver(w.rule(), w.reason())).toList();
        return new PlanFile(PlanFile.FORMAT_VERSION, SettingsLoader.PROJECT, settings.stack(),
                CreationOrder.withDependsOn(recorded), outputs, workflows, waivers);
    }

    /** A workflow file as the plan names it: relative to the project when inside it. */
    static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
