package dev.argogke.policy;

import dev.argogke.plan.ResourceTypes;
import java.util.Optional;

/**
 * The reasons several rules share for not applying to a stack ({@link Rule#notApplicable}): a
 * stack with no Google Cloud at all, and a stack with no public endpoint.
 */
final class Applicability {
    /** The README: a kubeconfig stack has "no Google Cloud at all" (no project, bucket, service accounts or GKE settings). */
    static final String NO_GOOGLE_CLOUD = "no Google Cloud: the cluster is reached by kubeconfig (argo-gke:cluster.existing.kubeconfig)";
    static final String NO_PUBLIC_ENDPOINT = "no public endpoint: the stack creates no Ingress";

    private Applicability() {
    }

    /** For the rules about Google Cloud resources and settings. */
    static Optional<String> outsideGoogleCloud(PolicyInput input) {
        return input.settings().gcp().isPresent() ? Optional.empty() : Optional.of(NO_GOOGLE_CLOUD);
    }

    /** For the rules about the endpoint the UI is served on: without an Ingress, nothing is served over HTTP(S). */
    static Optional<String> withoutPublicEndpoint(PolicyInput input) {
        return new PlanQuery(input.plan()).ofType(ResourceTypes.INGRESS).isEmpty() ? Optional.of(NO_PUBLIC_ENDPOINT) : Optional.empty();
    }
}
