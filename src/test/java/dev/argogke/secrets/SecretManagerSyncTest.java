package dev.argogke.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed dev stack's secrets, as the whole program plans them. Expectations from the sources:
 * Secret Manager's IAM docs ("Access control with IAM": roles/secretmanager.secretAccessor "allows
 * accessing the payload of secrets", grantable on a single secret), GKE's Workload Identity docs (the
 * member {@code serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]} with roles/iam.workloadIdentityUser
 * on the Google account, and the KSA annotated {@code iam.gke.io/gcp-service-account}), External Secrets
 * Operator's GCP provider docs (docs/provider/google-secrets-manager.md, tag v1.3.2: a SecretStore with
 * provider gcpsm, projectID and auth.workloadIdentity.serviceAccountRef) and its chart's README
 * (repository https://charts.external-secrets.io, installCRDs).
 */
class SecretManagerSyncTest {
    private static final MockCloud.Result DEV = MockCloud.run(MockCloud.stack("dev"), MockCloud::program);
    private static final String STORE_ACCOUNT = "argo-secrets-dev@acme-argo-dev.iam.gserviceaccount.com";

    @Test
    void theJiraTokenIsASecretWithoutAValueReadableByTheStoresAccountAlone() {
        Registered secret = DEV.one("gcp:secretmanager/secret:Secret");
        assertEquals("jira-api-token", secret.string("secretId"));
        assertEquals("acme-argo-dev", secret.string("project"));
        assertEquals(Map.of(), secret.input("replication.auto"), "automatic replication: " + secret.input("replication"));
        assertEquals(List.of(), DEV.ofType("gcp:secretmanager/secretVersion:SecretVersion"), "no value passes through Pulumi");

        Registered grant = DEV.one("gcp:secretmanager/secretIamMember:SecretIamMember");
        assertEquals("jira-api-token", grant.string("secretId"));
        assertEquals("roles/secretmanager.secretAccessor", grant.string("role"));
        assertEquals("serviceAccount:" + STORE_ACCOUNT, grant.string("member"));
        for (Registered projectGrant : DEV.ofType("gcp:projects/iAMMember:IAMMember")) {
            assertTrue(!projectGrant.string("role").startsWith("roles/secretmanager."), "no project-wide secret role: " + projectGrant.inputs());
        }
    }

    @Test
    void theStoreActsAsItsOwnGoogleAccountThroughWorkloadIdentity() {
        Registered account = DEV.named("gcp:serviceaccount/account:Account", "secrets");
        assertEquals("argo-secrets-dev", account.string("accountId"));
        Registered binding = DEV.named("gcp:serviceaccount/iAMMember:IAMMember", "secrets-wi");
        assertEquals("roles/iam.workloadIdentityUser", binding.string("role"));
        assertEquals("serviceAccount:acme-argo-dev.svc.id.goog[argo-workflows/secret-manager]", binding.string("member"));
        assertTrue(binding.string("serviceAccountId").contains("argo-secrets-dev"), binding.string("serviceAccountId"));

        Registered ksa = DEV.named("kubernetes:core/v1:ServiceAccount", "secrets");
        assertEquals("secret-manager", ksa.string("metadata.name"));
        assertEquals("argo-workflows", ksa.string("metadata.namespace"));
        assertEquals(STORE_ACCOUNT, ksa.input("metadata.annotations") instanceof Map<?, ?> a ? a.get("iam.gke.io/gcp-service-account") : null);

        Registered store = DEV.one("kubernetes:external-secrets.io/v1:SecretStore");
        assertEquals("secret-manager", store.string("metadata.name"));
        assertEquals("argo-workflows", store.string("metadata.namespace"));
        assertEquals("acme-argo-dev", store.string("spec.provider.gcpsm.projectID"));
        assertEquals("secret-manager", store.string("spec.provider.gcpsm.auth.workloadIdentity.serviceAccountRef.name"));
    }

    @Test
    void theOperatorIsThePinnedChartWithItsCrdsWatchingTheWorkflowsNamespaceOnly() {
        Registered release = DEV.named("kubernetes:helm.sh/v3:Release", "secrets");
        assertEquals("external-secrets", release.string("chart"));
        assertEquals("1.3.2", release.string("version"));
        assertEquals("https://charts.external-secrets.io", release.string("repositoryOpts.repo"));
        assertEquals("external-secrets", release.string("namespace"));
        assertEquals(true, release.input("values.installCRDs"));
        assertEquals("argo-workflows", release.string("values.scopedNamespace"));
        assertEquals(true, release.input("values.scopedRBAC"));
        // values.yaml webhook.create / certController.create; the certificate controller's ClusterRole
        // (templates/cert-controller-rbac.yaml) would read and write every Secret of the cluster.
        assertEquals(false, release.input("values.certController.create"));
        assertEquals(false, release.input("values.webhook.create"));
        assertTrue(release.dependsOn(DEV.named("kubernetes:core/v1:Namespace", "secrets-operator")), release.dependencies().toString());

        Registered store = DEV.one("kubernetes:external-secrets.io/v1:SecretStore");
        assertTrue(store.dependsOn(release), "the store's CRD comes with the release: " + store.dependencies());
        assertTrue(store.dependsOn(DEV.named("kubernetes:core/v1:ServiceAccount", "secrets")), store.dependencies().toString());
    }

    @Test
    void secretManagersApiIsEnabledForIt() {
        assertEquals("secretmanager.googleapis.com",
                DEV.named("gcp:projects/service:Service", "services-secretmanager").string("service"));
    }
}
