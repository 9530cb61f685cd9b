package dev.argogke.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import dev.argogke.testing.GoModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * External Secrets Operator's chart rendered by real Helm (helm-java) with the values the program passes
 * ({@link ExternalSecretsChart#values}). The chart is read from the operator's Go module at v1.3.2
 * (deploy/charts/external-secrets), whose templates are those of chart 1.3.2 (tag helm-chart-1.3.2 changes
 * only Chart.yaml's version, the README and test snapshots). Helm also checks the values against the
 * chart's values.schema.json. The module's chart has no CRDs: they are written into templates/crds/ when the
 * chart is packaged (hack/helm.generate.sh, from deploy/crds/bundle.yaml, each under {@code installCRDs}),
 * so {@link ExternalSecretsCrdTest} checks the objects against the CRDs themselves.
 */
class ExternalSecretsChartRenderTest {
    private static final String NAMESPACE = "argo-workflows";
    private static List<Map<String, Object>> rendered;

    @BeforeAll
    static void render() throws IOException {
        Path module = GoModules.module("github.com/external-secrets/external-secrets", "v1.3.2");
        Path chart = copy(module.resolve("deploy/charts/external-secrets"), Files.createTempDirectory("eso-chart").resolve("external-secrets"));
        Path values = Files.createTempFile("eso-values", ".json");
        new ObjectMapper().writeValue(values.toFile(), ExternalSecretsChart.values(NAMESPACE));
        String manifests = new Helm(chart).template().withName(ExternalSecretsChart.RELEASE_NAME)
                .withNamespace(ExternalSecretsChart.NAMESPACE).withValuesFile(values).call();
        rendered = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked") Map<String, Object> object = (Map<String, Object>) map;
                rendered.add(object);
            }
        }
    }

    /**
     * The module's files are read-only; Helm reads a copy. Its subchart bitwarden-sdk-server (condition
     * bitwarden-sdk-server.enabled, false by default) is not vendored in the module, so the copy declares no
     * dependency: with its condition off it renders nothing either way.
     */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("Chart.lock")) {
                    Files.copy(f, target);
                }
            }
        }
        Path chartYaml = to.resolve("Chart.yaml");
        String text = Files.readString(chartYaml);
        Files.writeString(chartYaml, text.substring(0, text.indexOf("dependencies:")));
        return to;
    }

    private static List<Map<String, Object>> all(String kind) {
        return rendered.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String... path) {
        for (String key : path) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }

    private static List<String> names(String kind) {
        return all(kind).stream().map(o -> String.valueOf(at(o, "metadata", "name"))).sorted().toList();
    }

    @Test
    void onlyTheControllerRunsWatchingTheWorkflowsNamespace() {
        assertEquals(List.of("external-secrets"), names("Deployment"), "no webhook, no certificate controller");
        assertEquals(List.of(), all("ValidatingWebhookConfiguration"));
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) at(((List<?>) at(all("Deployment").get(0), "spec", "template", "spec", "containers")).get(0), "args");
        assertTrue(args.contains("--namespace=" + NAMESPACE), args.toString());
        assertEquals(ExternalSecretsChart.CONTROLLER_SERVICE_ACCOUNT, at(all("Deployment").get(0), "spec", "template", "spec", "serviceAccountName"));
    }

    /** No ClusterRole of the release reads or writes Secrets: its rights over them are a Role in the workflows namespace. */
    @Test
    void theOperatorsRightsOverSecretsAreARoleInTheWorkflowsNamespace() {
        for (Map<String, Object> role : all("ClusterRole")) {
            assertTrue(!rulesOn(role).contains("secrets"), "ClusterRole " + at(role, "metadata", "name") + " touches Secrets: " + role.get("rules"));
        }
        List<Map<String, Object>> secretRoles = all("Role").stream().filter(r -> rulesOn(r).contains("secrets")).toList();
        assertTrue(!secretRoles.isEmpty(), names("Role").toString());
        for (Map<String, Object> role : secretRoles) {
            assertEquals(NAMESPACE, at(role, "metadata", "namespace"), String.valueOf(at(role, "metadata", "name")));
        }
    }

    private static List<String> rulesOn(Map<String, Object> role) {
        List<String> resources = new ArrayList<>();
        for (Object rule : role.get("rules") instanceof List<?> l ? l : List.of()) {
            if (at(rule, "resources") instanceof List<?> r) {
                r.forEach(x -> resources.add(String.valueOf(x)));
            }
        }
        return resources;
    }
}
