package dev.argogke.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.argogke.argo.ArgoVersion;
import dev.argogke.config.Settings.Argo;
import dev.argogke.config.Settings.ClusterChoice;
import dev.argogke.config.Settings.Edge;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.Gcp;
import dev.argogke.config.Settings.NodePool;
import dev.argogke.config.Settings.Waiver;
import dev.argogke.config.Settings.Events;
import dev.argogke.config.Settings.Workflows;
import dev.argogke.names.DidYouMean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a stack's settings. Every problem is collected, each naming its key; if
 * there is any, nothing is returned, so no component ever sees half-valid settings.
 * The keys and defaults are documented in the README's config reference.
 */
public final class SettingsLoader {
    public static final String PROJECT = "argo-gke";

    /** The pinned chart version: see {@link ArgoVersion}. */
    public static final String ARGO_CHART_VERSION = ArgoVersion.CHART_VERSION;
    /** The chart's Argo release: see {@link ArgoVersion}. */
    public static final String ARGO_IMAGE_TAG = ArgoVersion.APP_VERSION;
    /** Where workflows run: never Argo's own namespace (see ArgoSettingsReader.workflows()). */
    public static final String WORKFLOWS_NAMESPACE = (String) SettingsSchema.WORKFLOWS_NAMESPACE.defaultValue();

    /** The keys a stack may set in argo-gke's namespace: those {@link SettingsSchema} declares at the top. */
    static final Set<String> TOP_LEVEL = SettingsSchema.keysIn("");

    /**
     * The only project roles the workflows' Google service account may get: the data roles ETL jobs
     * need, each for what a job does with it (role descriptions: cloud.google.com/iam/docs/understanding-roles).
     * Anything else (admin roles, roles/iam.serviceAccountUser or workloadIdentityUser, which let a
     * job act as another account, roles/storage.admin, roles/compute.admin, roles/container.developer,
     * and custom roles, whose permissions a stack file cannot show) is refused.
     */
    public static final java.util.Map<String, String> ALLOWED_WORKFLOW_ROLES = allowedWorkflowRoles();

    private static java.util.Map<String, String> allowedWorkflowRoles() {
        java.util.Map<String, String> roles = new java.util.LinkedHashMap<>();
        roles.put("roles/bigquery.dataViewer", "read BigQuery tables");
        roles.put("roles/bigquery.dataEditor", "read and write BigQuery tables");
        roles.put("roles/bigquery.jobUser", "run BigQuery query and load jobs");
        roles.put("roles/bigquery.readSessionUser", "read tables through the BigQuery Storage Read API");
        roles.put("roles/datastore.viewer", "read Firestore / Datastore");
        roles.put("roles/datastore.user", "read and write Firestore / Datastore");
        roles.put("roles/pubsub.publisher", "publish to Pub/Sub topics");
        roles.put("roles/pubsub.subscriber", "consume Pub/Sub subscriptions");
        roles.put("roles/storage.objectViewer", "read Cloud Storage objects");
        roles.put("roles/storage.objectCreator", "write new Cloud Storage objects");
        roles.put("roles/storage.objectUser", "read, write and delete Cloud Storage objects");
        roles.put("roles/cloudsql.client", "connect to Cloud SQL through the connector or proxy");
        roles.put("roles/cloudsql.instanceUser", "sign in to Cloud SQL with IAM database authentication");
        roles.put("roles/logging.logWriter", "write log entries");
        roles.put("roles/monitoring.metricWriter", "write custom metrics");
        return java.util.Collections.unmodifiableMap(roles);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build());
    }

    private SettingsLoader() {
    }

    public static Settings load(String stack, ConfigSource source) {
        List<String> problems = new ArrayList<>();
        Settings settings = read(stack, source, problems);
        if (!problems.isEmpty()) {
            throw new SettingsException(source.origin(), problems);
        }
        return settings;
    }

    private static Settings read(String stack, ConfigSource source, List<String> problems) {
        source.keys().ifPresent(keys -> checkKnownKeys(keys, problems));

        ConfigValue clusterValue = structured(source, SettingsSchema.CLUSTER.key(), problems);
        // Only a cluster reached by kubeconfig may be outside Google Cloud.
        boolean outsideGoogle = clusterValue.field(SettingsSchema.EXISTING).field(SettingsSchema.EXISTING_KUBECONFIG).present();
        Optional<Gcp> gcp = outsideGoogle ? GcpSettingsReader.noGcp(source, problems) : Optional.ofNullable(GcpSettingsReader.gcp(source, problems));
        String region = gcp.map(Gcp::region).orElse(null);

        ConfigValue envValue = scalar(source, SettingsSchema.ENVIRONMENT.key(), problems);
        String envText = envValue.requiredString("dev or prod");
        Environment environment = envText == null ? null : envValue.oneOf(envText, Environment.class, e -> e.name().toLowerCase(Locale.ROOT));

        boolean existing = clusterValue.field(SettingsSchema.EXISTING).present();
        ClusterChoice cluster = existing ? ExistingClusters.read(clusterValue, region) : ClusterSettingsReader.cluster(stack, clusterValue, region, environment);
        ConfigValue poolsValue = structured(source, SettingsSchema.NODE_POOLS.key(), problems).emptyAsAbsent();
        List<NodePool> pools = existing ? ExistingClusters.noNodePools(poolsValue) : ClusterSettingsReader.nodePools(poolsValue);
        Argo argo = ArgoSettingsReader.argo(structured(source, SettingsSchema.ARGO.key(), problems));
        Workflows workflows = ArgoSettingsReader.workflows(structured(source, SettingsSchema.WORKFLOWS.key(), problems), argo, environment);
        Events events = ArgoSettingsReader.events(structured(source, SettingsSchema.EVENTS.key(), problems), argo, workflows, outsideGoogle);
        ConfigValue edgeValue = structured(source, SettingsSchema.EDGE.key(), problems).emptyAsAbsent();
        Optional<Edge> edge = outsideGoogle ? ExistingClusters.noEdge(edgeValue) : EdgeSettingsReader.edgeIfEnabled(edgeValue, source, problems);
        List<Waiver> waivers = WaiverSettingsReader.waivers(structured(source, SettingsSchema.WAIVERS.key(), problems));

        if (!problems.isEmpty()) {
            return null;
        }
        return new Settings(stack, environment, gcp, cluster, pools, argo, workflows, events, edge, waivers);
    }

    static String key(String name) {
        return PROJECT + ":" + name;
    }

    private static void checkKnownKeys(Set<String> keys, List<String> problems) {
        Set<String> known = new HashSet<>();
        TOP_LEVEL.forEach(k -> known.add(key(k)));
        for (String k : keys.stream().sorted().toList()) {
            if (k.startsWith(PROJECT + ":") && !known.contains(k)) {
                String name = k.substring(PROJECT.length() + 1);
                problems.add(ConfigValue.abbreviate(k) + ": unknown setting" + DidYouMean.closest(name, TOP_LEVEL).map(s -> " (did you mean " + key(s) + "?)").orElse(""));
            }
        }
    }

    /** A plain text value, as Pulumi hands it over. */
    static ConfigValue scalar(ConfigSource source, String key, List<String> problems) {
        return new ConfigValue(key, source.get(key).map(v -> (JsonNode) TextNode.valueOf(v)).orElse(null), problems);
    }

    /** A structured value (mapping or list), which Pulumi hands over as JSON. */
    private static ConfigValue structured(ConfigSource source, String key, List<String> problems) {
        Optional<String> raw = source.get(key);
        if (raw.isEmpty()) {
            return new ConfigValue(key, null, problems);
        }
        try {
            return new ConfigValue(key, JSON.readTree(raw.get()), problems);
        } catch (JsonProcessingException | RuntimeException e) {
            // Not JSON: the user set a plain string where a mapping or list belongs.
            return new ConfigValue(key, TextNode.valueOf(raw.get()), problems);
        }
    }
}
