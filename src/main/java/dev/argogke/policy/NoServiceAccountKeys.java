package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No service-account keys: a key file is a password that never expires. Everything reaches
 * Google through Workload Identity instead, the artifact repository included.
 */
final class NoServiceAccountKeys implements Rule {
    static final String KEY = "gcp:serviceaccount/key:Key";

    @Override
    public String name() {
        return "no-service-account-keys";
    }

    @Override
    public String description() {
        return "no service-account keys are created; Google is reached through Workload Identity";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource key : plan.ofType(KEY)) {
            out.add(violation(PlanQuery.label(key), "creates a service-account key, a credential that never expires; "
                    + "bind a Kubernetes service account to the Google one with Workload Identity instead"));
        }
        for (PlanQuery.HelmRelease release : plan.helmReleases()) {
            // argo-helm values.yaml: artifactRepository.gcs.serviceAccountKeySecret mounts a key file.
            if (release.value("artifactRepository.gcs.serviceAccountKeySecret") != null) {
                out.add(violation(PlanQuery.label(release.resource()), "values.artifactRepository.gcs.serviceAccountKeySecret reads the bucket with a key file; "
                        + "remove it (the workflows' service account reaches the bucket through Workload Identity)"));
            }
        }
        return out;
    }
}
