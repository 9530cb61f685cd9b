package dev.argogke.plan;

import com.pulumi.Log;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The Java SDK's mock engine, answering each registration with the urn the real engine would give
 * (see {@link Urns}). The SDK takes a resource's urn from the engine's answer, so parents,
 * provider references, dependencies and resource references all carry engine urns from then on,
 * and anything keyed on urns (plan diffs, the urn snapshots) agrees with a real stack's state.
 */
public class EngineNamingMonitor extends MockMonitor {
    public EngineNamingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        String urn = engineUrn(request.getParent(), request.getType(), request.getName());
        return super.registerResourceAsync(resource, request)
                .thenApply(response -> response.toBuilder().setUrn(urn).build());
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        String urn = engineUrn(request.getParent(), request.getType(), request.getName());
        return super.readResourceAsync(resource, request)
                .thenApply(response -> response.toBuilder().setUrn(urn).build());
    }

    private static String engineUrn(String parent, String type, String name) {
        Deployment deployment = Deployment.getInstance();
        return Urns.of(deployment.getStackName(), deployment.getProjectName(), parent, type, name);
    }
}
