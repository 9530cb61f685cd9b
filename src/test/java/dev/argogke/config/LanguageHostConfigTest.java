package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageHostConfigTest {
    @Test
    void readsTheKeysValuesAndSecretKeysThePulumiCliSets() {
        LanguageHostConfig c = LanguageHostConfig.fromEnvironment(Map.of(
                "PULUMI_STACK", "dev",
                "PULUMI_PROJECT", "argo-gke",
                "PULUMI_CONFIG", "{\"gcp:project\":\"acme\",\"argo-gke:cluster\":\"{\\\"location\\\":\\\"europe-west1-b\\\"}\",\"argo-gke:oauthClientSecret\":\"s3cret\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"argo-gke:oauthClientSecret\"]")).orElseThrow();
        assertEquals("dev", c.stack());
        assertEquals(Optional.of("acme"), c.get("gcp:project"));
        assertEquals(Optional.of("{\"location\":\"europe-west1-b\"}"), c.get("argo-gke:cluster"), "structured values stay JSON text");
        assertTrue(c.isSecret("argo-gke:oauthClientSecret"));
        assertEquals(Optional.of(Set.of("gcp:project", "argo-gke:cluster", "argo-gke:oauthClientSecret")), c.keys());
    }

    @Test
    void olderHostsProjectConfigKeysAreCleaned() {
        LanguageHostConfig c = LanguageHostConfig.fromEnvironment(Map.of(
                "PULUMI_STACK", "dev", "PULUMI_CONFIG", "{\"argo-gke:config:environment\":\"dev\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"argo-gke:config:environment\"]")).orElseThrow();
        assertEquals(Optional.of("dev"), c.get("argo-gke:environment"));
        assertTrue(c.isSecret("argo-gke:environment"));
    }

    @Test
    void withoutAStackItIsNotThePulumiCli() {
        assertEquals(Optional.empty(), LanguageHostConfig.fromEnvironment(Map.of("PULUMI_CONFIG", "{}")));
    }

    @Test
    void malformedConfigIsAUserErrorNamingTheVariable() {
        UserError e = assertThrows(UserError.class, () -> LanguageHostConfig.fromEnvironment(Map.of("PULUMI_STACK", "dev", "PULUMI_CONFIG", "{not json")));
        assertEquals("PULUMI_CONFIG: not valid JSON", e.getMessage());
    }
}
