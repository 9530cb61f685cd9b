package dev.argogke.secrets;

import com.pulumi.core.Output;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationAutoArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.config.GoogleIds;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import dev.argogke.workflows.lint.JobObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The jobs' credentials, kept in Google Secret Manager and synced into Kubernetes Secrets of the
 * workflows namespace by External Secrets Operator (ESO), for the ExternalSecrets in
 * {@code workflows/}. Not GKE's Secret Manager add-on: it is switched on with the cluster's
 * {@code secretManagerConfig}, which com.pulumi:gcp 7.0.0 (the newest Maven Central serves) does
 * not have.
 *
 * <p>Creates: ESO's release ({@link ExternalSecretsChart}) in a namespace of its own; one SecretStore
 * ({@link JobObjects#SECRET_STORE}) in the workflows namespace that reads Secret Manager as a Google
 * service account of its own through Workload Identity (ESO v1.3.2
 * providers/v1/gcp/secretmanager/workload_identity.go: it requests a token for the store's Kubernetes
 * service account, exchanges it with Google's STS for the project's identity pool, and acts as the
 * Google account named in the account's {@code iam.gke.io/gcp-service-account} annotation, which
 * needs {@code roles/iam.workloadIdentityUser} on that account for that one Kubernetes account); and,
 * for each secret an ExternalSecret names, the Secret Manager secret (no version: the value is
 * added with gcloud, so it never passes through Pulumi, its state or git) and
 * {@code roles/secretmanager.secretAccessor} on that secret alone for the store's account.
 */
public final class SecretManagerSync extends ComponentResource {
    /** The store's Kubernetes service account, in the workflows namespace. */
    public static final String STORE_SERVICE_ACCOUNT = "secret-manager";
    public static final String ACCESSOR_ROLE = "roles/secretmanager.secretAccessor";

    /**
     * @param secrets           the Secret Manager secrets the ExternalSecrets name
     * @param workflowsNamespace the namespace resource the store and its account go in
     * @param identityPool      what brings the project's Workload Identity pool into being (the cluster)
     * @param podsCanRun        what the operator's pods need to start: nodes and, with private nodes,
     *                          Cloud NAT for ghcr.io
     */
    public record Args(String project, String stack, String namespace, SortedSet<String> secrets,
                       Output<String> kubeconfig, Optional<String> context, Resource workflowsNamespace,
                       List<Resource> identityPool, List<Resource> podsCanRun) {
    }

    private final Release release;
    private final CustomResource store;

    public SecretManagerSync(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:secrets:SecretManagerSync", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "argo-gke");
        var namespace = new Namespace(name + "-operator", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ExternalSecretsChart.NAMESPACE).labels(namespaceLabels()).build())
                .build(), child);
        List<Resource> releaseNeeds = new ArrayList<>(List.of(namespace, args.workflowsNamespace()));
        releaseNeeds.addAll(args.podsCanRun());
        this.release = new Release(name, ReleaseArgs.builder()
                .name(ExternalSecretsChart.RELEASE_NAME)
                .chart(ExternalSecretsChart.CHART)
                .version(ExternalSecretsChart.VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(ExternalSecretsChart.REPOSITORY).build())
                .namespace(ExternalSecretsChart.NAMESPACE)
                .values(Map.copyOf(ExternalSecretsChart.values(args.namespace())))
                // Wait for the operator: the SecretStore and ExternalSecrets need its CRDs, and are synced at once.
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(600)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(releaseNeeds).build());

        Account account = new Account(name, AccountArgs.builder()
                .project(args.project())
                .accountId(GoogleIds.serviceAccountId("argo-secrets-" + args.stack()))
                .displayName("Secret Manager reader of the workflows of stack " + args.stack() + " (argo-gke)")
                .build(), child);
        Output<String> member = account.email().applyValue(e -> "serviceAccount:" + e);
        new IAMMember(name + "-wi", IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role("roles/iam.workloadIdentityUser")
                .member("serviceAccount:" + args.project() + ".svc.id.goog[" + args.namespace() + "/" + STORE_SERVICE_ACCOUNT + "]")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.identityPool()).build());
        var serviceAccount = new ServiceAccount(name, ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(STORE_SERVICE_ACCOUNT).namespace(args.namespace()).labels(labels)
                        .annotations(Map.of("iam.gke.io/gcp-service-account",
                                GoogleIds.serviceAccountEmail(GoogleIds.serviceAccountId("argo-secrets-" + args.stack()), args.project())))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.workflowsNamespace()).build());
        for (String secretId : args.secrets()) {
            secret(name, args, secretId, member);
        }
        this.store = store(name, args, labels, List.of(release, serviceAccount));
        registerOutputs(Map.of("secrets", Output.of(List.copyOf(args.secrets()))));
    }

    /** The secret, without a version, and read access to it alone (not a project-wide role). */
    private void secret(String name, Args args, String secretId, Output<String> member) {
        String resourceName = name + "-" + secretId;
        var secret = new Secret(resourceName, SecretArgs.builder()
                .project(args.project())
                .secretId(secretId)
                .replication(SecretReplicationArgs.builder().auto(SecretReplicationAutoArgs.builder().build()).build())
                .labels(Map.of("app", "argo-gke", "stack", GoogleIds.labelValue(args.stack())))
                .build(), CustomResourceOptions.builder().parent(this).build());
        new SecretIamMember(resourceName + "-read", SecretIamMemberArgs.builder()
                .project(args.project())
                .secretId(secret.secretId())
                .role(ACCESSOR_ROLE)
                .member(member)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * The SecretStore, through a provider whose configuration waits for the release, as the
     * workflows' provider does (see {@link dev.argogke.workflows.WorkflowsDeployment}): in a fresh
     * stack's preview its CRD does not exist yet.
     */
    private CustomResource store(String name, Args args, Map<String, String> labels, List<Resource> needs) {
        ProviderArgs.Builder providerArgs = ProviderArgs.builder()
                .kubeconfig(Output.tuple(release.status(), args.kubeconfig()).applyValue(t -> t.t2).asSecret())
                .enableServerSideApply(true);
        args.context().ifPresent(providerArgs::context);
        var provider = new Provider(name, providerArgs.build(), CustomResourceOptions.builder().parent(this).build());
        return new CustomResource(name + "-store", CustomResourceArgs.builder(JobObjects.EXTERNAL_SECRET_API_VERSION, JobObjects.SECRET_STORE_KIND)
                .metadata(ObjectMetaArgs.builder().name(JobObjects.SECRET_STORE).namespace(args.namespace()).labels(labels).build())
                .spec(storeSpec(args.project()))
                .build(), CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(needs).build());
    }

    /**
     * ESO v1.3.2's SecretStore (config/crds/bases/external-secrets.io_secretstores.yaml, v1):
     * provider {@code gcpsm} with {@code projectID} and {@code auth.workloadIdentity.serviceAccountRef}.
     * The cluster's name and location are left to the metadata server, where workload_identity.go reads
     * them when they are not given.
     */
    static Map<String, Object> storeSpec(String project) {
        return Map.of("provider", Map.of("gcpsm", Map.of(
                "projectID", project,
                "auth", Map.of("workloadIdentity", Map.of(
                        "clusterProjectID", project,
                        "serviceAccountRef", Map.of("name", STORE_SERVICE_ACCOUNT))))));
    }

    /** Pod Security baseline enforced, restricted warned (as argo-gke's other namespaces; the chart's pods meet restricted). */
    private static Map<String, String> namespaceLabels() {
        return Map.of("app.kubernetes.io/part-of", "argo-gke",
                "pod-security.kubernetes.io/enforce", "baseline",
                "pod-security.kubernetes.io/warn", "restricted",
                "pod-security.kubernetes.io/audit", "restricted");
    }

    public Release release() {
        return release;
    }

    public CustomResource store() {
        return store;
    }
}
