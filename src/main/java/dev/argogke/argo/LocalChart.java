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
        if (!source.folder()) {
            return;
        }
        Path folder = root.resolve(source.location()).normalize();
        if (folder.getFileName() == null || !ArgoVersion.CHART.equals(folder.getFileName().toString())) {
            // Helm's own layout (helm pull --untar), and how the plan's policy checks recognise Argo's release.
            throw new UserError(KEY + ": " + source.location() + " must be a folder named " + ArgoVersion.CHART
                    + ", as `helm pull --untar` unpacks it (e.g. charts/" + ArgoVersion.CHART + ")");
        }
        Path chartYaml = folder.resolve("Chart.yaml");
        if (!Files.isRegularFile(chartYaml)) {
            throw new UserError(KEY + ": " + source.location() + " is not a chart folder (no " + chartYaml
                    + "); point it at an unpacked " + ArgoVersion.CHART + " chart, relative to the project");
        }
        Map<?, ?> chart = read(chartYaml);
        if (!ArgoVersion.CHART.equals(chart.get("name"))) {
            throw new UserError(KEY + ": " + chartYaml + " is the chart '" + chart.get("name") + "', not " + ArgoVersion.CHART);
        }
        String version = String.valueOf(chart.get("version"));
        if (!version.equals(argo.chartVersion())) {
            throw new UserError(KEY + ": " + chartYaml + " is version " + version + " but argo-gke:argo.chartVersion is "
                    + argo.chartVersion() + "; set argo.chartVersion: " + version
                    + " (and argo.imageTag to the chart's appVersion, " + chart.get("appVersion") + ")");
        }
    }

    private static Map<?, ?> read(Path chartYaml) {
        try {
            Object doc = new Load(LoadSettings.builder().setLabel(chartYaml.toString()).build())
                    .loadFromString(Files.readString(chartYaml));
            if (doc instanceof Map<?, ?> map) {
                return map;
            }
            throw new UserError(KEY + ": " + chartYaml + " is not a mapping");
        } catch (IOException | YamlEngineException e) {
            throw new UserError(KEY + ": cannot read " + chartYaml + ": " + e.getMessage());
        }
    }
}
