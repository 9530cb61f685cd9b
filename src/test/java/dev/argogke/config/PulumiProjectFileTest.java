package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.PulumiProjectRules.ConfigType;
import dev.argogke.config.PulumiProjectRules.Loaded;
import dev.argogke.config.PulumiProjectRules.Project;
import dev.argogke.config.PulumiStackRules.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Pulumi.yaml and the committed stacks, under the rules the Pulumi CLI applies before it starts
 * the program ({@link PulumiProjectRules}, {@link PulumiStackRules}), and in agreement with what
 * the program itself requires and assumes ({@link SettingsLoader}).
 */
class PulumiProjectFileTest {
    private static final Path ROOT = Path.of(".");

    private static Project project() throws IOException {
        Loaded loaded = PulumiProjectRules.load(ROOT.resolve("Pulumi.yaml"));
        assertEquals(List.of(), loaded.errors(), "Pulumi.yaml as the Pulumi CLI checks it");
        return loaded.project().orElseThrow();
    }

    private static List<Path> stackFiles(Project project) throws IOException {
        try (var files = Files.list(ROOT.resolve(project.stackConfigDir()))) {
            return files.filter(f -> f.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().toList();
        }
    }

    @Test
    void runsThePrebuiltJarWithStacksInTheirOwnFolder() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("Pulumi.yaml")));
        // The project's name is the namespace of its own config keys (Pulumi docs, "Configuration":
        // a key without a namespace is in the project's), and every stack writes them as argo-gke:...
        assertEquals("argo-gke", p.get("name"));
        Map<?, ?> runtime = (Map<?, ?>) p.get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals("target/argo-gke.jar", ((Map<?, ?>) runtime.get("options")).get("binary"));
        assertEquals("stacks", project().stackConfigDir());
    }

    @Test
    void everyCommittedStackPassesTheCliChecks() throws IOException {
        Project project = project();
        List<Path> stacks = stackFiles(project);
        assertTrue(stacks.stream().map(p -> p.getFileName().toString()).toList().containsAll(List.of("Pulumi.dev.yaml", "Pulumi.prod.yaml")), stacks.toString());
        for (Path file : stacks) {
            String stack = file.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
            StackConfig config = PulumiStackRules.apply(project, stack, Files.readString(file), c -> "dummy");
            assertEquals(List.of(), config.errors(), file.toString());
            assertEquals(List.of(), config.warnings(), file.toString());
        }
    }

    /**
     * Every setting the program reads is declared with a description, except those Pulumi cannot
     * declare: another namespace's keys (only with one fixed value for all stacks) and an optional
     * secret (a declared secret must be set encrypted in every stack).
     */
    @Test
    void declaresTheProgramsOwnSettingsButNotTheProvidersOrTheOptionalSecret() throws IOException {
        Map<String, ConfigType> config = project().config();
        Set<String> expected = new TreeSet<>(SettingsLoader.TOP_LEVEL);
        expected.remove("oauthClientSecret");
        assertEquals(expected, new TreeSet<>(config.keySet()));
        config.forEach((key, t) -> assertTrue(t.description().length() > 10, key + " has a description"));
        assertFalse(config.values().stream().anyMatch(ConfigType::secret));
    }

    /**
     * What the CLI requires of every stack is what the program requires of every stack, and
     * nothing more: a key without a default is needed by a new-cluster stack (dev) and an
     * existing-cluster one alike; a key with a default may be left out by at least one of them.
     */
    @Test
    void aKeyHasNoDefaultExactlyWhenTheProgramRequiresItOfEveryStack() throws IOException {
        Project project = project();
        List<Map<String, String>> stacks = List.of(StackFile.forStack(ROOT.resolve("stacks"), "dev").values(), EXISTING_CLUSTER);
        project.config().forEach((key, t) -> {
            long requiring = stacks.stream().filter(stack -> {
                Map<String, String> values = new HashMap<>(stack);
                values.remove(SettingsLoader.key(key));
                return problems(values).stream().anyMatch(p -> p.startsWith(SettingsLoader.key(key)));
            }).count();
            if (t.hasDefault()) {
                assertTrue(requiring < stacks.size(), key + " has a default in Pulumi.yaml, so some stack must be able to leave it out");
            } else {
                assertEquals(stacks.size(), requiring, key + " has no default in Pulumi.yaml (the CLI requires it), so the program must too");
            }
        });
    }

    /**
     * The CLI hands the program a declared default for a stack that does not set the key; the
     * program, read offline from the stack file alone, assumes its own. They must come to the same:
     * the same settings, or the same problems.
     */
    @Test
    void everyDefaultInPulumiYamlIsTheProgramsDefault() throws IOException {
        Project project = project();
        for (Map<String, String> stack : List.of(StackFile.forStack(ROOT.resolve("stacks"), "dev").values(), EXISTING_CLUSTER)) {
            project.config().forEach((key, t) -> {
                if (!t.hasDefault()) {
                    return;
                }
                Map<String, String> absent = new HashMap<>(stack);
                absent.remove(SettingsLoader.key(key));
                Map<String, String> fromCli = new HashMap<>(absent);
                fromCli.put(SettingsLoader.key(key), PulumiStackRules.apply(project, "dev", "", c -> "dummy").programConfig().get(SettingsLoader.key(key)));
                assertEquals(outcome(absent), outcome(fromCli), key);
            });
        }
    }

    /** A stack for a cluster the user has, reached by kubeconfig: no Google Cloud, no node pools, no edge. */
    private static final Map<String, String> EXISTING_CLUSTER = Map.of(
            "argo-gke:environment", "dev",
            "argo-gke:cluster", "{\"existing\":{\"kubeconfig\":\"~/.kube/config\",\"context\":\"kind-argo\"}}");

    private static Object outcome(Map<String, String> values) {
        try {
            return SettingsLoader.load("dev", source(values));
        } catch (SettingsException e) {
            return e.problems();
        }
    }

    private static List<String> problems(Map<String, String> values) {
        try {
            SettingsLoader.load("dev", source(values));
            return List.of();
        } catch (SettingsException e) {
            return e.problems();
        }
    }

    private static ConfigSource source(Map<String, String> values) {
        return new ConfigValues("dev", values, Set.of()) {
            @Override
            public String origin() {
                return "test";
            }
        };
    }
}
