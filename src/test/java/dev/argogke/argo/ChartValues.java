package dev.argogke.argo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A program's values set against a chart's own {@code values.yaml}: which key paths the chart
 * declares, and where a value is free-form (the chart passes the map on as it is, so any key is
 * fine below it).
 */
final class ChartValues {
    /**
     * Maps the chart declares with example content but passes on whole (argo-helm argo-workflows
     * values.yaml: "[Node selector]" defaults to {@code kubernetes.io/os: linux}).
     */
    private static final Set<String> FREE_FORM = Set.of("controller.nodeSelector", "server.nodeSelector");

    private final Map<?, ?> defaults;

    private ChartValues(Map<?, ?> defaults) {
        this.defaults = defaults;
    }

    static ChartValues of(Path chart) {
        try {
            return new ChartValues((Map<?, ?>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(chart.resolve("values.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key path the program sets: a leaf of the chart's values, or a free-form map. */
    record Setting(String path, Object value, boolean declared, Object chartDefault) {
    }

    /** Every setting in {@code values}, walking down as long as the chart declares nested keys. */
    List<Setting> settings(Map<?, ?> values) {
        List<Setting> out = new ArrayList<>();
        walk("", values, defaults, out);
        return out;
    }

    private static void walk(String prefix, Map<?, ?> values, Map<?, ?> chart, List<Setting> out) {
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String path = prefix + e.getKey();
            boolean declared = chart.containsKey(e.getKey());
            Object chartDefault = chart.get(e.getKey());
            boolean nested = chartDefault instanceof Map<?, ?> m && !m.isEmpty() && !FREE_FORM.contains(path);
            if (declared && nested && e.getValue() instanceof Map<?, ?> sub) {
                walk(path + ".", sub, (Map<?, ?>) chartDefault, out);
            } else {
                out.add(new Setting(path, e.getValue(), declared, chartDefault));
            }
        }
    }

    /** A deep copy of {@code values} without the key at {@code path}. */
    static Map<String, Object> without(Map<?, ?> values, String path) {
        Map<String, Object> copy = copy(values);
        Map<String, Object> parent = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) parent.get(parts[i]);
            parent = next;
        }
        parent.remove(parts[parts.length - 1]);
        return copy;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> m ? copy(m) : v));
        return out;
    }
}
