package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.WorkflowFiles;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orderings a first {@code pulumi up} of each committed stack needs, checked on the creation
 * order recorded in its plan ({@link CreationOrder}: what the engine waits for, by Pulumi's rules).
 * Each says why Google or Kubernetes would fail without it.
 */
class CommittedStacksCreationOrderTest {
    static PlanFile plan(String stack) {
        return CommittedPlans.of(stack);
    }

    static List<PlanFile.Resource> ofType(PlanFile plan, String type) {
        return plan.resourcesOfType(type);
    }

    static PlanFile.Resource one(PlanFile plan, String type) {
        List<PlanFile.Resource> found = ofType(plan, type);
        assertEquals(1, found.size(), type + ": " + found);
        return found.get(0);
    }

    /** Argo's release (the stacks also install External Secrets Operator's, named {@code secrets}). */
    static PlanFile.Resource argoRelease(PlanFile plan) {
        List<PlanFile.Resource> found = ofType(plan, ResourceTypes.HELM_RELEASE).stream().filter(r -> r.name().equals("argo")).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    static void assertWaits(PlanFile plan, PlanFile.Resource later, PlanFile.Resource earlier, String why) {
        CreationOrder order = CreationOrder.of(plan);
        assertTrue(order.waitsFor(later.urn(), earlier.urn()),
                later.urn() + " must wait for " + earlier.urn() + ": " + why + "\nit waits for: " + order.mustExistBefore(later.urn()));
    }

    static List<PlanFile.Resource> where(PlanFile plan, Predicate<PlanFile.Resource> test) {
        return plan.resources().stream().filter(PlanFile.Resource::custom).filter(test).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void workloadIdentityBindingsWaitForTheCluster(String stack) {
        PlanFile plan = plan(stack);
        String pool = "serviceAccount:" + MockCloud.stack(stack).values().get("gcp:project") + ".svc.id.goog[";
        List<PlanFile.Resource> bindings = where(plan, r -> r.type().equals("gcp:serviceaccount/iAMMember:IAMMember")
                && r.input("member") instanceof String m && m.startsWith(pool));
        assertEquals(5, bindings.size(), "workflows', argo-server's, the SecretStore's and the Pub/Sub EventSources' (hr-exports,"
                + " partner-files): " + bindings);
        for (PlanFile.Resource binding : bindings) {
            // Google answers "Error 400: Identity Pool does not exist" until a cluster with Workload
            // Identity exists, and the provider does not retry a 400
            // (terraform-google-modules/terraform-google-kubernetes-engine#916).
            assertWaits(plan, binding, one(plan, ResourceTypes.CLUSTER), "the Workload Identity pool comes with the cluster");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReleaseWaitsForEveryNodePool(String stack) {
        PlanFile plan = plan(stack);
        List<PlanFile.Resource> pools = ofType(plan, ResourceTypes.NODE_POOL);
        assertFalse(pools.isEmpty());
        List<PlanFile.Resource> releases = ofType(plan, ResourceTypes.HELM_RELEASE);
        assertEquals(List.of("argo", "argo-events", "secrets"), releases.stream().map(PlanFile.Resource::name).sorted().toList(),
                "Argo, Argo Events and External Secrets Operator");
        for (PlanFile.Resource release : releases) {
            for (PlanFile.Resource pool : pools) {
                // The cluster's default pool is removed: until a pool has nodes, the chart's pods stay
                // Pending and the atomic release fails at its timeout and rolls back.
                assertWaits(plan, release, pool, "its pods need nodes");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void withPrivateNodesTheArgoReleaseWaitsForCloudNat(String stack) {
        PlanFile plan = plan(stack);
        assertEquals(true, one(plan, ResourceTypes.CLUSTER).input("privateClusterConfig.enablePrivateNodes"), "both stacks");
        // Nodes without external IPs reach quay.io (Argo's images) and ghcr.io (External Secrets Operator's)
        // only through Cloud NAT (GKE docs, "Creating a private cluster": Cloud NAT for outbound internet access).
        for (PlanFile.Resource release : ofType(plan, ResourceTypes.HELM_RELEASE)) {
            assertWaits(plan, release, one(plan, ResourceTypes.ROUTER_NAT), "its images are pulled from outside Google through the NAT");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkflowObjectWaitsForTheRelease(String stack) {
        PlanFile plan = plan(stack);
        List<String> eventKinds = List.of("EventSource", "Sensor");
        List<PlanFile.Resource> argo = where(plan, r -> r.type().startsWith("kubernetes:argoproj.io/") && !r.type().endsWith(":EventBus")
                && eventKinds.stream().noneMatch(k -> r.type().endsWith(":" + k)));
        assertEquals(WorkflowFiles.argoWorkflowsDocuments(), argo.size(),
                "every Argo Workflows document of workflows/");
        for (PlanFile.Resource r : argo) {
            assertWaits(plan, r, argoRelease(plan), "the release installs Argo's CRDs");
        }
        PlanFile.Resource events = ofType(plan, ResourceTypes.HELM_RELEASE).stream().filter(r -> r.name().equals("argo-events")).findFirst().orElseThrow();
        List<PlanFile.Resource> eventObjects = where(plan, r -> eventKinds.stream().anyMatch(k -> r.type().equals("kubernetes:argoproj.io/v1alpha1:" + k)));
        assertEquals(WorkflowFiles.count("EventSource") + WorkflowFiles.count("Sensor"), eventObjects.size(), "every EventSource and Sensor of workflows/");
        for (PlanFile.Resource r : eventObjects) {
            assertWaits(plan, r, events, "Argo Events' release installs their CRDs");
            assertWaits(plan, r, one(plan, "kubernetes:argoproj.io/v1alpha1:EventBus"), "they talk through the EventBus");
        }
        List<PlanFile.Resource> externalSecrets = where(plan, r -> r.type().equals("kubernetes:external-secrets.io/v1:ExternalSecret"));
        assertEquals(WorkflowFiles.count("ExternalSecret"), externalSecrets.size(), "every ExternalSecret of workflows/");
        PlanFile.Resource operator = ofType(plan, ResourceTypes.HELM_RELEASE).stream().filter(r -> r.name().equals("secrets")).findFirst().orElseThrow();
        for (PlanFile.Resource r : externalSecrets) {
            assertWaits(plan, r, operator, "the operator's release installs the ExternalSecret CRD");
            assertWaits(plan, r, one(plan, "kubernetes:external-secrets.io/v1:SecretStore"), "it reads the store");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theUisIngressAndBackendConfigWaitForTheRelease(String stack) {
        PlanFile plan = plan(stack);
        for (String type : List.of(ResourceTypes.INGRESS, "kubernetes:cloud.google.com/v1:BackendConfig")) {
            assertWaits(plan, one(plan, type), argoRelease(plan),
                    "the release makes the argo-server Service they point at");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKubernetesObjectWaitsForTheCluster(String stack) {
        PlanFile plan = plan(stack);
        List<PlanFile.Resource> objects = where(plan, r -> r.type().startsWith("kubernetes:"));
        assertTrue(objects.contains(argoRelease(plan)), objects.toString());
        for (PlanFile.Resource r : objects) {
            assertWaits(plan, r, one(plan, ResourceTypes.CLUSTER), "its API server comes with the cluster");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void namespacedKubernetesObjectsWaitForTheirNamespace(String stack) {
        PlanFile plan = plan(stack);
        List<PlanFile.Resource> namespaces = ofType(plan, "kubernetes:core/v1:Namespace");
        // Argo's own and the workflows', never one (Argo docs/security.md; SettingsLoader's default),
        // External Secrets Operator's (the JIRA sync's ExternalSecret) and Argo Events' (workflows/' EventSources).
        assertEquals(List.of("argo", "argo-events", "argo-workflows", "external-secrets"),
                namespaces.stream().map(ns -> ns.input("metadata.name")).sorted().toList());
        for (PlanFile.Resource ns : namespaces) {
            Object name = ns.input("metadata.name");
            List<PlanFile.Resource> inside = where(plan, r -> r.type().startsWith("kubernetes:")
                    && (name.equals(r.input("metadata.namespace")) || name.equals(r.input("namespace"))));
            assertFalse(inside.isEmpty(), "namespace " + name + " holds something");
            for (PlanFile.Resource r : inside) {
                assertWaits(plan, r, ns, "the API server refuses objects in a namespace that does not exist");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void nodePoolsWaitForTheNodeServiceAccountsRoles(String stack) {
        PlanFile plan = plan(stack);
        List<PlanFile.Resource> roles = where(plan, r -> r.type().equals("gcp:projects/iAMMember:IAMMember")
                && r.parent().endsWith("::argo-gke:cluster:GkeCluster::cluster"));
        assertEquals(2, roles.size(), roles.toString());
        List<PlanFile.Resource> pools = ofType(plan, ResourceTypes.NODE_POOL);
        assertFalse(pools.isEmpty());
        for (PlanFile.Resource pool : pools) {
            for (PlanFile.Resource role : roles) {
                // Nodes without roles/container.defaultNodeServiceAccount cannot write logs and
                // metrics, and without Artifact Registry reader cannot pull the team's images.
                assertWaits(plan, pool, role, "nodes start working as the service account at once");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theClusterWaitsForGkesServiceAgentToHoldItsSecretsKey(String stack) {
        PlanFile plan = plan(stack);
        PlanFile.Resource key = one(plan, "gcp:kms/cryptoKey:CryptoKey");
        PlanFile.Resource grant = one(plan, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
        // GKE docs, "Encrypt secrets at the application layer": the service agent needs
        // roles/cloudkms.cryptoKeyEncrypterDecrypter on the key before a cluster can be created with it.
        assertWaits(plan, one(plan, ResourceTypes.CLUSTER), grant, "GKE uses the key as soon as it creates the cluster");
        assertWaits(plan, grant, key, "the grant is on the key");
        assertWaits(plan, key, one(plan, "gcp:kms/keyRing:KeyRing"), "a key lives in a key ring");
        PlanFile.Resource kmsApi = where(plan, r -> r.type().equals("gcp:projects/service:Service")
                && "cloudkms.googleapis.com".equals(r.input("service"))).get(0);
        assertWaits(plan, key, kmsApi, "Cloud KMS answers 403 SERVICE_DISABLED until its API is on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyGoogleResourceWaitsForTheApisItCalls(String stack) {
        PlanFile plan = plan(stack);
        List<PlanFile.Resource> apis = ofType(plan, "gcp:projects/service:Service");
        // What the stack's resource types call: compute (network, NAT, address), container (cluster),
        // iam (service accounts), storage (bucket), dns (zone), iap (IAP's IAM), cloudkms (the Secrets
        // key), cloudresourcemanager (project IAM members, audit config, getProject), secretmanager (the
        // JIRA sync's token) and pubsub (the event sources' topics and subscriptions).
        assertEquals(List.of("cloudkms.googleapis.com", "cloudresourcemanager.googleapis.com", "compute.googleapis.com",
                "container.googleapis.com", "dns.googleapis.com", "iam.googleapis.com", "iap.googleapis.com", "pubsub.googleapis.com",
                "secretmanager.googleapis.com", "storage.googleapis.com"),
                apis.stream().map(a -> a.input("service")).sorted().toList());
        List<PlanFile.Resource> callers = where(plan, r -> r.type().startsWith("gcp:") && !r.type().startsWith("gcp:projects/service:"));
        assertTrue(callers.contains(one(plan, ResourceTypes.CLUSTER)), callers.toString());
        for (PlanFile.Resource r : callers) {
            for (PlanFile.Resource api : apis) {
                // A call to a disabled API fails with 403 SERVICE_DISABLED; IAP's web IAM bindings
                // need iap.googleapis.com, the cluster container.googleapis.com, and so on.
                assertWaits(plan, r, api, "an API must be enabled before it is called");
            }
        }
    }
}
