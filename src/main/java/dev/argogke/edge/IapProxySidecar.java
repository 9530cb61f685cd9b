package dev.argogke.edge;

import static dev.argogke.edge.IapProxy.map;

import com.pulumi.core.Output;
import dev.argogke.argo.ServerProxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * {@link IapProxy} as a container in argo-server's pod, through the chart's own extension points
 * (argo-helm argo-workflows 1.0.18 values.yaml: {@code server.extraContainers}, {@code server.volumes},
 * {@code server.serviceTargetPort}, {@code server.podAnnotations}).
 */
public final class IapProxySidecar {
    /**
     * Not root, no privileges, nothing written: Envoy needs none of it to listen on a high port
     * and read its configuration. The Pod Security "restricted" profile's settings, which the
     * namespaces warn about (ArgoWorkflows.NAMESPACE_LABELS). 65532 is the conventional "nonroot"
     * user id (distroless images); the binary does not need a user of the image.
     */
    static final int USER = 65532;

    private IapProxySidecar() {
    }

    /** The proxy for argo-server's pod in the project numbered {@code projectNumber} (known from Google, see GoogleCloud). */
    public static ServerProxy of(Output<String> projectNumber) {
        return new ServerProxy(container(), volume(), IapProxy.PORT, IapProxy.CONFIG_MAP, IapProxy.CONFIG_KEY,
                checksum(), projectNumber.applyValue(IapProxySidecar::config));
    }

    /** The ConfigMap's text: Envoy's bootstrap as YAML (Envoy reads a {@code .yaml} path as YAML). */
    public static String config(String projectNumber) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setDereferenceAliases(true)
                .setWidth(4096)
                .build();
        return "# Envoy in front of argo-server: only requests that carry a JWT signed by IAP for a backend\n"
                + "# service of this project pass (argo-gke, dev.argogke.edge.IapProxy).\n"
                + new Dump(settings, new QuotingRepresenter(settings)).dumpToString(IapProxy.bootstrap(projectNumber));
    }

    /**
     * Quotes a string that starts with a YAML indicator ({@code :path}, {@code *}, {@code @type}):
     * YAML 1.2 allows some of them plain, but Envoy's YAML parser (yaml-cpp) and a reader need not.
     */
    private static final class QuotingRepresenter extends StandardRepresenter {
        QuotingRepresenter(DumpSettings settings) {
            super(settings);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                boolean indicator = !s.isEmpty() && ":*@&!%|>#'\"[]{},?-".indexOf(s.charAt(0)) >= 0;
                return representScalar(Tag.STR, s, indicator ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
            });
        }
    }

    /**
     * A checksum of the configuration the program writes, for a pod annotation. It is taken with a
     * stand-in project number: the number is only known from Google (not at an offline preview),
     * and it never changes for the stack's project, so the checksum still changes exactly when the
     * configuration does, and the chart's values stay known before deploy.
     */
    static String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(config("1").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every Java platform", e);
        }
    }

    static Map<String, Object> container() {
        return map(
                "name", IapProxy.CONTAINER,
                "image", IapProxy.IMAGE,
                // The binary itself, not the image's docker-entrypoint.sh, which wants to start as
                // root to change users (usermod, su-exec) and so cannot run as non-root.
                "command", List.of("/usr/local/bin/envoy"),
                "args", List.of("--config-path", IapProxy.CONFIG_DIR + "/" + IapProxy.CONFIG_KEY,
                        // One Envoy per container: hot restart's shared memory is not needed.
                        "--disable-hot-restart", "--log-level", "info"),
                "ports", List.of(map("name", IapProxy.CONTAINER, "containerPort", IapProxy.PORT, "protocol", "TCP")),
                // Ready once Envoy answers its health path, i.e. once argo-server behind it is up too:
                // with container-native load balancing, GKE adds the pod to the NEG only when it is ready.
                "readinessProbe", map("httpGet", map("path", IapProxy.HEALTH_PATH, "port", IapProxy.PORT, "scheme", "HTTP"),
                        "periodSeconds", 10),
                "volumeMounts", List.of(map("name", IapProxy.VOLUME, "mountPath", IapProxy.CONFIG_DIR, "readOnly", true)),
                "resources", map("requests", map("cpu", "20m", "memory", "32Mi")),
                "securityContext", map(
                        "runAsNonRoot", true, "runAsUser", USER, "runAsGroup", USER,
                        "allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                        "capabilities", map("drop", List.of("ALL")),
                        "seccompProfile", map("type", "RuntimeDefault")));
    }

    static Map<String, Object> volume() {
        return map("name", IapProxy.VOLUME, "configMap", map("name", IapProxy.CONFIG_MAP));
    }
}
