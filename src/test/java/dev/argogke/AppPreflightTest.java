package dev.argogke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.config.StackFile;
import dev.argogke.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's check before {@code Pulumi.run}: from the environment the Pulumi language host
 * sets, it plans the stack offline and refuses one that breaks a rule. Pulumi itself is not started.
 */
class AppPreflightTest {
    private static final Path ROOT = Path.of(".");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theCommittedStacksGoOnToPulumiSilently() throws Exception {
        for (String stack : new String[] {"dev", "prod"}) {
            assertEquals(0, App.preflight(env(StackFile.forStack(ROOT.resolve("stacks"), stack), stack), ROOT, stream()), errText());
            assertEquals("", errText());
        }
    }

    @Test
    void aStackThatBreaksARuleStopsWithOneLinePerViolation() throws Exception {
        StackFile file = TestSettings.stackFile(dir, "public", TestSettings.devWith("privateNodes: true", "privateNodes: false"));
        assertEquals(1, App.preflight(env(file, "public"), ROOT, stream()));
        assertEquals("policy private-nodes: gcp:container/cluster:Cluster cluster: nodes get public IP addresses; "
                + "set argo-gke:cluster.privateNodes: true, or waive private-nodes in the stack file with a reason\n", errText());
    }

    @Test
    void badConfigStopsWithOneErrorLineNamingTheKey() throws Exception {
        StackFile file = TestSettings.stackFile(dir, "bad", TestSettings.devWith("      maxNodes: 3", "      maxNodes: -3"));
        assertEquals(2, App.preflight(env(file, "bad"), ROOT, stream()));
        assertTrue(errText().startsWith("error: stack bad config: argo-gke:nodePools[0].maxNodes"), errText());
        assertEquals(1, errText().lines().count());
    }

    @Test
    void outsideThePulumiCliThereIsNothingToCheck() {
        assertEquals(0, App.preflight(Map.of("HOME", "/root"), ROOT, stream()));
        assertEquals("", errText());
    }

    @Test
    void plaintextSecretsTheLanguageHostMarksSecretPass() throws Exception {
        // The language host hands secrets decrypted, and lists their keys as secret.
        StackFile file = StackFile.forStack(ROOT.resolve("stacks"), "dev");
        Map<String, String> env = env(file, "dev");
        Map<String, String> config = new HashMap<>(file.values());
        config.put("gcp:credentials", "{\"type\":\"service_account\"}");
        env.put("PULUMI_CONFIG", new ObjectMapper().writeValueAsString(config));
        env.put("PULUMI_CONFIG_SECRET_KEYS", "[\"gcp:credentials\"]");
        assertEquals(0, App.preflight(env, ROOT, stream()), errText());
    }

    /** What the Pulumi CLI's Java language host sets for a program of this stack file. */
    private static Map<String, String> env(StackFile file, String stack) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_PROJECT", "argo-gke");
        env.put("PULUMI_CONFIG", new ObjectMapper().writeValueAsString(file.values()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", new ObjectMapper().writeValueAsString(file.secretKeys()));
        return env;
    }

    private PrintStream stream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
