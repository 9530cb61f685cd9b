package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.testing.Shared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value the program passes to the Argo chart is one the chart reads, and makes a difference:
 * a key the chart does not declare is silently ignored by Helm, and a key that changes nothing
 * only looks like configuration.
 */
class ArgoChartValuesTest {
    /**
     * Settings that restate what the pinned chart would do anyway, kept because the program relies
     * on exactly that; each with what relies on it.
     */
    static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("images.tag", "argo-gke:argo.imageTag; its default is the chart's appVersion"),
            Map.entry("crds.install", "the workflows deployed after the release need the CRDs; the chart installs them"),
            Map.entry("crds.keep", "uninstalling must not delete the CRDs, which would delete every workflow object"),
            Map.entry("controller.serviceAccount.create", "ControllerRbac binds this account"),
            Map.entry("controller.serviceAccount.name", "named by ControllerRbac's binding"),
            Map.entry("server.enabled", "the edge's Ingress sends to argo-server"),
            Map.entry("server.secure", "TLS ends at the load balancer: its health check and backend speak HTTP"),
            Map.entry("server.serviceAccount.create", "the account argo-server's Workload Identity binding and ServerRbac name"),
            Map.entry("server.serviceAccount.name", "named by argo-server's Workload Identity binding and ServerRbac"));

    static List<String> stacks() {
        return PlannedStack.layouts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyValueTheProgramSetsIsDeclaredByTheChart(String stack) {
        List<String> unknown = ChartValues.of(Shared.argoChart()).settings(PlannedStack.of(stack).values()).stream()
                .filter(s -> !s.declared()).map(ChartValues.Setting::path).toList();
        assertEquals(List.of(), unknown, "keys argo-helm's argo-workflows " + ArgoVersion.CHART_VERSION + " values.yaml does not have");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyValueTheProgramSetsChangesWhatHelmRenders(String stack) {
        PlannedStack planned = PlannedStack.of(stack);
        String full = template(planned, planned.values());
        List<String> idle = new ArrayList<>();
        for (ChartValues.Setting s : ChartValues.of(Shared.argoChart()).settings(planned.values())) {
            if (s.declared() && !PINNED.containsKey(s.path()) && full.equals(template(planned, ChartValues.without(planned.values(), s.path())))) {
                idle.add(s.path() + "=" + s.value());
            }
        }
        assertEquals(List.of(), idle, "settings that render the same as the chart's default; drop them, or pin them with the reason");
    }

    /** A pin that no layout needs (it is never set, or always changes the render) is stale. */
    @Test
    void everyPinnedSettingRestatesTheChartsDefaultInSomeLayout() {
        List<String> stale = new ArrayList<>(PINNED.keySet());
        for (String stack : stacks()) {
            PlannedStack planned = PlannedStack.of(stack);
            String full = template(planned, planned.values());
            for (ChartValues.Setting s : ChartValues.of(Shared.argoChart()).settings(planned.values())) {
                if (stale.contains(s.path()) && full.equals(template(planned, ChartValues.without(planned.values(), s.path())))) {
                    stale.remove(s.path());
                }
            }
        }
        assertEquals(List.of(), stale);
    }

    private static String template(PlannedStack planned, Map<String, Object> values) {
        return RenderedChart.template(Shared.argoChart(), planned.releaseName(), planned.namespace(), values);
    }
}
