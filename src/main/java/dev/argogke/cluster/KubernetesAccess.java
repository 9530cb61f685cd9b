package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes provider every in-cluster resource goes through, built from the cluster itself.
 *
 * <p>On GKE the kubeconfig authenticates with {@code gke-gcloud-auth-plugin} (the {@code auth-provider: gcp}
 * of old kubeconfigs was removed in Kubernetes 1.26). Nothing reads the user's ambient kubeconfig,
 * so a {@code pulumi up} can never deploy to whatever cluster kubectl happens to point at: a cluster
 * outside Google Cloud is named explicitly, by its kubeconfig file and context in the stack's settings.
 */
public final class KubernetesAccess extends ComponentResource {
    /**
     * @param kubeconfig the kubeconfig's text (secret)
     * @param context    the context to use; empty: the kubeconfig's current context
     */
    public record Args(Output<String> kubeconfig, Optional<String> context) {
        /** A GKE cluster, created by this stack or read from the project. */
        public static Args gke(Cluster cluster) {
            return new Args(Output.tuple(cluster.name(), cluster.endpoint(),
                            cluster.masterAuth().applyValue(a -> a.clusterCaCertificate().orElse("")))
                    .applyValue(t -> KubernetesAccess.kubeconfig(t.t1, t.t2, t.t3)), Optional.empty());
        }
    }

    private final Output<String> kubeconfig;
    private final Optional<String> context;
    private final Provider provider;

    public KubernetesAccess(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:KubernetesAccess", name, options);
        this.kubeconfig = args.kubeconfig().asSecret();
        this.context = args.context();
        ProviderArgs.Builder provider = ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                // Server-side apply: a field another manager owns is a conflict, not silently overwritten.
                .enableServerSideApply(true);
        args.context().ifPresent(provider::context);
        this.provider = new Provider(name, provider.build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("kubeconfig", kubeconfig));
    }

    /** A kubeconfig for the cluster that uses the gcloud auth plugin; contains no credentials. */
    public static String kubeconfig(String clusterName, String endpoint, String caCertificate) {
        String context = "argo-gke-" + clusterName;
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://%2$s
                    certificate-authority-data: %3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                users:
                - name: %1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: gke-gcloud-auth-plugin
                      installHint: Install gke-gcloud-auth-plugin with `gcloud components install gke-gcloud-auth-plugin`.
                      provideClusterInfo: true
                """.formatted(context, endpoint, caCertificate);
    }

    public Provider provider() {
        return provider;
    }

    /** Secret: it names the cluster's endpoint and CA (and, outside GKE, may hold credentials). */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** The kubeconfig context the provider uses; empty: the kubeconfig's current one. */
    public Optional<String> context() {
        return context;
    }
}
