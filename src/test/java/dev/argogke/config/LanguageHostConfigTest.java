package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.deployment.internal.DeploymentImpl;
import dev.argogke.UserError;
import dev.argogke.config.PulumiProjectRules.Project;
import dev.argogke.config.PulumiStackRules.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageHostConfigTest {
    /**
     * PULUMI_CONFIG as pulumi-language-java writes it: {@code json.Marshal} of the RunRequest's
     * {@code map[string]string} ({@code constructConfig} in pkg/cmd/pulumi-language-java/main.go), whose
     * values the engine made text with {@code config.Map.Decrypt} / {@code Plaintext.marshalText}
     * (pulumi/pulumi v3.259.0): text as it is, a structure as Go's JSON of it. Written out by hand
     * from encoding/json's rules: keys sorted, {@code &} written as a backslash-u0026 escape, so the
     * waiver's JSON text carries that escape inside an escaped string.
     */
    private static final String HOST_CONFIG = "{\"argo-gke:environment\":\"dev\","
            + "\"argo-gke:waivers\":\"[{\\\"reason\\\":\\\"R\\\\u0026D cluster\\\",\\\"rule\\\":\\\"private-nodes\\\"}]\","
            + "\"gcp:project\":\"acme-argo-dev\"}";

    @Test
    void readsStructuredValuesAsTheJavaLanguageHostWritesThem() throws Exception {
        assertEquals(HOST_CONFIG, GoJson.write(Map.of("gcp:project", "acme-argo-dev", "argo-gke:environment", "dev",
                "argo-gke:waivers", GoJson.write(List.of(Map.of("rule", "private-nodes", "reason", "R&D cluster"))))),
                "the test's Go JSON writer agrees with the worked example");
        LanguageHostConfig c = LanguageHostConfig.fromEnvironment(Map.of("PULUMI_STACK", "dev", "PULUMI_CONFIG", HOST_CONFIG)).orElseThrow();
        String waivers = c.get("argo-gke:waivers").orElseThrow();
        assertEquals("[{\"reason\":\"R\\u0026D cluster\",\"rule\":\"private-nodes\"}]", waivers);
        assertEquals("R&D cluster", new ObjectMapper().readTree(waivers).get(0).get("reason").asText());
        assertEquals(DeploymentImpl.Config.parseConfig(HOST_CONFIG), c.values(), "what the Java SDK itself reads (DeploymentImpl.Config.parseConfig)");
    }

    /** Under the CLI, each committed stack gives the program the settings the offline tools read from the file. */
    @Test
    void theCommittedStacksReachTheProgramAsTheyReadOffline() throws Exception {
        Project project = PulumiProjectRules.load(Path.of("Pulumi.yaml")).project().orElseThrow();
        for (String stack : List.of("dev", "prod")) {
            Path file = Path.of("stacks", "Pulumi." + stack + ".yaml");
            StackConfig cli = PulumiStackRules.apply(project, stack, Files.readString(file), ciphertext -> "stand-in");
            String hostConfig = GoJson.write(cli.programConfig());
            LanguageHostConfig c = LanguageHostConfig.fromEnvironment(Map.of("PULUMI_STACK", stack, "PULUMI_CONFIG", hostConfig,
                    "PULUMI_CONFIG_SECRET_KEYS", GoJson.write(List.copyOf(cli.secretKeys())))).orElseThrow();
            assertEquals(DeploymentImpl.Config.parseConfig(hostConfig), c.values(), stack);
            assertEquals(SettingsLoader.load(stack, StackFile.read(file)), SettingsLoader.load(stack, c), stack);
        }
    }

    @Test
    void secretKeysAreTheJsonListTheHostWrites() {
        String keys = GoJson.write(List.of("argo-gke:oauthClientSecret", "gcp:credentials"));
        assertEquals("[\"argo-gke:oauthClientSecret\",\"gcp:credentials\"]", keys);
        LanguageHostConfig c = LanguageHostConfig.fromEnvironment(Map.of("PULUMI_STACK", "dev",
                "PULUMI_CONFIG", "{\"argo-gke:oauthClientSecret\":\"plain after decryption\"}", "PULUMI_CONFIG_SECRET_KEYS", keys)).orElseThrow();
        assertEquals(DeploymentImpl.Config.parseConfigSecretKeys(keys), c.secretKeys());
        assertEquals(Optional.of("plain after decryption"), c.get("argo-gke:oauthClientSecret"));
    }

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
