package dev.argogke;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.argogke.config.LanguageHostConfig;
import dev.argogke.config.PulumiConfigSource;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.policy.PolicyCheck;
import dev.argogke.policy.PolicyReport;
import dev.argogke.program.Inputs;
import dev.argogke.program.StackProgram;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pulumi program: reads the stack's settings and workflows once, checks them, then composes
 * the components. Nothing is registered until every check has passed, so a mistake never leaves
 * half an environment behind.
 */
public final class App {
    private App() {
    }

    /** What {@code pulumi up} runs (the jar's entry point). */
    public static void main(String[] args) {
        Path root = ProjectRoot.ofEntryPoint();
        ByteArrayOutputStream refusal = new ByteArrayOutputStream();
        if (preflight(System.getenv(), root, new PrintStream(refusal, true, StandardCharsets.UTF_8)) != 0) {
            // Each line as an error diagnostic of the run, which `pulumi preview` shows as the stack's error
            // (a failing program's stderr would only be dumped after a generic "exited with non-zero exit code").
            // Nothing is registered but the root stack; the SDK exits non-zero because errors were logged.
            List<String> lines = refusal.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("^error: ", "")).toList();
            Pulumi.run(ctx -> lines.forEach(line -> ctx.log().error(line)));
        }
        Pulumi.run(ctx -> stackReportingUserErrors(ctx, root));
    }

    /**
     * Before Pulumi registers anything: plans the stack offline from the config the Pulumi CLI
     * hands over in {@code env} and checks the security rules. A stack that breaks one never
     * reaches the engine.
     *
     * @return 0 to go on (also when not run by the Pulumi CLI); 1 when a rule fails, one line per
     *         violation on {@code err}; 2 for a config mistake, one error line
     */
    static int preflight(Map<String, String> env, Path root, PrintStream err) {
        try {
            Optional<LanguageHostConfig> config = LanguageHostConfig.fromEnvironment(env);
            if (config.isEmpty()) {
                return 0;
            }
            Path stackFile = root.resolve("stacks").resolve("Pulumi." + config.get().stack() + ".yaml");
            Optional<StackFile> file = Files.isRegularFile(stackFile) ? Optional.of(StackFile.read(stackFile)) : Optional.empty();
            PolicyReport report = PolicyCheck.of(root, config.get(), file).report();
            report.violations().forEach(v -> err.println("policy " + v.line()));
            return report.passed() ? 0 : 1;
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Like {@link #stack}, but a user's mistake is one error line in Pulumi's output, not a stack trace. */
    static void stackReportingUserErrors(Context ctx, Path root) {
        try {
            stack(ctx, root);
        } catch (UserError e) {
            ctx.log().error(e.getMessage());
        }
    }

    /** The program on the project in the working directory (where the tests run). */
    public static void stack(Context ctx) {
        stack(ctx, ProjectRoot.of(null));
    }

    /** The program on the project at {@code root}. */
    public static void stack(Context ctx, Path root) {
        Settings settings = SettingsLoader.load(ctx.stackName(), new PulumiConfigSource(ctx));
        stack(ctx, settings, Inputs.load(root, settings));
    }

    /** The program proper, given settings and inputs that have already been checked. */
    public static void stack(Context ctx, Settings settings, Inputs inputs) {
        StackProgram.compose(ctx, settings, inputs);
    }
}
