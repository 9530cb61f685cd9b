package dev.argogke.testing;

import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.argogke.config.StackFile;
import dev.argogke.config.PulumiConfigSource;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.plan.EngineNamingMonitor;
import dev.argogke.program.Inputs;
import dev.argogke.program.StackProgram;
import dev.argogke.plan.PreviewAnswers;
import dev.argogke.plan.Urns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Runs Pulumi code under the Java SDK's mock engine (a real SDK, real resource types, no cloud)
 * and records every registration with its inputs, its urn and the dependencies the SDK sends the
 * engine, so tests can assert what would be created and what waits for what.
 *
 * <p>{@link #run} is an update: the mock answers like a deployed cloud would for the few outputs the
 * program reads back (service account emails, the cluster's endpoint and CA, a static IP's address,
 * a Helm release's status). {@link #preview} is a preview of a fresh stack ({@code TestOptions.preview},
 * the SDK's {@code isDryRun}): the mock answers only the inputs, and every output a provider would
 * compute is unknown, tied to its resource, as in {@code pulumi preview}.
 */
public final class MockCloud {
    public static final String STATIC_IP = "203.0.113.7";
    public static final String CLUSTER_ENDPOINT = "198.51.100.10";
    /** What {@code gcp:organizations/getProject} answers for any project (a made-up 12-digit number). */
    public static final String PROJECT_NUMBER = "123456789012";

    /** How the program is run: as {@code pulumi up} does after its preview, or as the preview itself. */
    public enum Mode {
        UPDATE, PREVIEW
    }

    /**
     * @param inputs        the inputs as the mocks see them: secrets unwrapped, unknown values left out
     * @param urn           the urn the real engine would give the resource
     * @param dependencies  the urns the SDK sent as the resource's dependencies (dependsOn, and every
     *                      resource whose output went into an input)
     * @param unknownInputs the top-level inputs that were unknown when the resource was registered
     */
    public record Registered(String type, String name, Map<String, Object> inputs, String provider, String urn,
                             List<String> dependencies, Set<String> unknownInputs) {
        /** Whether the SDK told the engine this resource waits for {@code other}. */
        public boolean dependsOn(Registered other) {
            return dependencies.contains(other.urn());
        }

        /** An input by path: {@code autoscaling.minNodeCount}, {@code spec.schedules[0]}. */
        public Object input(String path) {
            return TreePath.at(inputs, path);
        }

        public String string(String path) {
            Object v = input(path);
            return v == null ? null : String.valueOf(v);
        }

        /** Numbers come back from the SDK's wire format as doubles. */
        public Integer integer(String path) {
            Object v = input(path);
            return v instanceof Number n ? n.intValue() : null;
        }
    }

    /**
     * @param secretInputs per {@code type::name}, the top-level inputs the SDK sent to the engine
     *                     as Pulumi secrets (the mocks only see them decrypted)
     */
    public record Result(TestResult test, List<Registered> resources, Map<String, Set<String>> secretInputs, List<Call> calls) {
        public List<Registered> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }

        public Registered one(String type) {
            List<Registered> found = ofType(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type + ", found " + found.size() + ": " + found.stream().map(Registered::name).toList());
            }
            return found.get(0);
        }

        public Registered named(String type, String name) {
            return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " named " + name + "; have " + ofType(type).stream().map(Registered::name).toList()));
        }

        public Object output(String name) {
            return PulumiTestInternal.extractOutputData(test.outputs().get(name)).getValueNullable();
        }

        public boolean outputIsSecret(String name) {
            return PulumiTestInternal.extractOutputData(test.outputs().get(name)).isSecret();
        }

        /** Whether the resource's input {@code input} went to the engine as a secret (encrypted in the state). */
        public boolean inputIsSecret(Registered resource, String input) {
            return secretInputs.getOrDefault(resource.type() + "::" + resource.name(), Set.of()).contains(input);
        }
    }

    private MockCloud() {
    }

    /**
     * The whole program as {@code pulumi up} composes it (deploy.CheckedRun, without the rules):
     * settings from the stack's config, the project's workflows, then the components.
     */
    public static void program(Context ctx) {
        Settings settings = SettingsLoader.load(ctx.stackName(), new PulumiConfigSource(ctx));
        StackProgram.compose(ctx, settings, Inputs.load(Path.of("."), settings));
    }

    /** The committed stack file's config, as Pulumi would hand it to the program. */
    public static StackFile stack(String name) {
        return StackFile.forStack(Path.of("stacks"), name);
    }

    public static Result run(StackFile stack, Consumer<Context> program) {
        return run(stack.stack(), stack.values(), stack.secretKeys(), program);
    }

    /** A function the program invoked (a data source such as gcp:organizations/getProject), with its arguments. */
    public record Call(String token, Map<String, Object> args, String provider) {
    }

    public static Result run(String stack, Map<String, String> config, Set<String> secretKeys, Consumer<Context> program) {
        return run(Mode.UPDATE, stack, config, secretKeys, program);
    }

    /** {@code program} as the preview of a fresh stack: what a provider computes is unknown. */
    public static Result preview(String stack, Map<String, String> config, Set<String> secretKeys, Consumer<Context> program) {
        return run(Mode.PREVIEW, stack, config, secretKeys, program);
    }

    public static Result run(Mode mode, String stack, Map<String, String> config, Set<String> secretKeys, Consumer<Context> program) {
        List<Registered> recorded = Collections.synchronizedList(new ArrayList<>());
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        Map<String, Set<String>> secretInputs = Collections.synchronizedMap(new LinkedHashMap<>());
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                RecordingMonitor.seen(args.inputs);
                Map<String, Object> answer = mode == Mode.PREVIEW ? args.inputs : state(args);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), answer));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                calls.add(new Call(args.token, args.args, args.provider));
                return CompletableFuture.completedFuture(invoke(args));
            }
        };
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("argo-gke").stackName(stack).preview(mode == Mode.PREVIEW).build())
                    .config(config, secretKeys)
                    .mocks(mocks)
                    .monitorDecorator(m -> new RecordingMonitor(mocks, mode, recorded, secretInputs))
                    .build()
                    .runTest(program);
            synchronized (recorded) {
                synchronized (secretInputs) {
                    synchronized (calls) {
                        return new Result(result, List.copyOf(recorded), Map.copyOf(secretInputs), List.copyOf(calls));
                    }
                }
            }
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** The invokes the program makes, answered as Google would for an existing project. */
    private static Map<String, Object> invoke(Mocks.CallArgs args) {
        if (args.token.equals("gcp:organizations/getProject:getProject")) {
            String project = String.valueOf(args.args.getOrDefault("projectId", "project"));
            return Map.of("projectId", project, "number", PROJECT_NUMBER, "id", "projects/" + project, "name", project);
        }
        if (args.token.equals("gcp:storage/getProjectServiceAccount:getProjectServiceAccount")) {
            // The Cloud Storage service agent's documented form (Cloud Storage docs, "Service agents").
            return Map.of("emailAddress", "service-" + PROJECT_NUMBER + "@gs-project-accounts.iam.gserviceaccount.com",
                    "project", String.valueOf(args.args.getOrDefault("project", "project")), "id", "storage-agent");
        }
        return Map.of();
    }

    private static Map<String, Object> state(Mocks.ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        switch (args.type) {
            case "gcp:serviceaccount/account:Account" -> {
                String project = String.valueOf(args.inputs.getOrDefault("project", "project"));
                state.put("email", args.inputs.get("accountId") + "@" + project + ".iam.gserviceaccount.com");
                state.put("name", "projects/" + project + "/serviceAccounts/" + args.inputs.get("accountId"));
            }
            case "gcp:container/cluster:Cluster" -> {
                state.put("endpoint", CLUSTER_ENDPOINT);
                state.put("masterAuth", Map.of("clusterCaCertificate", "Q0EtY2VydA=="));
            }
            case "gcp:compute/globalAddress:GlobalAddress" -> state.put("address", STATIC_IP);
            case "gcp:dns/managedZone:ManagedZone" -> state.put("nameServers", List.of("ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."));
            case "kubernetes:helm.sh/v3:Release" -> state.put("status", Map.of("status", "deployed", "version", dev.argogke.argo.ArgoVersion.CHART_VERSION, "name", "argo-workflows"));
            default -> {
            }
        }
        return state;
    }

    /**
     * Sees the registrations as serialized for the engine, where secrets and unknown values still
     * carry their markers, and the dependencies the SDK sends; resources get the urns the real engine
     * would give them.
     */
    private static final class RecordingMonitor extends EngineNamingMonitor {
        // Pulumi's wire format (sdk/go/common/resource/sig.go, plugin/rpc.go): {"4dabf...": "1b470..."}
        // marks a secret; the string 04da6b54-... stands for an unknown value.
        private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
        private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
        /** The inputs the mocks were handed during the registration under way on this thread. */
        private static final ThreadLocal<Map<String, Object>> SEEN = new ThreadLocal<>();

        private final Mode mode;
        private final List<Registered> recorded;
        private final Map<String, Set<String>> secretInputs;

        RecordingMonitor(Mocks mocks, Mode mode, List<Registered> recorded, Map<String, Set<String>> secretInputs) {
            super(mocks, PulumiTestInternal.mockLog());
            this.mode = mode;
            this.recorded = recorded;
            this.secretInputs = secretInputs;
        }

        /** Called by the mocks, which the SDK's MockMonitor calls on the registering thread. */
        static void seen(Map<String, Object> inputs) {
            SEEN.set(inputs);
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            Set<String> secret = new HashSet<>();
            Set<String> unknown = new HashSet<>();
            request.getObject().getFieldsMap().forEach((key, value) -> {
                if (isSecret(value)) {
                    secret.add(key);
                }
                if (isUnknown(value)) {
                    unknown.add(key);
                }
            });
            secretInputs.put(request.getType() + "::" + request.getName(), secret);
            SEEN.remove();
            CompletableFuture<RegisterResourceResponse> response = super.registerResourceAsync(resource, request);
            Map<String, Object> inputs = SEEN.get();
            SEEN.remove();
            if (inputs != null) { // null: the root stack, which the mock engine answers itself
                Deployment deployment = Deployment.getInstance();
                String urn = Urns.of(deployment.getStackName(), deployment.getProjectName(), request.getParent(),
                        request.getType(), request.getName());
                recorded.add(new Registered(request.getType(), request.getName(), inputs,
                        request.getProvider().isEmpty() ? null : request.getProvider(), urn,
                        List.copyOf(request.getDependenciesList()), Set.copyOf(unknown)));
            }
            return mode == Mode.PREVIEW && request.getCustom()
                    ? response.thenApply(r -> PreviewAnswers.withUnknownOutputs(resource, r))
                    : response;
        }

        private static boolean isSecret(Value value) {
            return value.hasStructValue()
                    && value.getStructValue().getFieldsMap().containsKey(SIG_KEY)
                    && SECRET_SIG.equals(value.getStructValue().getFieldsMap().get(SIG_KEY).getStringValue());
        }

        /** An unknown value, or a secret whose value is unknown. */
        private static boolean isUnknown(Value value) {
            if (value.hasStringValue()) {
                return PreviewAnswers.UNKNOWN.equals(value.getStringValue());
            }
            return isSecret(value) && isUnknown(value.getStructValue().getFieldsMap().getOrDefault("value", Value.getDefaultInstance()));
        }
    }
}
