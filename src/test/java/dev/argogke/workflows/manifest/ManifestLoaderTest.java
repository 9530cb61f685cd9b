package dev.argogke.workflows.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
