package dev.argogke;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * A stand-in for the Pulumi engine's side of the wire during a preview: the two gRPC services a
 * program talks to ({@code pulumirpc.ResourceMonitor} at {@code PULUMI_MONITOR},
 * {@code pulumirpc.Engine} at {@code PULUMI_ENGINE}), on loopback. It is not the engine: no
 * providers, no state, no diff; it answers the way the real engine (pulumi/pulumi v3.259.0)
 * answers a preview of a new stack, so that the program's real entry point can be run as the
 * Java language host runs it. The real CLI is exercised in the end-to-end tier.
 *
 * <ul>
 * <li>{@code SupportsFeature}: the features {@code resmon.supportsFeatureID} in
 * {@code pkg/resource/deploy/source_eval.go} answers true for;</li>
 * <li>{@code RegisterResource}: the URN of {@code Deployment.generateURN}
 * ({@code pkg/resource/deploy/deployment.go}) and {@code urn.New}
 * ({@code sdk/go/common/resource/urn/urn.go}): {@code urn:pulumi:<stack>::<project>::<type chain>::<name>},
 * where the chain is the parent's qualified type, then {@code $}, then the type, and the root
 * stack's type is left out; no id; a custom resource's inputs as its outputs, as a provider
 * answers the preview of a create (pulumi-kubernetes v4 {@code provider.go} {@code Create}: "return
 * them as-is" when it cannot dry-run; a server-side dry-run returns the inputs with what the API
 * server adds), and anything else unknown, as the SDK reads a missing output in a preview;
 * a URN registered twice is the engine's error "Duplicate resource URN";</li>
 * <li>{@code Log}: kept, for the test to read;</li>
 * <li>{@code Invoke} of {@value #GET_PROJECT}, the one data source the program reads: answered as
 * the Google provider would in a preview (the engine runs an invoke during a preview too, through
 * the provider the request names), with a made-up project number, and written down;</li>
 * <li>anything else (other invokes, reads, calls) needs a provider: refused, and written down.</li>
 * </ul>
 */
final class StandInEngine implements AutoCloseable {
    static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    /** {@code resmon.supportsFeatureID}, pulumi/pulumi v3.259.0 (resourceReferences and outputValues unless disabled). */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues", "aliasSpecs",
            "replacementTrigger", "deletedWith", "replaceWith", "transforms", "invokeTransforms", "parameterization",
            "resourceHooks", "errorHooks", "sendsOptionsToHooks");

    /** pulumi-gcp's project data source (GoogleCloud#projectNumber). */
    static final String GET_PROJECT = "gcp:organizations/getProject:getProject";
    static final String PROJECT_NUMBER = "123456789012";

    record Registration(String urn, String type, String name, String parent, boolean custom) {
    }

    /** An invoke the stand-in answered: its function, arguments and the provider reference ({@code urn::id}). */
    record Invoke(String token, Struct args, String provider) {
    }

    record Diagnostic(LogSeverity severity, String message, String urn) {
    }

    private final String stack;
    private final String project;
    private final Server server;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<Invoke> invoked = Collections.synchronizedList(new ArrayList<>());
    private final List<String> outputsRegisteredFor = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> urns = Collections.synchronizedSet(new HashSet<>());

    StandInEngine(String stack, String project) throws IOException {
        this.stack = stack;
        this.project = project;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor()).addService(new Engine()).build().start();
    }

    /** What the language host puts in {@code PULUMI_MONITOR} and {@code PULUMI_ENGINE}. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    List<Diagnostic> diagnostics() {
        synchronized (diagnostics) {
            return List.copyOf(diagnostics);
        }
    }

    List<Diagnostic> errors() {
        return diagnostics().stream().filter(d -> d.severity() == LogSeverity.ERROR).toList();
    }

    /** Calls a real engine would hand to a provider, which this stand-in has none of. */
    List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    /** The invokes answered (see the class comment). */
    List<Invoke> invoked() {
        synchronized (invoked) {
            return List.copyOf(invoked);
        }
    }

    /** The URNs whose outputs the program registered (the root stack's last of all, when the program ends). */
    List<String> outputsRegisteredFor() {
        synchronized (outputsRegisteredFor) {
            return List.copyOf(outputsRegisteredFor);
        }
    }

    /** {@code Deployment.generateURN}: the parent's qualified type before the type, unless the parent is the root stack. */
    static String urn(String stack, String project, String parentUrn, String type, String name) {
        String chain = type;
        if (!parentUrn.isEmpty()) {
            String parentType = qualifiedType(parentUrn);
            if (!parentType.equals(ROOT_STACK_TYPE)) {
                chain = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + chain + "::" + name;
    }

    /** The third {@code ::}-separated part of {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}. */
    static String qualifiedType(String urn) {
        String[] parts = urn.substring("urn:pulumi:".length()).split("::", 4);
        return parts[2];
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            response.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
            String urn = urn(stack, project, request.getParent(), request.getType(), request.getName());
            if (!urns.add(urn)) {
                String message = "Duplicate resource URN '" + urn + "'; try giving it a unique name";
                diagnostics.add(new Diagnostic(LogSeverity.ERROR, message, urn));
                response.onError(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
                return;
            }
            registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(), request.getCustom()));
            Struct outputs = request.getCustom() ? request.getObject() : Struct.getDefaultInstance();
            response.onNext(RegisterResourceResponse.newBuilder().setUrn(urn).setObject(outputs).build());
            response.onCompleted();
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            outputsRegisteredFor.add(request.getUrn());
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
            if (!GET_PROJECT.equals(request.getTok())) {
                refuse("invoke " + request.getTok(), response);
                return;
            }
            invoked.add(new Invoke(request.getTok(), request.getArgs(), request.getProvider()));
            // The data source's outputs that matter here (pulumi-gcp GetProjectResult: number, projectId).
            Struct answer = Struct.newBuilder()
                    .putFields("number", Value.newBuilder().setStringValue(PROJECT_NUMBER).build())
                    .putFields("projectId", request.getArgs().getFieldsOrDefault("projectId", Value.getDefaultInstance()))
                    .build();
            response.onNext(ResourceInvokeResponse.newBuilder().setReturn(answer).build());
            response.onCompleted();
        }

        @Override
        public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> response) {
            refuse("read " + request.getType() + " " + request.getName(), response);
        }

        @Override
        public void call(ResourceCallRequest request, StreamObserver<CallResponse> response) {
            refuse("call " + request.getTok(), response);
        }

        private void refuse(String what, StreamObserver<?> response) {
            refused.add(what);
            response.onError(Status.UNIMPLEMENTED.withDescription("the stand-in engine has no providers: " + what).asRuntimeException());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> response) {
            diagnostics.add(new Diagnostic(request.getSeverity(), request.getMessage(), request.getUrn()));
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void requirePulumiVersion(RequirePulumiVersionRequest request, StreamObserver<RequirePulumiVersionResponse> response) {
            response.onNext(RequirePulumiVersionResponse.getDefaultInstance());
            response.onCompleted();
        }
    }
}
