package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsEncryptedTest {
    private final Rule rule = new SecretsEncrypted();

    @TempDir
    Path dir;

    @Test
    void theCommittedStacksKeepSecretsEncrypted() {
        assertTrue(PlanValues.isSecret(real("dev").plan().outputs().get("kubeconfig")));
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void aPlainKubeconfigOutputFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = output(dev.plan(), "kubeconfig", "apiVersion: v1\nkind: Config\n");
        assertEquals(List.of(new Violation("secrets-encrypted", "stack output kubeconfig",
                "is not a secret, so it is stored in plain text in the state; export it with .asSecret()")),
                violationsOfOnly(rule.name(), withPlan(dev, plan)));
    }

    /** A real preview hands an unknown output over without its secret flag (pulumi-java Serializer): nothing to judge. */
    @Test
    void aKubeconfigOutputOnlyKnownAfterDeployIsNotJudgedInAPreview() {
        PolicyInput dev = real("dev");
        PlanFile plan = output(dev.plan(), "kubeconfig", PlanValues.unknown());
        assertAllPass(withPlan(dev, plan));
    }

    @Test
    void aKubernetesSecretWithPlainDataFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "kubernetes:core/v1:Secret", "oauth", Map.of(
                "metadata", Map.of("name", "argo-iap-oauth", "namespace", "argo"),
                "stringData", Map.of("client_id", "123-abc.apps.googleusercontent.com", "client_secret", "hunter2")));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("stringData is not a Pulumi secret"), v.get(0).message());
    }

    @Test
    void aKubernetesSecretBuiltFromPulumiSecretsPasses() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "kubernetes:core/v1:Secret", "oauth", Map.of(
                "metadata", Map.of("name", "argo-iap-oauth", "namespace", "argo"),
                "stringData", PlanValues.secret()));
        assertEquals(List.of(), rule.check(withPlan(dev, plan)));
    }

    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String GRANT = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";

    @Test
    void aNewClusterWithoutApplicationLayerEncryptionFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), CLUSTER, "cluster", "databaseEncryption", null)));
        assertEquals(List.of("gcp:container/cluster:Cluster cluster"), v.stream().map(Violation::resource).toList());
        assertTrue(v.get(0).message().startsWith("databaseEncryption.state is unset, so Kubernetes Secrets are encrypted at rest with Google's keys only"),
                v.get(0).message());
    }

    @Test
    void aClusterWhoseEncryptionIsTurnedOffFails() {
        // GKE's DatabaseEncryption.State: ENCRYPTED or DECRYPTED (container API reference).
        PolicyInput prod = real("prod");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(prod, set(prod.plan(), CLUSTER, "cluster", "databaseEncryption.state", "DECRYPTED")));
        assertTrue(v.get(0).message().startsWith("databaseEncryption.state is DECRYPTED"), v.get(0).message());
    }

    @Test
    void aKeyGkesServiceAgentMayNotUseFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, remove(dev.plan(), GRANT, "cluster-secrets-gke")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).message().startsWith("GKE's service agent (service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com) has no "
                + "roles/cloudkms.cryptoKeyEncrypterDecrypter on gcp:kms/cryptoKey:CryptoKey cluster-secrets"), v.get(0).message());
    }

    @Test
    void aGrantToAnotherAccountOrOfAnotherRoleDoesNotCount() {
        PolicyInput dev = real("dev");
        PlanFile otherMember = set(dev.plan(), GRANT, "cluster-secrets-gke", "member", "serviceAccount:argo-wf-dev@acme-argo-dev.iam.gserviceaccount.com");
        assertEquals(1, violationsOfOnly(rule.name(), withPlan(dev, otherMember)).size());
        PlanFile otherRole = set(dev.plan(), GRANT, "cluster-secrets-gke", "role", "roles/cloudkms.cryptoKeyDecrypter");
        assertEquals(1, violationsOfOnly(rule.name(), withPlan(dev, otherRole)).size());
        PlanFile agent = set(dev.plan(), GRANT, "cluster-secrets-gke", "member",
                "serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com");
        assertEquals(List.of(), rule.check(withPlan(dev, agent)), "the service agent, once the project number is known");
    }

    @Test
    void aKeyNameThatIsNotTheStacksOwnKeyFails() {
        PolicyInput dev = real("dev");
        PlanFile.Resource cluster = resource(dev.plan(), CLUSTER, "cluster");
        Map<String, List<String>> deps = new java.util.HashMap<>(cluster.propertyDependencies());
        deps.remove("databaseEncryption");
        PlanFile.Resource elsewhere = new PlanFile.Resource(cluster.urn(), cluster.type(), cluster.name(), cluster.parent(), cluster.provider(),
                true, cluster.dependsOn(), cluster.dependencies(), deps, cluster.options(), mutable(cluster.inputs()));
        PlanFile plan = replaceResource(dev.plan(), cluster, withInput(elsewhere, "databaseEncryption.keyName",
                "projects/other/locations/europe-west1/keyRings/r/cryptoKeys/k"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("databaseEncryption.keyName is not a Cloud KMS key this stack creates"), v.get(0).message());
    }

    @Test
    void anExistingGkeClusterPassesButSaysWhatWasNotCheckedAndHowToCheckIt() {
        PolicyInput shared = RuleExamples.stack(dir, "shared", TestSettings.EXISTING_GKE_PROD);
        assertEquals(List.of(), rule.check(shared));
        assertEquals(List.of(), shared.plan().resourcesOfType("gcp:kms/cryptoKey:CryptoKey"), "argo-gke does not touch that cluster");
        String render = Policies.evaluate(shared).render();
        assertTrue(render.contains("            not checked: argo-gke:cluster.existing: whether shared-gke encrypts its Kubernetes Secrets with a Cloud KMS key"
                + " is the cluster's own setting, which the plan does not hold; `gcloud container clusters describe shared-gke --location europe-west1-b"
                + " --project acme-data --format='value(databaseEncryption.state)'` prints ENCRYPTED when it does\n"), render);
        assertEquals(List.of(), rule.notChecked(real("dev")), "a cluster the stack creates is checked");
    }

    @Test
    void aCredentialInPlainTextInTheStackFileFails() {
        PolicyInput input = inputOf(TestSettings.stackFile(dir, "leaky",
                TestSettings.devWith("  gcp:region: europe-west1\n", "  gcp:region: europe-west1\n  gcp:credentials: '{\"type\": \"service_account\"}'\n")));
        List<Violation> v = violationsOfOnly(rule.name(), input);
        assertEquals(1, v.size());
        assertTrue(v.get(0).resource().endsWith("Pulumi.leaky.yaml: gcp:credentials"), v.get(0).resource());
        assertTrue(v.get(0).message().contains("pulumi config set --secret credentials"), v.get(0).message());
    }

    @Test
    void theSameCredentialEncryptedPasses() {
        PolicyInput input = inputOf(TestSettings.stackFile(dir, "sealed",
                TestSettings.devWith("  gcp:region: europe-west1\n", "  gcp:region: europe-west1\n  gcp:credentials:\n    secure: v1:AAAABBBB\n")));
        assertEquals(List.of(), rule.check(input));
    }

    private static PlanFile replaceResource(PlanFile plan, PlanFile.Resource old, PlanFile.Resource updated) {
        List<PlanFile.Resource> resources = new ArrayList<>(plan.resources());
        resources.set(resources.indexOf(old), updated);
        return new PlanFile(plan.formatVersion(), plan.project(), plan.stack(), resources, plan.outputs(), plan.workflows(), plan.waivers());
    }

    private static PlanFile.Resource withInput(PlanFile.Resource r, String dottedPath, Object value) {
        Map<String, Object> inputs = mutable(r.inputs());
        String[] keys = dottedPath.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) inputs.get(keys[0]);
        at.put(keys[1], value);
        return r.withInputs(inputs);
    }
}
