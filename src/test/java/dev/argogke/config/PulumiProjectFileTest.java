package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Pulumi.yaml: what the Pulumi CLI reads before it starts the program. */
class PulumiProjectFileTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> project() throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("Pulumi.yaml")));
    }

    @Test
    void runsThePrebuiltJarWithStacksInTheirOwnFolder() throws IOException {
        Map<String, Object> p = project();
        assertEquals(SettingsLoader.PROJECT, p.get("name"));
        Map<?, ?> runtime = (Map<?, ?>) p.get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals("target/argo-gke.jar", ((Map<?, ?>) runtime.get("options")).get("binary"));
        assertEquals("stacks", p.get("stackConfigDir"));
    }

    @Test
    void declaresEverySettingTheLoaderReadsWithADescription() throws IOException {
        Map<?, ?> config = (Map<?, ?>) project().get("config");
        Set<String> expected = new TreeSet<>(SettingsLoader.TOP_LEVEL);
        expected.add("gcp:project");
        expected.add("gcp:region");
        Set<String> declared = new TreeSet<>();
        config.keySet().forEach(k -> declared.add(String.valueOf(k)));
        assertEquals(expected, declared);
        config.forEach((key, value) -> {
            Map<?, ?> declaration = (Map<?, ?>) value;
            assertTrue(String.valueOf(declaration.get("description")).length() > 10, key + " has a description");
            if (String.valueOf(key).contains(":")) {
                assertFalse(declaration.containsKey("type"), key + ": Pulumi refuses a type on another namespace's key");
            }
        });
        assertEquals(Boolean.TRUE, ((Map<?, ?>) config.get("oauthClientSecret")).get("secret"));
    }
}
