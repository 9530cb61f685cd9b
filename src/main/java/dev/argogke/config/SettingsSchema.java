package dev.argogke.config;

import static dev.argogke.config.Setting.Check.matching;
import static dev.argogke.config.Setting.Type.BOOLEAN;
import static dev.argogke.config.Setting.Type.INTEGER;
import static dev.argogke.config.Setting.Type.LIST;
import static dev.argogke.config.Setting.Type.MAPPING;
import static dev.argogke.config.Setting.Type.SECRET;
import static dev.argogke.config.Setting.Type.STRING;

import dev.argogke.argo.ArgoVersion;
import dev.argogke.config.Setting.Check;
import dev.argogke.names.KubeNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every setting of a stack, declared once, in the order the README's table lists them. The loader
 * reads each value through its {@link Setting} (default, check) and refuses keys not declared here;
 * Pulumi.yaml's {@code config:} block and the README's table are generated from this list.
 * Checks that tie settings together (a location inside {@code gcp:region}, a host inside the
 * zone's domain) are the readers'.
 */
public final class SettingsSchema {
    public static final String NAMESPACE = "argo-gke";

    static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    static final Pattern GKE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
    static final Pattern CIDR = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])");
    static final Pattern ROLE = Pattern.compile("(roles|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles|organizations/[0-9]+/roles)/[A-Za-z0-9_.]{3,64}");
    static final Pattern REGISTRY = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*");
    /** A chart repository: an index over http(s), or an OCI registry path (Helm's two kinds). */
    static final Pattern CHART_REPOSITORY = Pattern.compile("(https?|oci)://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?");
    static final Pattern CHART_PATH = Pattern.compile("[A-Za-z0-9_./-]{1,300}");
    static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern OAUTH_CLIENT_ID_PATTERN = Pattern.compile("[0-9]{6,}-[a-z0-9]{8,}\\.apps\\.googleusercontent\\.com");
    static final Pattern KUBECONFIG_PATH = Pattern.compile("(~/)?[A-Za-z0-9_./@+-]{1,400}");
    static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.:@/+-]{1,253}");
    static final Pattern WAIVER_RULE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Check NAMESPACE_NAME = new Check(KubeNames::isLabel, "a Kubernetes namespace name (DNS-1123 label)");
    private static final Check OBJECT_NAME = new Check(KubeNames::isSubdomain, "an EventSource's name (DNS-1123 subdomain)");
    private static final Check PROJECT = matching(PROJECT_ID, "a Google Cloud project id (6-30 lowercase letters, digits, dashes)");
    private static final Check LOCATION = new Check(Location::valid, "a zone (europe-west1-b) or region (europe-west1)");

    public static final Setting GCP_PROJECT = Setting.of("gcp:project", STRING,
            "Google Cloud project id that holds everything. Refused with `cluster.existing.kubeconfig` (nothing of Google Cloud is made then).")
            .defaultInWords("required on GKE").check(PROJECT);
    public static final Setting GCP_REGION = Setting.of("gcp:region", STRING,
            "Region of the network, NAT and bucket, e.g. `europe-west1`.")
            .defaultInWords("required on GKE").check(new Check(Location::isRegion, "a region like europe-west1"));
    public static final Setting ENVIRONMENT = Setting.of("argo-gke:environment", STRING,
            "Sets safe defaults: dev suspends all schedules, prod protects the cluster from deletion and keeps artifacts on destroy.")
            .shown("`dev` \\| `prod`").requiredInEveryStack();

    public static final Setting CLUSTER = Setting.of("argo-gke:cluster", MAPPING,
            "The cluster: a new GKE cluster argo-gke creates, or one you have (`existing`).").requiredInEveryStack();
    public static final Setting EXISTING = Setting.of("argo-gke:cluster.existing", MAPPING,
            "A cluster you already have: a GKE cluster by `name` and `location`, or any cluster by `kubeconfig` (and `context`). "
                    + "argo-gke then creates no network, cluster or node pools; the other `cluster` keys and `nodePools` are refused.");
    public static final Setting EXISTING_NAME = Setting.of("argo-gke:cluster.existing.name", STRING,
            "A GKE cluster you already have, in `gcp:project`: argo-gke installs Argo, the workflows, the bucket, Workload Identity "
                    + "(the cluster must have it on) and the edge.")
            .check(matching(GKE_NAME, "a GKE cluster name (lowercase letters, digits, dashes; at most 40)"));
    public static final Setting EXISTING_LOCATION = Setting.of("argo-gke:cluster.existing.location", STRING,
            "That cluster's zone or region, in `gcp:region`.").check(LOCATION);
    public static final Setting EXISTING_KUBECONFIG = Setting.of("argo-gke:cluster.existing.kubeconfig", STRING,
            "Any Kubernetes cluster (kind, minikube, another cloud's), by its kubeconfig file (`~/` or relative to the project): "
                    + "Argo and the workflows only. No Google Cloud at all: no bucket (logs stay with the pods), no Workload Identity, "
                    + "no `edge` (open the UI with `kubectl port-forward`).")
            .shown("path").check(matching(KUBECONFIG_PATH, "a kubeconfig file's path, e.g. ~/.kube/config"));
    public static final Setting EXISTING_CONTEXT = Setting.of("argo-gke:cluster.existing.context", STRING,
            "The kubeconfig's context to use.").defaultInWords("the file's current one").check(matching(CONTEXT, "a kubeconfig context name"));
    public static final Setting CLUSTER_LOCATION = Setting.of("argo-gke:cluster.location", STRING,
            "A zone (`europe-west1-b`: zonal, free-tier fee credit) or the region itself (regional, three times the nodes). Must be in `gcp:region`.")
            .defaultInWords("required").check(LOCATION);
    public static final Setting CLUSTER_NAME = Setting.of("argo-gke:cluster.name", STRING, "GKE cluster name.")
            .defaultInWords("`argo-<stack>`").check(matching(GKE_NAME, "a cluster name (lowercase letters, digits, dashes; at most 40)"));
    public static final Setting RELEASE_CHANNEL = Setting.of("argo-gke:cluster.releaseChannel", STRING,
            "GKE release channel. (`EXTENDED` needs a newer GCP provider than pulumi-gcp 7.0.0, which argo-gke is pinned to.)")
            .shown(Settings.ReleaseChannel.shown()).defaultsTo(Settings.ReleaseChannel.REGULAR.name());
    public static final Setting PRIVATE_NODES = Setting.of("argo-gke:cluster.privateNodes", BOOLEAN,
            "Nodes without public IPs, egress through Cloud NAT. Turning it off must be waived (`private-nodes`).").defaultsTo(true);
    public static final Setting AUTHORIZED_NETWORKS = Setting.of("argo-gke:cluster.authorizedNetworks", LIST,
            "Networks allowed to reach the control plane; empty = any network, still with Google credentials.")
            .shown("list of CIDR").defaultsTo(List.of()).check(matching(CIDR, "a CIDR such as 203.0.113.0/24"));
    public static final Setting DELETION_PROTECTION = Setting.of("argo-gke:cluster.deletionProtection", BOOLEAN,
            "Refuse to delete the cluster, and (Pulumi's `protect`) the Cloud KMS key its Secrets are encrypted with: with it on, "
                    + "`pulumi destroy` and any replacement of the key are refused.").defaultInWords("`true` in prod");

    public static final Setting NODE_POOLS = Setting.of("argo-gke:nodePools", LIST,
            "Autoscaling node pools of a cluster argo-gke creates: at least one; one must not be `workflowsOnly`. Refused with `cluster.existing`.")
            .defaultInWords("required for a new cluster");
    public static final Setting POOL_NAME = Setting.of("argo-gke:nodePools[].name", STRING, "Pool name, unique.")
            .defaultInWords("required").check(matching(GKE_NAME, "a pool name (lowercase letters, digits, dashes; at most 40)"));
    public static final Setting MACHINE_TYPE_SETTING = Setting.of("argo-gke:nodePools[].machineType", STRING,
            "e.g. `e2-medium`, `e2-standard-4`.").defaultInWords("required").check(matching(MACHINE_TYPE, "a machine type such as e2-standard-2"));
    public static final Setting MIN_NODES = Setting.of("argo-gke:nodePools[].minNodes", INTEGER,
            "Autoscaling lower bound (per zone). `minNodes: 0` lets the pool scale to zero.").defaultInWords("required").range(0, 1000);
    public static final Setting MAX_NODES = Setting.of("argo-gke:nodePools[].maxNodes", INTEGER,
            "Autoscaling upper bound (per zone), at least `minNodes`.").defaultInWords("required").range(1, 1000);
    public static final Setting SPOT = Setting.of("argo-gke:nodePools[].spot", BOOLEAN,
            "Spot VMs (60-91% below on-demand per Google Cloud's \"Spot VMs\" page; can be preempted, Argo retries the step).").defaultsTo(true);
    public static final Setting DISK_SIZE = Setting.of("argo-gke:nodePools[].diskSizeGb", INTEGER, "Boot disk size.").defaultsTo(30).range(10, 65536);
    public static final Setting DISK_TYPE = Setting.of("argo-gke:nodePools[].diskType", STRING, "Boot disk type.")
            .shown(Settings.DiskType.shown()).defaultsTo(Settings.DiskType.PD_STANDARD.value());
    public static final Setting WORKFLOWS_ONLY = Setting.of("argo-gke:nodePools[].workflowsOnly", BOOLEAN,
            "Taint the pool so only workflow pods run there; Argo's workflow defaults add the toleration and node selector.").defaultsTo(false);

    public static final Setting ARGO = Setting.of("argo-gke:argo", MAPPING, "Argo Workflows: the release and its server.").defaultInWords("none");
    public static final Setting ARGO_NAMESPACE = Setting.of("argo-gke:argo.namespace", STRING, "Namespace of the controller and UI.")
            .defaultsTo("argo").check(NAMESPACE_NAME);
    public static final Setting CHART_VERSION = Setting.of("argo-gke:argo.chartVersion", STRING,
            "argo-helm `argo-workflows` chart version (" + ArgoVersion.CHART_VERSION + " ships Argo " + ArgoVersion.APP_VERSION
                    + "; the version the tests render, `dev.argogke.argo.ArgoVersion`).")
            .defaultsTo(ArgoVersion.CHART_VERSION).check(matching(Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+"), "a chart version such as " + ArgoVersion.CHART_VERSION));
    public static final Setting ARGO_IMAGE_TAG = Setting.of("argo-gke:argo.imageTag", STRING, "Argo image tag: the chart's `appVersion`.")
            .defaultsTo(ArgoVersion.APP_VERSION)
            .check(matching(Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+(-[a-z0-9.]+)?"), "an Argo release tag such as " + ArgoVersion.APP_VERSION));
    public static final Setting CHART_REPOSITORY_SETTING = Setting.of("argo-gke:argo.chartRepository", STRING,
            "Where Helm gets the chart: argo-helm's repository or your mirror of it (`https://`), or an OCI registry path "
                    + "(`oci://ghcr.io/argoproj/argo-helm`; the chart is `<path>/argo-workflows`).")
            .shown("URL").defaultsTo(ArgoVersion.CHART_REPOSITORY)
            .check(matching(CHART_REPOSITORY, "a chart repository URL such as " + ArgoVersion.CHART_REPOSITORY + " or oci://ghcr.io/argoproj/argo-helm"));
    public static final Setting CHART_PATH_SETTING = Setting.of("argo-gke:argo.chartPath", STRING,
            "Install the chart from a folder instead (an unpacked chart named `argo-workflows`, relative to the project root, e.g. "
                    + "`charts/argo-workflows`); its `Chart.yaml` version must be `argo.chartVersion`. Not together with `chartRepository`.")
            .shown("path").check(matching(CHART_PATH, "a folder path such as charts/argo-workflows"));
    public static final Setting SERVER_AUTH_MODE = Setting.of("argo-gke:argo.serverAuthMode", STRING,
            "argo-server's `--auth-mode`; IAP authenticates every request before it reaches the server "
                    + "(`sso` is refused: argo-gke configures no OIDC provider).")
            .shown(Settings.ServerAuthMode.shown()).defaultsTo(Settings.ServerAuthMode.SERVER.value());
    public static final Setting RETENTION = Setting.of("argo-gke:argo.artifactRetentionDays", INTEGER,
            "Artifacts and archived logs are deleted after this many days.").defaultsTo(30).range(1, 3650);
    public static final Setting WORKFLOW_ROLES = Setting.of("argo-gke:argo.workflowRoles", LIST,
            "Project roles for the workflows' Google service account (e.g. `roles/bigquery.dataEditor`), from an allow-list of data "
                    + "roles; owner, editor, admin and custom roles are refused.")
            .shown("list of role").defaultsTo(List.of()).check(matching(ROLE, "an IAM role such as roles/bigquery.dataEditor"));

    public static final Setting WORKFLOWS = Setting.of("argo-gke:workflows", MAPPING, "The deployed workflows: where they come from and run.")
            .defaultInWords("none");
    public static final Setting DIRECTORY = Setting.of("argo-gke:workflows.directory", STRING, "Folder of the deployed workflows.")
            .defaultsTo("workflows").check(matching(Pattern.compile("[A-Za-z0-9_./-]{1,200}"), "a folder path relative to the project"));
    public static final Setting WORKFLOWS_NAMESPACE = Setting.of("argo-gke:workflows.namespace", STRING,
            "Namespace the workflows run in; never `argo.namespace` (Argo's docs/security.md: whoever may create workflows in the "
                    + "controller's namespace may be able to modify the controller).")
            .defaultsTo("argo-workflows").check(NAMESPACE_NAME);
    public static final Setting SUSPEND_ALL = Setting.of("argo-gke:workflows.suspendAll", BOOLEAN,
            "Deploy every CronWorkflow suspended, so dev never runs production jobs.").defaultInWords("`true` in dev");
    public static final Setting IMAGE_REGISTRY = Setting.of("argo-gke:workflows.imageRegistry", STRING,
            "Replace the registry path of the team's images (Artifact Registry / GCR only; public images stay).")
            .check(matching(REGISTRY, "a registry such as europe-docker.pkg.dev/my-project/jobs"));
    public static final Setting IMAGE_TAG_SETTING = Setting.of("argo-gke:workflows.imageTag", STRING, "Replace the tag of the team's images.")
            .check(matching(IMAGE_TAG, "an image tag"));

    public static final Setting EVENTS = Setting.of("argo-gke:events", MAPPING,
            "Argo Events, installed only when `workflows/` holds an EventSource or Sensor (docs/events.md).").defaultInWords("none");
    public static final Setting EVENTS_NAMESPACE = Setting.of("argo-gke:events.namespace", STRING,
            "Namespace of the Argo Events controller, its EventBus, and every EventSource and Sensor; neither `argo.namespace` nor "
                    + "`workflows.namespace` (the controller may run any pod in its namespace).")
            .defaultsTo("argo-events").check(NAMESPACE_NAME);
    public static final Setting EVENTS_CHART_PATH = Setting.of("argo-gke:events.chartPath", STRING,
            "Install argo-helm's `argo-events` chart from a folder (an unpacked chart named `argo-events`, relative to the project root) "
                    + "instead of argo-helm's repository; its `Chart.yaml` version must be the one argo-gke pins (docs/events.md).")
            .shown("path").check(matching(CHART_PATH, "a folder path such as charts/argo-events"));
    public static final Setting BUCKET_NOTIFICATIONS = Setting.of("argo-gke:events.bucketNotifications", LIST,
            "Files landing in a Cloud Storage bucket start a workflow: each entry makes the bucket notify a Pub/Sub EventSource's "
                    + "topic of every object written (`OBJECT_FINALIZE`), and lets Cloud Storage's service agent publish to that topic only. "
                    + "The bucket is yours, per stack; the deployer needs `roles/storage.admin` on it (docs/events.md).")
            .shown("list of `{eventSource, bucket, prefix}`").defaultsTo(List.of());
    public static final Setting NOTIFY_EVENT_SOURCE = Setting.of("argo-gke:events.bucketNotifications[].eventSource", STRING,
            "A Pub/Sub EventSource in `workflows/`, by name.").defaultInWords("required").check(OBJECT_NAME);
    public static final Setting NOTIFY_BUCKET = Setting.of("argo-gke:events.bucketNotifications[].bucket", STRING,
            "The bucket's name.").defaultInWords("required")
            .check(matching(Pattern.compile("[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]"), "a bucket name (lowercase letters, digits, - _ .)"));
    public static final Setting NOTIFY_PREFIX = Setting.of("argo-gke:events.bucketNotifications[].prefix", STRING,
            "Only objects whose names start with this, e.g. `incoming/`.").defaultInWords("every object");

    public static final Setting EDGE = Setting.of("argo-gke:edge", MAPPING,
            "The Argo UI's public endpoint behind IAP; refused with `cluster.existing.kubeconfig`.").defaultInWords("required on GKE unless `enabled: false`");
    public static final Setting EDGE_ENABLED = Setting.of("argo-gke:edge.enabled", BOOLEAN,
            "`false`: no public endpoint at all (no address, load balancer, certificate, IAP or DNS record); open the UI with "
                    + "`kubectl port-forward` (docs/ui.md). The cheapest dev stack: the load balancer's forwarding rule is most of a small "
                    + "stack's bill (`bin/argo-gke cost`). The other `edge` keys are refused then.")
            .defaultsTo(true);
    public static final Setting HOST_SETTING = Setting.of("argo-gke:edge.host", STRING, "The UI's host name, e.g. `argo.example.com`.")
            .defaultInWords("required").check(matching(HOST, "a host name such as argo.example.com (lowercase)"));
    public static final Setting DNS = Setting.of("argo-gke:edge.dns", MAPPING, "How the UI's A record is made.").defaultInWords("required");
    public static final Setting DNS_MODE = Setting.of("argo-gke:edge.dns.mode", STRING,
            "Add the A record to an existing Cloud DNS zone, create the zone (its name servers are output for delegation), "
                    + "or skip Cloud DNS (the record to create is output).")
            .shown(Settings.DnsMode.shown()).defaultInWords("required");
    public static final Setting DNS_ZONE = Setting.of("argo-gke:edge.dns.zone", STRING, "Cloud DNS managed zone name.")
            .defaultInWords("required unless external")
            .check(matching(Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?"), "a managed zone name (lowercase letters, digits, dashes)"));
    public static final Setting DNS_NAME = Setting.of("argo-gke:edge.dns.dnsName", STRING, "The zone's domain; `host` must be inside it.")
            .defaultInWords("required unless external").check(matching(HOST, "a domain such as example.com"));
    public static final Setting DNS_PROJECT = Setting.of("argo-gke:edge.dns.project", STRING,
            "The Google Cloud project holding the zone (and a zone created here), when it is not the stack's: a company's DNS usually "
                    + "lives in a project of its own. Whoever runs `pulumi up` needs `roles/dns.admin` there (Cloud DNS access control); "
                    + "not used with `external`.")
            .defaultInWords("`gcp:project`").check(PROJECT);
    public static final Setting IAP_MEMBERS = Setting.of("argo-gke:edge.iapMembers", LIST,
            "Who may open the UI: `user:<email>`, `group:<email>`, `domain:<domain>`.").defaultInWords("required, non-empty");
    public static final Setting OAUTH_CLIENT_ID = Setting.of("argo-gke:edge.oauthClientId", STRING,
            "A custom OAuth client for IAP (only needed for users outside your organization); Google's managed client otherwise.")
            .check(matching(OAUTH_CLIENT_ID_PATTERN, "an OAuth client id ending in .apps.googleusercontent.com"));
    public static final Setting OAUTH_CLIENT_SECRET = Setting.of("argo-gke:oauthClientSecret", SECRET,
            "Its secret; must be set with `pulumi config set --secret`.");
    public static final Setting DATA_ACCESS_LOGS = Setting.of("argo-gke:dataAccessLogs", BOOLEAN,
            "Turn on the project's Data Access audit logs (`ADMIN_READ`, `DATA_READ`, `DATA_WRITE`) of IAP, Cloud Storage and GKE, which "
                    + "Google leaves off: who looked up or used access to the UI, read or wrote the artifacts and archived logs, or read "
                    + "Secrets and pod logs in the cluster. Applies to the project with `cluster.existing` (GKE) too. It **replaces** the "
                    + "project's own audit config of those three services, and `pulumi destroy` removes it (`IAMAuditConfig` is authoritative "
                    + "per service): where the project's audit config is managed elsewhere, set `false` and waive `data-access-logs` with that "
                    + "reason. Billed as Cloud Logging ingestion beyond the project's free 50 GiB a month. Refused as `false` with "
                    + "`cluster.existing.kubeconfig` (no Google project).")
            .defaultsTo(true);
    public static final Setting WAIVERS = Setting.of("argo-gke:waivers", LIST, "Policy rules this stack may break, each with its reason.")
            .shown("list of `{rule, reason}`").defaultsTo(List.of());
    public static final Setting WAIVER_RULE_SETTING = Setting.of("argo-gke:waivers[].rule", STRING,
            "The rule's name, as `bin/argo-gke check` prints it.").defaultInWords("required").check(matching(WAIVER_RULE, "a rule name such as private-nodes"));
    public static final Setting WAIVER_REASON = Setting.of("argo-gke:waivers[].reason", STRING,
            "Why this stack may break it, in a sentence.").defaultInWords("required");

    /** Every setting, in the README's order. */
    public static final List<Setting> ALL = List.of(GCP_PROJECT, GCP_REGION, ENVIRONMENT,
            CLUSTER, EXISTING, EXISTING_NAME, EXISTING_LOCATION, EXISTING_KUBECONFIG, EXISTING_CONTEXT,
            CLUSTER_LOCATION, CLUSTER_NAME, RELEASE_CHANNEL, PRIVATE_NODES, AUTHORIZED_NETWORKS, DELETION_PROTECTION,
            NODE_POOLS, POOL_NAME, MACHINE_TYPE_SETTING, MIN_NODES, MAX_NODES, SPOT, DISK_SIZE, DISK_TYPE, WORKFLOWS_ONLY,
            ARGO, ARGO_NAMESPACE, CHART_VERSION, ARGO_IMAGE_TAG, CHART_REPOSITORY_SETTING, CHART_PATH_SETTING, SERVER_AUTH_MODE,
            RETENTION, WORKFLOW_ROLES,
            WORKFLOWS, DIRECTORY, WORKFLOWS_NAMESPACE, SUSPEND_ALL, IMAGE_REGISTRY, IMAGE_TAG_SETTING,
            EVENTS, EVENTS_NAMESPACE, EVENTS_CHART_PATH, BUCKET_NOTIFICATIONS, NOTIFY_EVENT_SOURCE, NOTIFY_BUCKET, NOTIFY_PREFIX,
            EDGE, EDGE_ENABLED, HOST_SETTING, DNS, DNS_MODE, DNS_ZONE, DNS_NAME, DNS_PROJECT, IAP_MEMBERS, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET,
            DATA_ACCESS_LOGS, WAIVERS, WAIVER_RULE_SETTING, WAIVER_REASON);

    private SettingsSchema() {
    }

    /**
     * The keys declared directly inside {@code parentPath} of argo-gke's namespace ({@code ""} for
     * the top, {@code nodePools[]} for a pool): what the loader accepts there.
     */
    public static Set<String> keysIn(String parentPath) {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting s : ALL) {
            if (s.namespace().equals(NAMESPACE) && s.parentPath().equals(parentPath)) {
                keys.add(s.name());
            }
        }
        return keys;
    }
}
