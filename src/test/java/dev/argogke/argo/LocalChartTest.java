package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.plan.PlanFile;
import dev.argogke.policy.PolicyCheck;
import dev.argogke.testing.Shared;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing the chart from a folder ({@code argo-gke:argo.chartPath}), as a company mirror or the end-to-end tier does. */
class LocalChartTest {
    @TempDir
    Path dir;

    /** dev with the chart taken from {@code path}. */
    private StackFile devWithChartPath(String path) {
        return TestSettings.stackFile(dir, "dev",
                TestSettings.devWith("  argo-gke:argo:\n", "  argo-gke:argo:\n    chartPath: " + path + "\n"));
    }

    private Settings.Argo argo(String path) {
        return SettingsLoader.load("dev", devWithChartPath(path)).argo();
    }

    /** The shared chart's folder as a user would write it: relative to the project root. */
    private static String sharedChartPath() {
        return Path.of("").toAbsolutePath().relativize(Shared.argoChart().toAbsolutePath().normalize()).toString();
    }

    @Test
    void aMissingFolderStopsThePlanNamingTheSetting() {
        UserError e = assertThrows(UserError.class, () -> LocalChart.check(Path.of("."), argo("charts/argo-workflows")));
        assertTrue(e.getMessage().startsWith("argo-gke:argo.chartPath: charts/argo-workflows is not a chart folder"), e.getMessage());
    }

    @Test
    void aChartOfAnotherNameOrVersionIsRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("argo-workflows"));
        Files.writeString(other.resolve("Chart.yaml"), "apiVersion: v2\nname: argo-events\nversion: 2.4.22\n");
        UserError name = assertThrows(UserError.class, () -> LocalChart.check(dir, argo("argo-workflows")));
        assertTrue(name.getMessage().contains("is the chart 'argo-events', not argo-workflows"), name.getMessage());

        Files.writeString(other.resolve("Chart.yaml"), "apiVersion: v2\nname: argo-workflows\nversion: 1.0.17\nappVersion: v4.0.5\n");
        UserError version = assertThrows(UserError.class, () -> LocalChart.check(dir, argo("argo-workflows")));
        assertTrue(version.getMessage().contains("is version 1.0.17 but argo-gke:argo.chartVersion is 1.0.18; set argo.chartVersion: 1.0.17"
                + " (and argo.imageTag to the chart's appVersion, v4.0.5)"), version.getMessage());
    }

    @Test
    void aFolderNotNamedAfterTheChartIsRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("argo"));
        Files.writeString(other.resolve("Chart.yaml"), "apiVersion: v2\nname: argo-workflows\nversion: 1.0.18\n");
        UserError e = assertThrows(UserError.class, () -> LocalChart.check(dir, argo("argo")));
        assertTrue(e.getMessage().contains("must be a folder named argo-workflows"), e.getMessage());
    }

    @Test
    void theReleaseNamesTheFolderAndHelmRendersItAsTheRepositoryChart() {
        String path = sharedChartPath();
        PlannedStack fromFolder = PlannedStack.of(devWithChartPath(path));
        PlanFile.Resource release = fromFolder.release();
        assertEquals(path, release.input("chart"));
        assertNull(release.input("repositoryOpts"));
        // What the provider does with it: a chart folder relative to the project root, where Pulumi runs it.
        String rendered = RenderedChart.template(Path.of((String) release.input("chart")),
                fromFolder.releaseName(), fromFolder.namespace(), fromFolder.values());
        PlannedStack committed = PlannedStack.of("dev");
        assertEquals(RenderedChart.template(Shared.argoChart(), committed.releaseName(), committed.namespace(), committed.values()), rendered);
    }

    @Test
    void aStackInstallingFromAFolderPassesTheSameChecks() {
        PolicyCheck.Result fromFolder = PolicyCheck.of(Path.of("."), devWithChartPath(sharedChartPath()), Optional.empty());
        assertTrue(fromFolder.report().passed(), fromFolder.report().render());
    }
}
