package dev.argogke.workflows.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
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
        ManifestException e = org.junit.jupiter.api.Assertions.assertThrows(ManifestException.class,
                () -> ManifestLoader.parse(Path.of("t.yaml"), "apiVersion: v1\nkind: \"\\u12\"\n"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("t.yaml:2:"), e.getMessage());
    }
}
