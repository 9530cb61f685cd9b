package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTest {
    @TempDir
    Path dir;

    @Test
    void structuredValuesArePassedAsJsonLikePulumiDoes() {
        StackFile f = TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:cluster:\n    location: europe-west1-b\n  gcp:project: p\n");
        assertEquals("{\"location\":\"europe-west1-b\"}", f.get("argo-gke:cluster").orElseThrow());
        assertEquals("p", f.get("gcp:project").orElseThrow());
        assertEquals("qa", f.stack());
    }

    @Test
    void encryptedValuesAreMarkedSecretAndNeverDecrypted() {
        StackFile f = TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:oauthClientSecret:\n    secure: v1:abc\n");
        assertTrue(f.isSecret("argo-gke:oauthClientSecret"));
        // Only the Pulumi CLI holds the key: offline the value is a stand-in, never the ciphertext.
        assertEquals("[secret]", f.get("argo-gke:oauthClientSecret").orElseThrow());
    }

    @Test
    void invalidYamlNamesFileLineAndColumn() {
        UserError e = assertThrows(UserError.class, () -> TestSettings.stackFile(dir, "qa", "config:\n  gcp:project: [a\n"));
        assertTrue(e.getMessage().matches(".*Pulumi\\.qa\\.yaml:[0-9]+:[0-9]+: invalid YAML.*"), e.getMessage());
    }

    @Test
    void unknownStackListsTheStacksThereAre() {
        UserError e = assertThrows(UserError.class, () -> StackFile.forStack(Path.of("stacks"), "staging"));
        assertTrue(e.getMessage().contains("stacks here: dev, prod"), e.getMessage());
    }

    @Test
    void anAliasInsideItsOwnAnchorIsAnErrorNotAnEndlessLoop() {
        UserError e = assertThrows(UserError.class, () -> TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:nodePools: &a [*a]\n"));
        assertTrue(e.getMessage().contains("Pulumi.qa.yaml: argo-gke:nodePools: nested more than 64 levels deep, or an alias"), e.getMessage());
    }

    @Test
    void aYamlProblemSpanningLinesIsReportedOnOneLine() {
        UserError e = assertThrows(UserError.class, () -> TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:environment: \"\\u12\"\n"));
        assertTrue(e.getMessage().contains("invalid YAML: expected escape sequence"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** Found by ConfigFuzzTest: the error named a ClassCastException of SnakeYAML's node classes. */
    @Test
    void aScalarTagOnAMappingSaysToRemoveTheTag() {
        UserError e = assertThrows(UserError.class, () -> TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:cluster: !!str\n    location: x\n"));
        assertTrue(e.getMessage().endsWith("Pulumi.qa.yaml: invalid YAML: a tag such as !!str or !!int is on a mapping or a list; remove the tag"),
                e.getMessage());
    }

    @Test
    void anEmojiAnywhereInTheFileLoads() {
        // SnakeYAML Engine reads in 1024-character buffers; an emoji (two chars) across the boundary used to throw.
        for (int pad = 960; pad < 1040; pad++) {
            String host = "x".repeat(pad) + "\uD83D\uDE00";
            StackFile f = TestSettings.stackFile(dir, "qa", "config:\n  argo-gke:environment: '" + host + "'\n");
            assertEquals(host, f.get("argo-gke:environment").orElseThrow(), "pad " + pad);
        }
    }
}
