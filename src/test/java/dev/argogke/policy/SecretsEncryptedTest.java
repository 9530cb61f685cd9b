package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
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
}
