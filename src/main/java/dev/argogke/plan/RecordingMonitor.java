package dev.argogke.plan;

import com.pulumi.deployment.internal.Monitor;
import com.pulumi.resources.Resource;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;

/** The real engine's resource monitor, writing down every registration in {@link Registrations} on the way. */
public final class RecordingMonitor implements Monitor {
    private final Monitor engine;
    private final Registrations registrations = new Registrations();

    public RecordingMonitor(Monitor engine) {
        this.engine = engine;
    }

    public Registrations registrations() {
        return registrations;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return engine.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(request, response);
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        registrations.addOutputs(request);
        return engine.registerResourceOutputsAsync(request);
    }

    @Override
    public CompletableFuture<SupportsFeatureResponse> supportsFeatureAsync(SupportsFeatureRequest request) {
        return engine.supportsFeatureAsync(request);
    }

    @Override
    public CompletableFuture<ResourceInvokeResponse> invokeAsync(ResourceInvokeRequest request) {
        return engine.invokeAsync(request);
    }

    @Override
    public CompletableFuture<CallResponse> callAsync(ResourceCallRequest request) {
        return engine.callAsync(request);
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return engine.readResourceAsync(resource, request);
    }

    @Override
    public CompletableFuture<RegisterPackageResponse> registerPackageAsync(RegisterPackageRequest request) {
        return engine.registerPackageAsync(request);
    }
}
