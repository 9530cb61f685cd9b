package dev.argogke.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class CronWorkflowYamlTest {

    @Test
    void stringsThatYaml11ReadersTakeForBooleansOrNumbersAreQuotedAndReadBackAsStrings() {
        List<String> tricky = List.of("no", "yes", "on", "off", "y", "N", "true", "0755", "1e3", "1_000", "12:30",
                "0x1F", "~", "null", "", "2024-06-01", ".5", "1.0", "42", "-7", "<<");
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            doc.put("k" + i, tricky.get(i));
        }
        String yaml = CronWorkflowYaml.toYaml(doc, List.of());

        // SnakeYAML (1.x line) reads YAML 1.1 as go-yaml v2 does, which kubectl uses.
        Map<String, Object> yaml11 = new Yaml().load(yaml);
        Map<String, Object> yaml12 = ManifestLoader.parse(Path.of("t.yaml"), yaml).get(0).content();
        for (int i = 0; i < tricky.size(); i++) {
            assertEquals(tricky.get(i), yaml11.get("k" + i), "YAML 1.1 reading of " + tricky.get(i) + " in\n" + yaml);
            assertEquals(tricky.get(i), yaml12.get("k" + i), "YAML 1.2 reading of " + tricky.get(i));
        }
    }

    @Test
    void ordinaryStringsStayPlainAndSchedulesAreQuoted() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("image", "ghcr.io/acme/etl:1.4.2");
        doc.put("cpu", "500m");
        doc.put("schedules", List.of("0 3 * * *"));
        String yaml = CronWorkflowYaml.toYaml(doc, List.of());
        assertEquals("""
                image: ghcr.io/acme/etl:1.4.2
                cpu: 500m
                schedules:
                  - "0 3 * * *"
                """, yaml);
    }

    @Test
    void scriptsAreLiteralBlocksAndLongLinesAreNotWrapped() {
        String script = "set -eu\npsql \"$DATABASE_URL\" -c \"select 1\"\n";
        String longArg = "--query=" + "x".repeat(300);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("args", List.of(script, longArg));
        String yaml = CronWorkflowYaml.toYaml(doc, List.of());
        assertTrue(yaml.contains("  - |\n    set -eu\n    psql \"$DATABASE_URL\" -c \"select 1\"\n"), yaml);
        assertTrue(yaml.contains("  - " + longArg + "\n"), "one line: " + yaml);
        assertEquals(doc, ManifestLoader.parse(Path.of("t.yaml"), yaml).get(0).content());
    }

    @Test
    void keysKeepTheOrderTheyWereBuiltInAndHeaderLinesBecomeComments() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "argoproj.io/v1alpha1");
        doc.put("kind", "CronWorkflow");
        doc.put("metadata", Map.of("name", "x"));
        String yaml = CronWorkflowYaml.toYaml(doc, List.of("Imported from CronJob x.", "", "  warning: y"));
        assertEquals("""
                # Imported from CronJob x.
                #
                #   warning: y
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: x
                """, yaml);
    }

    @Test
    void aListUsedTwiceIsWrittenTwiceWithoutAnchors() {
        List<Object> secrets = List.of(Map.of("name", "registry"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", secrets);
        doc.put("b", secrets);
        String yaml = CronWorkflowYaml.toYaml(doc, List.of());
        assertTrue(!yaml.contains("&") && !yaml.contains("*"), yaml);
    }
}
