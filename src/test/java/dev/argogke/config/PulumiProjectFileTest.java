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
        assertEquals(SettingsLoader.PROJECT, p.get("name"));
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

    /** What the CLI requires of every stack is what the program requires, and nothing more. */
    @Test
    void aKeyHasNoDefaultExactlyWhenTheProgramRequiresIt() throws IOException {
        Project project = project();
        StackFile dev = StackFile.forStack(ROOT.resolve("stacks"), "dev");
        project.config().forEach((key, t) -> {
            Map<String, String> values = new HashMap<>(dev.values());
            values.remove(SettingsLoader.key(key));
            List<String> problems = problems(values);
            if (t.hasDefault()) {
                assertEquals(List.of(), problems, key + " has a default in Pulumi.yaml, so the program must not require it");
            } else {
                assertTrue(problems.stream().anyMatch(p -> p.startsWith(SettingsLoader.key(key))),
                        key + " has no default in Pulumi.yaml (the CLI requires it), so the program must too: " + problems);
            }
        });
    }

    /**
     * The CLI hands the program a declared default for a stack that does not set the key; the
     * program, read offline from the stack file alone, assumes its own. They must be the same.
     */
    @Test
    void everyDefaultInPulumiYamlIsTheProgramsDefault() throws IOException {
        Project project = project();
        StackFile dev = StackFile.forStack(ROOT.resolve("stacks"), "dev");
        project.config().forEach((key, t) -> {
            if (!t.hasDefault()) {
                return;
            }
            Map<String, String> absent = new HashMap<>(dev.values());
            absent.remove(SettingsLoader.key(key));
            Map<String, String> fromCli = new HashMap<>(absent);
            fromCli.put(SettingsLoader.key(key), PulumiStackRules.apply(project, "dev", "", c -> "dummy").programConfig().get(SettingsLoader.key(key)));
            assertEquals(SettingsLoader.load("dev", source(absent)), SettingsLoader.load("dev", source(fromCli)), key);
        });
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
