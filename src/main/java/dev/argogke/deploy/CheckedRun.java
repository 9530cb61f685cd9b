package dev.argogke.deploy;

import com.pulumi.Context;
import com.pulumi.deployment.internal.Runner;
import dev.argogke.UserError;
import dev.argogke.config.PulumiConfigSource;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.RunPlan;
import dev.argogke.policy.Policies;
import dev.argogke.policy.PolicyInput;
import dev.argogke.policy.PolicyReport;
import dev.argogke.program.Inputs;
import dev.argogke.program.StackProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The program as {@code pulumi preview} and {@code pulumi up} run it: settings and workflows read
 * and checked once, the stack composed once under the real engine, and the security rules checked
 * on what that run registered before the program ends.
 *
 * <p>A broken rule is an error diagnostic of the run, so the run fails. {@code pulumi up} previews
 * first and stops when the preview fails (pulumi/pulumi v3.276.0 pkg/backend/apply.go,
 * {@code PreviewThenPromptThenExecute}), and a preview creates nothing, so a stack that breaks a rule creates nothing.
 * With {@code --skip-preview} there is no preview: the engine creates each resource as the
 * program registers it, and the same errors fail the update only at its end (docs/security.md).
 */
public final class CheckedRun {
    private final Path root;
    private final AtomicReference<Composed> composed = new AtomicReference<>();

    /** What the program composed the stack from, kept for the rules. */
    private record Composed(Settings settings, Inputs inputs, Optional<StackFile> stackFile) {
    }

    private CheckedRun(Path root) {
        this.root = root;
    }

    /** Runs the program on the project at {@code root} under the Pulumi CLI; returns the exit code. */
    public static int run(Path root) {
        RecordedEngine engine;
        try {
            engine = RecordedEngine.fromEnvironment();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The SDK's own words for a jar started by hand: "... re-run using the `pulumi` CLI".
            System.err.println("error: " + e.getMessage() + " (pulumi preview, pulumi up; bin/argo-gke plan works offline)");
            return 1;
        }
        CheckedRun run = new CheckedRun(root);
        int exit = engine.pulumi().runAsync(run::compose).join();
        return exit == 0 ? run.checkRules(engine) : exit;
    }

    /** Settings, waivers and workflows first: a mistake there stops the run before anything is registered. */
    private void compose(Context ctx) {
        try {
            Settings settings = SettingsLoader.load(ctx.stackName(), new PulumiConfigSource(ctx));
            Optional<StackFile> stackFile = stackFile(settings.stack());
            Policies.checkWaivers(settings, PolicyInput.origin(settings, stackFile));
            Inputs inputs = Inputs.load(root, settings);
            composed.set(new Composed(settings, inputs, stackFile));
            StackProgram.compose(ctx, settings, inputs);
        } catch (UserError e) {
            e.lines().forEach(line -> ctx.log().error(line));
        }
    }

    /** Every violation as an error of this run, through the engine; the exit code that fails the run when there is one. */
    private int checkRules(RecordedEngine engine) {
        Composed c = composed.get();
        if (c == null) {
            return 0;
        }
        PlanFile plan = RunPlan.of(root, c.settings(), c.inputs(), engine.registrations().recorded(), engine.registrations().stackOutputs());
        PolicyReport report = Policies.evaluate(new PolicyInput(c.settings(), plan, c.stackFile()));
        List<String> lines = report.violations().stream().map(v -> "policy " + v.line()).toList();
        lines.forEach(line -> engine.log().errorAsync(line).join());
        if (!lines.isEmpty()) {
            engine.log().errorAsync(engine.isPreview()
                    ? "nothing was created: fix the stack, or waive the rule in its stack file with a reason (bin/argo-gke check lists the rules)"
                    : "the update registered this stack although it breaks the rules above (was the preview skipped?): fix it and run pulumi up again").join();
        }
        return lines.isEmpty() ? 0 : Runner.ProcessExitedAfterLoggingUserActionableMessage;
    }

    /** The stack file, when there is one: the rules check what it stores in plain text. */
    private Optional<StackFile> stackFile(String stack) {
        Path file = root.resolve("stacks").resolve("Pulumi." + stack + ".yaml");
        return Files.isRegularFile(file) ? Optional.of(StackFile.read(file)) : Optional.empty();
    }
}
