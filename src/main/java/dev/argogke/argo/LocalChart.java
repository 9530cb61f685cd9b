package dev.argogke.argo;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A chart folder named by {@code argo-gke:argo.chartPath}, checked before anything is registered:
 * Helm would only find a missing or wrong folder during {@code pulumi up}, with a bare "path not found".
 *
 * <p>Under Pulumi the Kubernetes provider runs in the program's folder (the project root) and
 * resolves a relative chart path there (pulumi-kubernetes provider/pkg/provider/helm_release.go,
 * locateChart: {@code os.Stat(name)}); the path is passed on as written, so the plan is the same on
 * every machine.
 */
public final class LocalChart {
    static final String KEY = "argo-gke:argo.chartPath";

    private LocalChart() {
    }

    /** Nothing to check unless the chart comes from a folder; otherwise its Chart.yaml must be Argo's at {@code argo.chartVersion}. */
    public static void check(Path root, Settings.Argo argo) {
        Settings.ChartSource source = argo.chartSource();
        if (source.folder()) {
            check(KEY, root, source.location(), ArgoVersion.CHART, argo.chartVersion(), "argo-gke:argo.chartVersion is",
                    "set argo.chartVersion: %s (and argo.imageTag to the chart's appVersion, %s)");
        }
    }

    /**
     * The folder {@code location} (relative to {@code root}) must hold the chart {@code chart} at
     * {@code version} ({@code wanted}: who wants it, e.g. "argo-gke pins"); {@code versionFix} says how to mend another
     * version, given it and the chart's appVersion.
     */
    public static void check(String key, Path root, String location, String chart, String version, String wanted, String versionFix) {
        Path folder = root.resolve(location).normalize();
        if (folder.getFileName() == null || !chart.equals(folder.getFileName().toString())) {
            // Helm's own layout (helm pull --untar), and how the plan's policy checks recognise the release.
            throw new UserError(key + ": " + location + " must be a folder named " + chart
                    + ", as `helm pull --untar` unpacks it (e.g. charts/" + chart + ")");
        }
        Path chartYaml = folder.resolve("Chart.yaml");
        if (!Files.isRegularFile(chartYaml)) {
            throw new UserError(key + ": " + location + " is not a chart folder (no " + chartYaml
                    + "); point it at an unpacked " + chart + " chart, relative to the project");
        }
        Map<?, ?> found = read(key, chartYaml);
        if (!chart.equals(found.get("name"))) {
            throw new UserError(key + ": " + chartYaml + " is the chart '" + found.get("name") + "', not " + chart);
        }
        String foundVersion = String.valueOf(found.get("version"));
        if (!foundVersion.equals(version)) {
            throw new UserError(key + ": " + chartYaml + " is version " + foundVersion + " but " + wanted + " " + version + "; "
                    + String.format(versionFix, foundVersion, found.get("appVersion")));
        }
    }

    private static Map<?, ?> read(String key, Path chartYaml) {
        try {
            Object doc = new Load(LoadSettings.builder().setLabel(chartYaml.toString()).build())
                    .loadFromString(Files.readString(chartYaml));
            if (doc instanceof Map<?, ?> map) {
                return map;
            }
            throw new UserError(key + ": " + chartYaml + " is not a mapping");
        } catch (IOException | YamlEngineException e) {
            throw new UserError(key + ": cannot read " + chartYaml + ": " + e.getMessage());
        }
    }
}
