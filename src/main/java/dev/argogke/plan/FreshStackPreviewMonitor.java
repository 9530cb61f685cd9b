package dev.argogke.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine answering as a preview of a fresh stack does (engine urns, and every output a
 * provider would compute unknown: {@link PreviewAnswers}), writing down every registration.
 */
final class FreshStackPreviewMonitor extends EngineNamingMonitor {
    private final Registrations registrations = new Registrations();

    FreshStackPreviewMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    Registrations registrations() {
        return registrations;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request)
                .thenApply(response -> {
                    RegisterResourceResponse answer = request.getCustom() ? PreviewAnswers.withUnknownOutputs(resource, response) : response;
                    registrations.add(request, answer);
                    return answer;
                });
    }
}
