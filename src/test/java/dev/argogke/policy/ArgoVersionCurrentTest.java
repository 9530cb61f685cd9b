package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned: argo-helm argo-workflows 1.0.18, appVersion v4.0.6 (ArgoVersion). */
class ArgoVersionCurrentTest {
    private final Rule rule = new ArgoVersionCurrent();

    @TempDir
    Path dir;

    private PolicyInput with(String settings) {
        return stack(dir, "old", committed("dev", "    artifactRetentionDays: 7", "    artifactRetentionDays: 7\n" + settings));
    }

    @Test
    void anOlderChartFails() {
        List<String> lines = lines(rule, with("    chartVersion: 0.45.0"));
        assertEquals(List.of(dir.resolve("Pulumi.old.yaml") + ": argo-gke:argo.chartVersion: 0.45.0 is older than the pinned chart 1.0.18; "
                + "remove the setting to deploy the pinned chart, or waive argo-version-current with a reason"), lines);
        assertEquals(1, lines(rule, with("    chartVersion: 1.0.17")).size());
    }

    @Test
    void anOlderArgoImageFails() {
        for (String tag : List.of("v3.5.10", "v4.0.5", "v4.0.6-rc1")) {
            List<String> lines = lines(rule, with("    imageTag: " + tag));
            assertEquals(1, lines.size(), tag);
            assertTrue(lines.get(0).contains("argo-gke:argo.imageTag: " + tag + " is older than the pinned Argo v4.0.6"), lines.get(0));
        }
    }

    @Test
    void thePinsAndNewerPass() {
        assertEquals(List.of(), lines(rule, PolicyFixtures.real("dev")));
        assertEquals(List.of(), lines(rule, with("    chartVersion: 1.0.100\n    imageTag: v4.0.10")));
    }
}
