package dev.argogke.workflows.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readKeepsTheDocumentsBeforeASyntaxErrorAndReportsWhere() throws IOException {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "kind: A\n---\nkind: B\n---\nkind: [C\n");
        ManifestFile read = ManifestLoader.read(file);
        assertEquals(2, read.manifests().size());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).problem().startsWith("invalid YAML"), read.problems().get(0).problem());
        assertEquals(6, read.problems().get(0).position().line());
    }

    @Test
    void readSkipsADocumentThatIsNotAMappingAndGoesOn() throws IOException {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "- a list\n---\nkind: B\n");
        ManifestFile read = ManifestLoader.read(file);
        assertEquals(1, read.manifests().size());
        assertEquals("B", read.manifests().get(0).kind());
        assertTrue(read.problems().get(0).problem().contains("is not a mapping"));
        // load() still stops at the first problem, as before.
        assertThrows(ManifestException.class, () -> ManifestLoader.load(file));
    }

    @Test
    void unquotedYesNoOnOffAreRememberedBecauseKubernetesReadsThemAsBooleans() {
        Manifest m = ManifestLoader.parse(Path.of("w.yaml"), "a: yes\nb: 'yes'\nc: [Off, \"on\", n]\nd: true\n").get(0);
        assertEquals("yes", m.content().get("a"));
        assertEquals(Set.of("a", "c[0]", "c[2]"), m.positions().yaml11Booleans());
    }

    @Test
    void anEmojiAnywhereInAFileLoads() {
        // SnakeYAML Engine reads in 1024-character buffers; an emoji (two chars) across the boundary used to throw.
        for (int pad = 960; pad < 1040; pad++) {
            String description = "x".repeat(pad) + "\uD83D\uDE00";
            String text = "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: t\n  annotations:\n"
                    + "    workflows.argoproj.io/description: '" + description + "'\n";
            List<Manifest> manifests = ManifestLoader.parse(Path.of("t.yaml"), text);
            Map<?, ?> metadata = (Map<?, ?>) manifests.get(0).content().get("metadata");
            assertEquals(description, ((Map<?, ?>) metadata.get("annotations")).get("workflows.argoproj.io/description"), "pad " + pad);
        }
    }

    @Test
    void aYamlProblemSpanningLinesIsOneErrorLine() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestLoader.parse(Path.of("t.yaml"), "apiVersion: v1\nkind: \"\\u12\"\n"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.yaml:2:"), e.getMessage());
    }

    @Test
    void aRecursiveAliasIsAProblemOfTheFileNotACrash() throws IOException {
        Path file = dir.resolve("w.yaml");
        // Block style: the anchor's sequence holds itself.
        Files.writeString(file, "kind: Workflow\nspec:\n  a: &a\n    - *a\n");
        ManifestFile read = ManifestLoader.read(file);
        assertEquals(1, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).problem().startsWith("nesting deeper than"), read.problems().toString());
    }
}
