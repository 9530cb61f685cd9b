package dev.argogke.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Constants;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.program.Inputs;
import dev.argogke.program.StackProgram;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the real Pulumi program offline, under the Pulumi Java SDK's mock engine, as a preview of a
 * fresh stack: every resource is registered exactly as {@code pulumi preview} would register it,
 * and values only a cloud could tell (ids, IPs, endpoints) stay unknown.
 */
public final class OfflinePlan {
    private OfflinePlan() {
    }

    /**
     * @param root      the project folder (where Pulumi.yaml is)
     * @param stackFile the stack's settings
     * @param workflows another workflows folder instead of the stack's (benchmarks, experiments)
     */
    public static PlanFile run(Path root, StackFile stackFile, Optional<Path> workflows) {
        Settings settings = SettingsLoader.load(stackFile.stack(), stackFile);
        return run(root, settings, stackFile.values(), stackFile.secretKeys(), workflows);
    }

    /**
     * The plan of settings already loaded from {@code values} (a stack file's, or the language
     * host's config during {@code pulumi up}), which the mock engine hands the program as its config.
     */
    public static PlanFile run(Path root, Settings settings, Map<String, String> values, Set<String> secretKeys,
                               Optional<Path> workflows) {
        Inputs inputs = workflows.map(w -> Inputs.load(root, settings, w)).orElseGet(() -> Inputs.load(root, settings));

        Recording recording = record(settings.stack(), values, secretKeys, ctx -> StackProgram.compose(ctx, settings, inputs));
        return RunPlan.of(root, settings, inputs, recording.registered(), outputs(recording.result().outputs()));
    }

    /** What a program registered under the mock engine, in order, and the test result. */
    record Recording(List<PlanFile.Resource> registered, TestResult result) {
        /** With dependsOn worked out. */
        List<PlanFile.Resource> resources() {
            return CreationOrder.withDependsOn(registered);
        }
    }

    /** Runs {@code program} as a preview of a fresh stack under the recording mock engine. */
    static Recording record(String stack, Map<String, String> values, Set<String> secretKeys, Consumer<Context> program) {
        AtomicReference<FreshStackPreviewMonitor> monitor = new AtomicReference<>();
        Mocks mocks = new PreviewMocks();
        PulumiTestInternal test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName(SettingsLoader.PROJECT)
                        .stackName(stack)
                        .preview(true)
                        .build())
                .config(values, secretKeys)
                .mocks(mocks)
                .monitorDecorator(m -> {
                    FreshStackPreviewMonitor recording = new FreshStackPreviewMonitor(mocks, PulumiTestInternal.mockLog());
                    monitor.set(recording);
                    return recording;
                })
                .build();
        TestResult result;
        try {
            result = test.runTest(program);
        } finally {
            PulumiTestInternal.cleanup();
        }
        for (Exception e : result.exceptions()) {
            Throwable t = e;
            while (t != null) {
                if (t instanceof UserError userError) {
                    throw userError;
                }
                t = t.getCause();
            }
        }
        if (result.exitCode() != 0 || !result.exceptions().isEmpty()) {
            throw new IllegalStateException("the program failed under the mock engine: " + result.errors(),
                    result.exceptions().isEmpty() ? null : result.exceptions().get(0));
        }
        return new Recording(monitor.get().registrations().recorded(), result);
    }

    private static Map<String, Object> outputs(Map<String, Output<?>> outputs) {
        Map<String, Object> out = new TreeMap<>();
        outputs.forEach((name, output) -> {
            OutputData<?> data = PulumiTestInternal.extractOutputData(output);
            if (data.isSecret()) {
                out.put(name, PlanValues.secret());
            } else if (!data.isKnown()) {
                out.put(name, PlanValues.unknown());
            } else {
                out.put(name, plain(data.getValueNullable()));
            }
        });
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof Optional<?> o) {
            return o.map(OfflinePlan::plain).orElse(null);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OfflinePlan::plain).toList();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value == null) {
            return value;
        }
        return String.valueOf(value);
    }

    /**
     * The mock engine's answers for a preview of a fresh stack: no resource exists yet, so it has
     * no id and its outputs are its inputs; everything else stays unknown.
     */
    static final class PreviewMocks implements Mocks {
        /** The project's details, read from Google (program.GoogleCloud#projectNumber). */
        static final String GET_PROJECT = "gcp:organizations/getProject:getProject";

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), args.inputs));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            if (GET_PROJECT.equals(args.token)) {
                // Only Google knows the number: unknown, as the engine marks a value in the wire
                // protocol (pulumi-java Constants.UnknownValue), so what depends on it is too.
                return CompletableFuture.completedFuture(Map.of("number", Constants.UnknownValue));
            }
            return CompletableFuture.completedFuture(Map.of());
        }
    }
}
