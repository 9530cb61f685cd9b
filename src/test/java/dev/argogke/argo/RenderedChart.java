package dev.argogke.argo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The objects real Helm ({@code helm template}, Helm v3 in helm-java's native library) renders from
 * a chart folder with given values, release name and namespace: what {@code helm install} would
 * create, hooks aside.
 *
 * @param namespace the release namespace, where Helm puts every namespaced object that names none
 */
public record RenderedChart(String namespace, List<Map<String, Object>> objects) {

    public static RenderedChart render(Path chart, String release, String namespace, Map<String, Object> values) {
        return new RenderedChart(namespace, parse(template(chart, release, namespace, values)));
    }

    /** The manifests as Helm prints them; a template error is thrown with Helm's message. */
    public static String template(Path chart, String release, String namespace, Map<String, Object> values) {
        try {
            Path file = Files.createTempFile("argo-values", ".json");
            try {
                // JSON is YAML: Helm reads the values file exactly as the provider hands them over.
                new ObjectMapper().writeValue(file.toFile(), values);
                return new Helm(chart).template().withName(release).withNamespace(namespace).withValuesFile(file).call();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                out.add((Map<String, Object>) map);
            }
        }
        return out;
    }

    public List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    public Optional<Map<String, Object>> find(String kind, String namespace, String name) {
        return all(kind).stream()
                .filter(o -> name.equals(Doc.at(o, "metadata.name")))
                .filter(o -> namespace == null || namespace.equals(namespaceOf(o)))
                .findFirst();
    }

    public Map<String, Object> one(String kind, String namespace, String name) {
        return find(kind, namespace, name).orElseThrow(() -> new AssertionError("the chart renders no " + kind + " "
                + (namespace == null ? "" : namespace + "/") + name + "; it renders " + names(kind)));
    }

    /** A namespaced object's namespace: its own, or the release's when the template leaves it out. */
    public String namespaceOf(Map<String, Object> object) {
        Object ns = Doc.at(object, "metadata.namespace");
        return ns == null ? namespace : ns.toString();
    }

    public List<String> names(String kind) {
        return all(kind).stream().map(o -> namespaceOf(o) + "/" + Doc.at(o, "metadata.name")).toList();
    }
}
