package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's configuration table and Pulumi.yaml's {@code config:} block are generated from
 * {@link SettingsSchema}, nested keys included: this test renders both and fails on any drift.
 * Run with {@code -Dargogke.updateDocs=true} to write them instead, then read the diff.
 */
class SettingsDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("README.md");
    private static final Path PULUMI_YAML = Path.of("Pulumi.yaml");
    static final String TABLE_HEADER = "| key | type | default | description |\n|---|---|---|---|\n";
    /** Pulumi.yaml's block starts after its comment lines, at the first declared key. */
    private static final String CONFIG_START = "\n  environment:\n";

    @Test
    void theReadmeTableIsTheSettingsDeclaration() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(TABLE_HEADER);
        assertTrue(start >= 0, "README: no configuration table headed " + TABLE_HEADER);
        int end = readme.indexOf("\n\n", start);
        compareOrUpdate(README, readme, start, end + 1, TABLE_HEADER + readmeRows());
    }

    @Test
    void pulumiYamlDeclaresTheTopLevelSettingsAsDeclared() throws IOException {
        String yaml = Files.readString(PULUMI_YAML, StandardCharsets.UTF_8);
        int start = yaml.indexOf(CONFIG_START);
        assertTrue(start >= 0, "Pulumi.yaml: the config block should start with environment");
        compareOrUpdate(PULUMI_YAML, yaml, start + 1, yaml.length(), pulumiConfigBlock());
    }

    /**
     * The loader accepts, in each mapping, the keys declared there and no other: an undeclared key
     * in any of the committed dev stack's mappings is a problem naming its whole path.
     */
    @ParameterizedTest
    @CsvSource({"cluster, cluster", "argo, argo", "workflows, workflows", "edge, edge", "edge, edge.dns",
            "nodePools, nodePools[0]", "waivers, waivers[0]"})
    void anUndeclaredKeyAnywhereIsAProblemNamingItsPath(String topLevel, String path) throws IOException {
        StackFile dev = StackFile.forStack(Path.of("stacks"), "dev");
        Map<String, String> values = new HashMap<>(dev.values());
        String key = SettingsSchema.NAMESPACE + ":" + topLevel;
        JsonNode value = JSON.readTree(values.get(key));
        String rest = path.substring(topLevel.length());
        JsonNode mapping = rest.equals("[0]") ? value.get(0) : rest.startsWith(".") ? value.get(rest.substring(1)) : value;
        ((ObjectNode) mapping).put("bogusKey", 1);
        values.put(key, JSON.writeValueAsString(value));
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsLoader.load("dev", new ConfigValues("dev", values, Set.of()) {
            @Override
            public String origin() {
                return "test";
            }
        }));
        assertEquals(List.of(SettingsSchema.NAMESPACE + ":" + path + ".bogusKey: unknown setting"), e.problems());
    }

    private static void compareOrUpdate(Path file, String text, int start, int end, String generated) throws IOException {
        String current = text.substring(start, end);
        if (current.equals(generated)) {
            return;
        }
        if (Boolean.getBoolean("argogke.updateDocs")) {
            Files.writeString(file, text.substring(0, start) + generated + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        fail(file + " differs from the settings declaration (config/SettingsSchema); rerun with -Dargogke.updateDocs=true and read the diff."
                + "\nexpected:\n" + generated + "\nfound:\n" + current);
    }

    static String readmeRows() {
        return SettingsSchema.ALL.stream()
                .map(s -> "| `" + s.key() + "` | " + s.shownType() + " | " + s.shownDefault() + " | " + s.description() + " |\n")
                .collect(Collectors.joining());
    }

    /** Every top-level key of argo-gke's namespace except the secret (Pulumi.yaml cannot give a secret a default). */
    static String pulumiConfigBlock() {
        StringBuilder out = new StringBuilder();
        for (Setting s : SettingsSchema.ALL) {
            if (!s.namespace().equals(SettingsSchema.NAMESPACE) || !s.parentPath().isEmpty() || s.type() == Setting.Type.SECRET) {
                continue;
            }
            out.append("  ").append(s.name()).append(":\n    type: ").append(s.type().pulumi()).append('\n');
            if (s.type() == Setting.Type.LIST) {
                out.append("    items:\n      type: ").append(SettingsSchema.keysIn(s.path() + "[]").isEmpty() ? "string" : "object").append('\n');
            }
            pulumiDefault(s).ifPresent(d -> out.append("    default: ").append(d).append('\n'));
            out.append("    description: \"").append((s.description() + keys(s.path())).replace("\"", "\\\"")).append("\"\n");
        }
        return out.toString();
    }

    /**
     * What the CLI hands a stack that does not set the key: nothing for a key every stack must set;
     * the loader's own default; else an empty mapping or list, which the loader reads as absent.
     */
    private static java.util.Optional<String> pulumiDefault(Setting s) {
        if (s.required()) {
            return java.util.Optional.empty();
        }
        if (s.defaultValue() instanceof List<?> l) {
            return java.util.Optional.of(l.isEmpty() ? "[]" : l.toString());
        }
        if (s.defaultValue() != null) {
            return java.util.Optional.of(String.valueOf(s.defaultValue()));
        }
        return switch (s.type()) {
            case MAPPING -> java.util.Optional.of("{}");
            case LIST -> java.util.Optional.of("[]");
            default -> java.util.Optional.empty();
        };
    }

    /** The keys declared inside {@code path}, nested ones in braces: " Keys: a, b {c, d}." */
    private static String keys(String path) {
        String inside = SettingsSchema.keysIn(path).isEmpty() ? path + "[]" : path;
        List<String> names = new ArrayList<>();
        for (String name : SettingsSchema.keysIn(inside)) {
            String child = inside + "." + name;
            List<String> nested = List.copyOf(SettingsSchema.keysIn(child));
            names.add(nested.isEmpty() ? name : name + " {" + String.join(", ", nested) + "}");
        }
        return names.isEmpty() ? "" : " Keys: " + String.join(", ", names) + ".";
    }

}
