package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code argo-gke plan} with the edge: what it shows, and the edge settings it refuses. */
class EdgePlanTest {
    @TempDir
    Path dir;

    @Test
    void devPlanShowsTheLoadBalancerDnsAndIapWithTheirKeyValues() {
        Cli.Run run = Cli.run("plan", "--stack", "dev");
        assertEquals(0, run.exitCode(), run.err());
        for (String expected : new String[] {
                "gcp:compute/globalAddress:GlobalAddress", "name = argo-ui-dev",
                "kubernetes:cloud.google.com/v1:BackendConfig", "spec.iap.enabled = true", "spec.healthCheck.port = 8080",
                "kubernetes:networking.gke.io/v1:ManagedCertificate", "spec.domains = [argo-dev.example.com]",
                "spec.redirectToHttps.enabled = true",
                "metadata.annotations[kubernetes.io/ingress.class] = gce",
                "metadata.annotations[kubernetes.io/ingress.global-static-ip-name] = argo-ui-dev",
                "gcp:dns/recordSet:RecordSet", "name = argo-dev.example.com.", "type = A",
                "gcp:iap/webIamMember:WebIamMember", "member = group:data-team@example.com",
                "url = https://argo-dev.example.com", "staticIp = (known after deploy)"}) {
            assertTrue(run.out().contains(expected), "missing '" + expected + "' in\n" + run.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "empty member list     | \"    iapMembers:\n      - group:data-team@example.com\" | \"    iapMembers: []\" | argo-gke:edge.iapMembers: is empty",
            "member without email  | - group:data-team@example.com | - user:data-team | argo-gke:edge.iapMembers[0]",
            "everyone              | - group:data-team@example.com | - allUsers | argo-gke:edge.iapMembers[0]",
            "host outside new zone | \"mode: existing-zone\n      zone: example-com\n      dnsName: example.com\" | \"mode: create-zone\n      zone: argo-zone\n      dnsName: argo.example.org\" | argo-gke:edge.host",
            "sso without OIDC      | serverAuthMode: server | serverAuthMode: sso | argo-gke:argo.serverAuthMode",
    })
    void badEdgeSettingIsOneLineNamingTheKeyExitTwo(String what, String line, String replacement, String message) throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, TestSettings.devWith(line, replacement));
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(2, run.exitCode(), what + ": " + run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(message.trim()), what + ": " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(run.out().isEmpty(), "nothing planned: " + run.out());
    }

    @Test
    void oauthClientSecretInPlainTextIsRefused() throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, TestSettings.devWith("    iapMembers:",
                "    oauthClientId: 123456789012-abcdefgh12345678.apps.googleusercontent.com\n    iapMembers:")
                + "  argo-gke:oauthClientSecret: not-encrypted\n");
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("argo-gke:oauthClientSecret: is stored in plain text"), run.err());
    }

    @Test
    void encryptedOAuthClientSecretPlansTheKubernetesSecretWithoutShowingIt() throws IOException {
        Path file = dir.resolve("Pulumi.custom.yaml");
        Files.writeString(file, TestSettings.devWith("    iapMembers:",
                "    oauthClientId: 123456789012-abcdefgh12345678.apps.googleusercontent.com\n    iapMembers:")
                + "  argo-gke:oauthClientSecret:\n    secure: v1:c2VjcmV0\n");
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kubernetes:core/v1:Secret  edge-oauth-client"), run.out());
        assertTrue(run.out().contains("stringData = [secret]"), run.out());
        assertTrue(run.out().contains("spec.iap.oauthclientCredentials.secretName = argo-iap-oauth-client"), run.out());
    }
}
