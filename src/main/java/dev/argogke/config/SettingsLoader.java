package dev.argogke.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.argogke.argo.ArgoVersion;
import dev.argogke.config.Settings.Argo;
import dev.argogke.config.Settings.ChartSource;
import dev.argogke.config.Settings.Cluster;
import dev.argogke.config.Settings.ClusterChoice;
import dev.argogke.config.Settings.Dns;
import dev.argogke.config.Settings.DnsMode;
import dev.argogke.config.Settings.Edge;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.Gcp;
import dev.argogke.config.Settings.NodePool;
import dev.argogke.config.Settings.OAuthClient;
import dev.argogke.config.Settings.Waiver;
import dev.argogke.config.Settings.Workflows;
import dev.argogke.names.DidYouMean;
import dev.argogke.names.KubeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** Where workflows run: never Argo's own namespace (see workflows()). */
    public static final String WORKFLOWS_NAMESPACE = "argo-workflows";

    static final Set<String> TOP_LEVEL = new LinkedHashSet<>(List.of(
            "environment", "cluster", "nodePools", "argo", "workflows", "edge", "oauthClientSecret", "dataAccessLogs", "waivers"));
    private static final Set<String> CLUSTER_KEYS = Set.of(
            "name", "location", "releaseChannel", "privateNodes", "authorizedNetworks", "deletionProtection", "existing");
    private static final Set<String> EXISTING_KEYS = Set.of("name", "location", "kubeconfig", "context");
    private static final Set<String> POOL_KEYS = Set.of(
            "name", "machineType", "minNodes", "maxNodes", "spot", "diskSizeGb", "diskType", "workflowsOnly");
    private static final Set<String> ARGO_KEYS = Set.of(
            "namespace", "chartVersion", "imageTag", "chartRepository", "chartPath", "serverAuthMode", "artifactRetentionDays", "workflowRoles");
    private static final Set<String> WORKFLOWS_KEYS = Set.of(
            "directory", "namespace", "suspendAll", "imageRegistry", "imageTag");
    private static final Set<String> EDGE_KEYS = Set.of("host", "dns", "iapMembers", "oauthClientId");
    private static final Set<String> DNS_KEYS = Set.of("mode", "zone", "dnsName");
    private static final Set<String> WAIVER_KEYS = Set.of("rule", "reason");

    /** GKE release channels that pulumi-gcp 7.0.0 accepts (UNSPECIFIED means none: no auto-upgrades, not offered). */
    static final Set<String> RELEASE_CHANNELS = Set.of("RAPID", "REGULAR", "STABLE");

    static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}");
    static final Pattern CLUSTER_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    static final Pattern LOCATION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}(-[a-z])?");
    static final Pattern POOL_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
    static final Pattern CIDR = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])");
    static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final Pattern ROLE = Pattern.compile("(roles|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles|organizations/[0-9]+/roles)/[A-Za-z0-9_.]{3,64}");
    static final Pattern REGISTRY = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*");
    /** A chart repository: an index over http(s), or an OCI registry path (Helm's two kinds). */
    static final Pattern CHART_REPOSITORY = Pattern.compile("(https?|oci)://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?");
    static final Pattern CHART_PATH = Pattern.compile("[A-Za-z0-9_./-]{1,300}");
    static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    static final Pattern OAUTH_CLIENT_ID = Pattern.compile("[0-9]{6,}-[a-z0-9]{8,}\\.apps\\.googleusercontent\\.com");
    static final Pattern WAIVER_RULE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

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
        roles.put("roles/secretmanager.secretAccessor", "read Secret Manager secret versions");
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

        ConfigValue clusterValue = structured(source, key("cluster"), problems);
        // Only a cluster reached by kubeconfig may be outside Google Cloud.
        boolean outsideGoogle = clusterValue.field("existing").field("kubeconfig").present();
        Optional<Gcp> gcp = outsideGoogle ? noGcp(source, problems) : Optional.ofNullable(gcp(source, problems));
        String region = gcp.map(Gcp::region).orElse(null);

        ConfigValue envValue = scalar(source, key("environment"), problems);
        Environment environment = envValue.oneOf(envValue.requiredString("dev or prod"), Environment.class, s -> s.toUpperCase(Locale.ROOT));

        ClusterChoice cluster = clusterValue.field("existing").present()
                ? ExistingClusters.read(clusterValue, CLUSTER_KEYS, region)
                : cluster(stack, clusterValue, region, environment);
        ConfigValue poolsValue = structured(source, key("nodePools"), problems).emptyAsAbsent();
        List<NodePool> pools = clusterValue.field("existing").present() ? ExistingClusters.noNodePools(poolsValue) : nodePools(poolsValue);
        Argo argo = argo(structured(source, key("argo"), problems));
        Workflows workflows = workflows(structured(source, key("workflows"), problems), argo, environment);
        ConfigValue edgeValue = structured(source, key("edge"), problems).emptyAsAbsent();
        Optional<Edge> edge = outsideGoogle ? ExistingClusters.noEdge(edgeValue) : Optional.ofNullable(edge(edgeValue, source, problems));
        List<Waiver> waivers = waivers(structured(source, key("waivers"), problems));

        if (!problems.isEmpty()) {
            return null;
        }
        return new Settings(stack, environment, gcp, cluster, pools, argo, workflows, edge, waivers);
    }

    private static Gcp gcp(ConfigSource source, List<String> problems) {
        String project = scalar(source, "gcp:project", problems).requiredString("set it with `pulumi config set gcp:project <project-id>`");
        project = scalar(source, "gcp:project", problems).matching(project, PROJECT_ID, "a Google Cloud project id (6-30 lowercase letters, digits, dashes)");
        ConfigValue regionValue = scalar(source, "gcp:region", problems);
        String region = regionValue.matching(regionValue.requiredString("e.g. europe-west1"), REGION, "a region like europe-west1");
        // Whether these are stored encrypted is the secrets-encrypted rule's to check.
        Settings.GcpAuth auth = new Settings.GcpAuth(
                source.get("gcp:credentials").map(v -> new Secret("gcp:credentials", v)),
                source.get("gcp:accessToken").map(v -> new Secret("gcp:accessToken", v)),
                source.get("gcp:impersonateServiceAccount"));
        boolean dataAccessLogs = scalar(source, key("dataAccessLogs"), problems).bool().orElse(true);
        return project == null || region == null ? null : new Gcp(project, region, auth, dataAccessLogs);
    }

    /** A cluster outside Google Cloud: a Google project would be set for nothing, so it is a mistake. */
    private static Optional<Gcp> noGcp(ConfigSource source, List<String> problems) {
        for (String key : List.of("gcp:project", "gcp:region")) {
            ConfigValue v = scalar(source, key, problems);
            if (v.present()) {
                v.problem("not used with argo-gke:cluster.existing.kubeconfig: nothing of Google Cloud is created for a cluster "
                        + "reached by kubeconfig; remove it, or name a GKE cluster with existing.name and existing.location");
            }
        }
        // true is Pulumi.yaml's default, which the CLI hands every stack; false would promise a choice about a
        // Google Cloud project that this stack does not touch.
        ConfigValue logs = scalar(source, key("dataAccessLogs"), problems);
        if (!logs.bool().orElse(true)) {
            logs.problem("not used with argo-gke:cluster.existing.kubeconfig: there is no Google Cloud project whose audit logs "
                    + "argo-gke could turn on; remove it");
        }
        return Optional.empty();
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
    private static ConfigValue scalar(ConfigSource source, String key, List<String> problems) {
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

    private static Cluster cluster(String stack, ConfigValue v, String region, Environment environment) {
        if (!v.present()) {
            v.problem("required: a mapping with at least `location` (a zone such as europe-west1-b keeps the cluster in GKE's free tier)");
            return null;
        }
        if (!v.object(CLUSTER_KEYS)) {
            return null;
        }
        ConfigValue nameValue = v.field("name");
        String name = nameValue.matching(nameValue.string(GoogleIds.fit("argo-" + stack, 40)), CLUSTER_NAME, "a cluster name (lowercase letters, digits, dashes; at most 40)");
        ConfigValue locationValue = v.field("location");
        String location = locationValue.requiredString("a zone such as " + (region == null ? "europe-west1" : region) + "-b (zonal: free tier) or the region itself (regional)");
        location = locationValue.matching(location, LOCATION, "a zone (europe-west1-b) or region (europe-west1)");
        checkInRegion(locationValue, location, region);
        ConfigValue channelValue = v.field("releaseChannel");
        String channel = channelValue.string("REGULAR").toUpperCase(Locale.ROOT);
        if ("EXTENDED".equals(channel)) {
            // GKE has it, but pulumi-gcp 7.0.0 (terraform-provider-google-beta v5.0.0,
            // resource_container_cluster.go release_channel.channel) allows only UNSPECIFIED,
            // RAPID, REGULAR and STABLE, and the preview would fail inside the provider.
            channelValue.problem("'EXTENDED' is not supported by the GCP provider argo-gke uses (pulumi-gcp 7.0.0); use STABLE, REGULAR or RAPID");
            channel = null;
        } else {
            channel = channelValue.oneOf(channel, RELEASE_CHANNELS);
        }
        boolean privateNodes = v.field("privateNodes").bool().orElse(true);
        List<String> networks = new ArrayList<>();
        for (ConfigValue n : v.field("authorizedNetworks").list()) {
            String cidr = n.matching(n.requiredString("a CIDR such as 203.0.113.0/24"), CIDR, "a CIDR such as 203.0.113.0/24");
            if (cidr != null) {
                networks.add(cidr);
            }
        }
        boolean deletionProtection = v.field("deletionProtection").bool().orElse(environment == Environment.PROD);
        return new Cluster(name, location, channel, privateNodes, networks, deletionProtection);
    }

    /** A cluster's zone or region must be in {@code gcp:region}, where the network and bucket go. */
    static void checkInRegion(ConfigValue locationValue, String location, String region) {
        if (location != null && region != null && !location.equals(region) && !location.startsWith(region + "-")) {
            locationValue.problem("'" + location + "' is not in gcp:region " + region + "; use a zone of " + region + " (e.g. " + region + "-b) or change gcp:region");
        }
    }

    private static List<NodePool> nodePools(ConfigValue v) {
        List<NodePool> pools = new ArrayList<>();
        if (!v.present()) {
            v.problem("required for a cluster argo-gke creates: at least one node pool, e.g. [{name: general, machineType: e2-standard-2, minNodes: 0, maxNodes: 3}]");
            return pools;
        }
        List<ConfigValue> items = v.list();
        if (v.isEmptyList()) {
            v.problem("needs at least one node pool");
        }
        Set<String> names = new HashSet<>();
        for (ConfigValue p : items) {
            if (!p.present()) {
                p.problem("must be a mapping with name, machineType, minNodes, maxNodes");
                continue;
            }
            if (!p.object(POOL_KEYS)) {
                continue;
            }
            ConfigValue nameValue = p.field("name");
            String name = nameValue.matching(nameValue.requiredString("e.g. general"), POOL_NAME, "a pool name (lowercase letters, digits, dashes; at most 40)");
            if (name != null && !names.add(name)) {
                nameValue.problem("'" + name + "' is used by two pools; pool names must be unique");
            }
            ConfigValue mt = p.field("machineType");
            String machineType = mt.matching(mt.requiredString("e.g. e2-standard-2"), MACHINE_TYPE, "a machine type such as e2-standard-2");
            Integer min = p.field("minNodes").requiredInteger(0, 1000);
            Integer max = p.field("maxNodes").requiredInteger(1, 1000);
            if (min != null && max != null && max < min) {
                p.field("maxNodes").problem("must be at least minNodes (" + min + "), found " + max);
            }
            boolean spot = p.field("spot").bool().orElse(true);
            int disk = p.field("diskSizeGb").integer(10, 65536).orElse(30);
            ConfigValue dt = p.field("diskType");
            String diskType = dt.oneOf(dt.string("pd-standard"), Set.of("pd-standard", "pd-balanced", "pd-ssd"));
            boolean workflowsOnly = p.field("workflowsOnly").bool().orElse(false);
            if (name != null && machineType != null && min != null && max != null && max >= min && diskType != null) {
                pools.add(new NodePool(name, machineType, min, max, spot, disk, diskType, workflowsOnly));
            }
        }
        if (!items.isEmpty() && pools.size() == items.size() && pools.stream().allMatch(NodePool::workflowsOnly)) {
            v.problem("every pool is workflowsOnly; Argo's controller and server need one pool without the taint (set workflowsOnly: false on one)");
        }
        return pools;
    }

    private static Argo argo(ConfigValue v) {
        if (v.present() && !v.object(ARGO_KEYS)) {
            return null;
        }
        ConfigValue ns = v.field("namespace");
        String namespace = ns.satisfying(ns.string("argo"), KubeNames::isLabel, "a Kubernetes namespace name (DNS-1123 label)");
        ConfigValue cv = v.field("chartVersion");
        String chart = cv.matching(cv.string(ARGO_CHART_VERSION), Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+"), "a chart version such as " + ARGO_CHART_VERSION);
        ConfigValue it = v.field("imageTag");
        String imageTag = it.matching(it.string(ARGO_IMAGE_TAG), Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+(-[a-z0-9.]+)?"), "an Argo release tag such as " + ARGO_IMAGE_TAG);
        ConfigValue am = v.field("serverAuthMode");
        String authMode = am.oneOf(am.string("server"), Set.of("server", "client", "sso"));
        if ("sso".equals(authMode)) {
            // argo-server in sso mode refuses to start without an OIDC issuer and client, which no
            // setting here provides; the Helm release would wait 10 minutes and roll back.
            am.problem("sso needs an OIDC provider configuration that argo-gke does not manage; behind IAP use server "
                    + "(IAP decides who gets in) or client (each user signs in with a Kubernetes token)");
        }
        ChartSource chartSource = chartSource(v.field("chartRepository"), v.field("chartPath"));
        int retention = v.field("artifactRetentionDays").integer(1, 3650).orElse(30);
        List<String> roles = new ArrayList<>();
        for (ConfigValue r : v.field("workflowRoles").list()) {
            String role = r.matching(r.requiredString("e.g. roles/bigquery.dataEditor"), ROLE, "an IAM role such as roles/bigquery.dataEditor");
            if (role != null && !ALLOWED_WORKFLOW_ROLES.containsKey(role)) {
                r.problem("'" + role + "' is not one of the data roles workflows may get"
                        + (role.startsWith("roles/") ? "" : " (custom roles are refused: their permissions are not visible here)")
                        + "; allowed: " + String.join(", ", ALLOWED_WORKFLOW_ROLES.keySet()));
            } else if (role != null && roles.contains(role)) {
                r.problem("'" + role + "' is listed twice");
            } else if (role != null) {
                roles.add(role);
            }
        }
        return new Argo(namespace, chart, imageTag, chartSource, authMode, retention, roles);
    }

    /** Where the chart comes from: argo-helm's repository, a mirror of it, or a chart folder. */
    private static ChartSource chartSource(ConfigValue repositoryValue, ConfigValue pathValue) {
        if (repositoryValue.present() && pathValue.present()) {
            pathValue.problem("set together with argo.chartRepository; use one: a chart repository (https:// or oci://) or a local chart folder");
            return null;
        }
        if (pathValue.present()) {
            String path = pathValue.requiredString("a chart folder relative to the project, e.g. charts/argo-workflows");
            if (path != null && path.contains("://")) {
                pathValue.problem("'" + ConfigValue.abbreviate(path) + "' is a URL; set it as argo.chartRepository instead");
                return null;
            }
            path = pathValue.matching(path, CHART_PATH, "a folder path such as charts/argo-workflows");
            return path == null ? null : ChartSource.folder(stripSlash(path));
        }
        String repository = repositoryValue.string(ArgoVersion.CHART_REPOSITORY);
        repository = repositoryValue.matching(repository, CHART_REPOSITORY,
                "a chart repository URL such as " + ArgoVersion.CHART_REPOSITORY + " or oci://ghcr.io/argoproj/argo-helm");
        return repository == null ? null : ChartSource.repository(stripSlash(repository));
    }

    private static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Workflows workflows(ConfigValue v, Argo argo, Environment environment) {
        if (v.present() && !v.object(WORKFLOWS_KEYS)) {
            return null;
        }
        ConfigValue dir = v.field("directory");
        String directory = dir.matching(dir.string("workflows"), Pattern.compile("[A-Za-z0-9_./-]{1,200}"), "a folder path relative to the project");
        if (directory != null && (directory.startsWith("/") || directory.contains(".."))) {
            dir.problem("must be a folder inside the project, found '" + ConfigValue.abbreviate(directory) + "'");
        }
        ConfigValue ns = v.field("namespace");
        String namespace = ns.satisfying(ns.string(WORKFLOWS_NAMESPACE), KubeNames::isLabel, "a Kubernetes namespace name (DNS-1123 label)");
        if (namespace != null && argo != null && namespace.equals(argo.namespace())) {
            // Argo's docs/security.md ("Workflow RBAC"): users who may create workflows in the
            // controller's namespace may be able to modify the controller itself, so "the managed
            // namespace should therefore not be the controller's namespace".
            ns.problem("'" + namespace + "' is Argo's own namespace (argo.namespace); workflows must run in another one, "
                    + "or whoever submits a workflow could act as the controller: remove the key to use " + WORKFLOWS_NAMESPACE);
        }
        boolean suspendAll = v.field("suspendAll").bool().orElse(environment != Environment.PROD);
        ConfigValue reg = v.field("imageRegistry");
        Optional<String> registry = reg.string().map(r -> reg.matching(r, REGISTRY, "a registry such as europe-docker.pkg.dev/my-project/jobs"));
        ConfigValue tag = v.field("imageTag");
        Optional<String> imageTag = tag.string().map(t -> tag.matching(t, IMAGE_TAG, "an image tag"));
        return new Workflows(directory, namespace, suspendAll, registry.filter(r -> r != null), imageTag.filter(t -> t != null));
    }

    private static Edge edge(ConfigValue v, ConfigSource source, List<String> problems) {
        if (!v.present()) {
            v.problem("required: host, dns and iapMembers (the Argo UI is only ever reachable through IAP)");
            return null;
        }
        if (!v.object(EDGE_KEYS)) {
            return null;
        }
        ConfigValue hostValue = v.field("host");
        String host = hostValue.requiredString("the UI's host name, e.g. argo.example.com");
        host = hostValue.matching(host == null ? null : stripDot(host), HOST, "a host name such as argo.example.com (lowercase)");

        Dns dns = dns(v.field("dns"), host, hostValue);

        ConfigValue membersValue = v.field("iapMembers");
        List<String> members = new ArrayList<>();
        if (!membersValue.present()) {
            membersValue.problem("required: who may open the UI, e.g. [user:ana@example.com, group:data-team@example.com]; an empty list would lock everyone out, there is no open setting");
        } else {
            List<ConfigValue> items = membersValue.list();
            if (membersValue.isEmptyList()) {
                membersValue.problem("is empty; list at least one member (user:, group: or domain:), the UI is never open to all");
            }
            for (ConfigValue m : items) {
                String member = m.requiredString("user:<email>, group:<email> or domain:<domain>");
                if (member != null && validMember(m, member)) {
                    if (members.contains(member)) {
                        m.problem("'" + member + "' is listed twice");
                    } else {
                        members.add(member);
                    }
                }
            }
        }

        ConfigValue idValue = v.field("oauthClientId");
        Optional<String> clientId = idValue.string().map(id -> idValue.matching(id, OAUTH_CLIENT_ID, "an OAuth client id ending in .apps.googleusercontent.com"));
        String secretKey = key("oauthClientSecret");
        Optional<String> secret = source.get(secretKey);
        Optional<OAuthClient> client = Optional.empty();
        if (secret.isPresent() && !source.isSecret(secretKey)) {
            problems.add(secretKey + ": is stored in plain text; store it encrypted with `pulumi config set --secret oauthClientSecret <value>`");
        } else if (clientId.isPresent() && clientId.get() != null && secret.isEmpty()) {
            problems.add(secretKey + ": required with edge.oauthClientId; set it with `pulumi config set --secret oauthClientSecret <value>`");
        } else if (clientId.isEmpty() && secret.isPresent()) {
            problems.add(secretKey + ": set, but edge.oauthClientId is not; set both, or neither to use Google's managed OAuth client");
        } else if (clientId.isPresent() && clientId.get() != null) {
            client = Optional.of(new OAuthClient(clientId.get(), new Secret(secretKey, secret.get())));
        }
        if (host == null || dns == null || members.isEmpty()) {
            return null;
        }
        return new Edge(host, dns, members, client);
    }

    private static Dns dns(ConfigValue v, String host, ConfigValue hostValue) {
        if (!v.present()) {
            v.problem("required: {mode: existing-zone, zone: <managed zone name>, dnsName: <its domain>}, or {mode: create-zone, ...}, or {mode: external}");
            return null;
        }
        if (!v.object(DNS_KEYS)) {
            return null;
        }
        ConfigValue modeValue = v.field("mode");
        DnsMode mode = modeValue.oneOf(modeValue.requiredString("existing-zone, create-zone or external"), DnsMode.class,
                s -> s.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (mode == null) {
            return null;
        }
        ConfigValue zoneValue = v.field("zone");
        ConfigValue nameValue = v.field("dnsName");
        if (mode == DnsMode.EXTERNAL) {
            if (zoneValue.present()) {
                zoneValue.problem("not used with mode external; remove it, or use mode existing-zone");
            }
            return new Dns(mode, Optional.empty(), Optional.empty());
        }
        String zone = zoneValue.matching(zoneValue.requiredString("the Cloud DNS managed zone's name, e.g. example-com"),
                Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?"), "a managed zone name (lowercase letters, digits, dashes)");
        String dnsName = nameValue.requiredString("the zone's domain, e.g. example.com");
        dnsName = nameValue.matching(dnsName == null ? null : stripDot(dnsName), HOST, "a domain such as example.com");
        if (host != null && dnsName != null && !host.equals(dnsName) && !host.endsWith("." + dnsName)) {
            hostValue.problem("'" + host + "' is outside the managed zone's domain " + dnsName + " (argo-gke:edge.dns.dnsName); use a host ending in ." + dnsName);
        }
        if (zone == null || dnsName == null) {
            return null;
        }
        return new Dns(mode, Optional.of(zone), Optional.of(dnsName));
    }

    private static boolean validMember(ConfigValue m, String member) {
        int colon = member.indexOf(':');
        String kind = colon < 0 ? "" : member.substring(0, colon);
        String rest = colon < 0 ? member : member.substring(colon + 1);
        switch (kind) {
            case "user", "group" -> {
                if (EMAIL.matcher(rest).matches()) {
                    return true;
                }
                m.problem("'" + ConfigValue.abbreviate(member) + "' needs an email address after " + kind + ":, e.g. " + kind + ":ana@example.com");
            }
            case "domain" -> {
                if (HOST.matcher(rest).matches()) {
                    return true;
                }
                m.problem("'" + ConfigValue.abbreviate(member) + "' needs a domain after domain:, e.g. domain:example.com");
            }
            default -> {
                String hint = EMAIL.matcher(member).matches() ? " (write user:" + member + ")" : "";
                m.problem("'" + ConfigValue.abbreviate(member) + "' is not a member; use user:<email>, group:<email> or domain:<domain>" + hint
                        + (member.equals("allUsers") || member.equals("allAuthenticatedUsers") ? "; the UI is never opened to everyone" : ""));
            }
        }
        return false;
    }

    private static List<Waiver> waivers(ConfigValue v) {
        List<Waiver> waivers = new ArrayList<>();
        for (ConfigValue w : v.list()) {
            if (!w.present()) {
                w.problem("must be a mapping {rule: <name>, reason: <why>}");
                continue;
            }
            if (!w.object(WAIVER_KEYS)) {
                continue;
            }
            ConfigValue ruleValue = w.field("rule");
            String rule = ruleValue.matching(ruleValue.requiredString("the policy rule's name, as `bin/argo-gke check` prints it"), WAIVER_RULE, "a rule name such as private-nodes");
            ConfigValue reasonValue = w.field("reason");
            String reason = reasonValue.requiredString("say why this stack may break the rule");
            if (reason != null && reason.isBlank()) {
                reasonValue.problem("is empty; say why this stack may break the rule");
                reason = null;
            }
            if (rule != null && reason != null) {
                waivers.add(new Waiver(rule, reason));
            }
        }
        return waivers;
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
