package dev.argogke.k8s;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.Optional;

/**
 * A Kubernetes provider whose configuration waits for something, usually the Helm release that
 * brings the CRDs of the objects created through it.
 *
 * <p>A fresh stack's first preview must not fail because those CRDs do not exist yet
 * (pulumi-kubernetes#3247: a server-side dry run of a custom resource fails with "no matches for
 * kind" while the release that brings its CRD is itself only planned). With a kubeconfig derived
 * from the release's status, the provider's configuration is unknown in a preview while the release
 * is still to be created or changed, and the Kubernetes provider then previews without asking the
 * API server. On {@code up}, the release finishes first, since every object depends on it.
 */
public final class ProviderAfter {
    private ProviderAfter() {
    }

    /**
     * @param kubeconfig the cluster's kubeconfig (secret)
     * @param context    its context to use; empty: its current one
     * @param ready      what must be known first (a release's status)
     */
    public static Provider of(String name, Resource parent, Output<String> kubeconfig, Optional<String> context, Output<?> ready) {
        Output<String> after = Output.tuple(ready, kubeconfig).applyValue(t -> t.t2);
        ProviderArgs.Builder args = ProviderArgs.builder()
                .kubeconfig(after.asSecret())
                .enableServerSideApply(true);
        context.ifPresent(args::context);
        return new Provider(name, args.build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
