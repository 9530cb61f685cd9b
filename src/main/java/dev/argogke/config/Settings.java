package dev.argogke.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a stack is configured with, typed and validated, read once by {@link SettingsLoader}
 * and handed to the components. Immutable.
 */
public record Settings(
        String stack,
        Environment environment,
        Optional<Gcp> gcp,
        ClusterChoice cluster,
        List<NodePool> nodePools,
        Argo argo,
        Workflows workflows,
        Events events,
        Optional<Edge> edge,
        List<Waiver> waivers) {

    public Settings {
        nodePools = List.copyOf(nodePools);
        waivers = List.copyOf(waivers);
    }

    public enum Environment { DEV, PROD }

    /** GKE release channels that pulumi-gcp 7.0.0 accepts (UNSPECIFIED means none: no auto-upgrades, not offered). */
    public enum ReleaseChannel {
        RAPID, REGULAR, STABLE;

        static String shown() {
            return choices(Arrays.stream(values()).map(Enum::name).toList());
        }
    }

    /** Boot disk types of a node pool, as GKE names them. */
    public enum DiskType {
        PD_STANDARD, PD_BALANCED, PD_SSD;

        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static String shown() {
            return choices(Arrays.stream(values()).map(DiskType::value).toList());
        }
    }

    /** argo-server's {@code --auth-mode}s argo-gke offers (sso needs an OIDC provider it does not configure). */
    public enum ServerAuthMode {
        SERVER, CLIENT;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String shown() {
            return choices(Arrays.stream(values()).map(ServerAuthMode::value).toList());
        }
    }

    /** The README's words for an enumeration: {@code `a` | `b`}, each as a stack file writes it. */
    static String choices(List<String> written) {
        return String.join(" \\| ", written.stream().map(w -> "`" + w + "`").toList());
    }

    /** The cluster argo-gke creates, when it creates one. */
    public Optional<Cluster> newCluster() {
        return cluster instanceof Cluster c ? Optional.of(c) : Optional.empty();
    }

    /**
     * Where Argo runs: a GKE cluster argo-gke creates ({@link Cluster}), a GKE cluster that already
     * exists ({@link ExistingGke}), or any Kubernetes cluster reached through a kubeconfig
     * ({@link ExistingKubeconfig}), where nothing of Google Cloud is created.
     */
    public sealed interface ClusterChoice permits Cluster, ExistingGke, ExistingKubeconfig {
    }

    /** A GKE cluster, found by name and location (zone or region) in {@code gcp:project}. */
    public interface GkeLocation {
        String name();

        Location location();
    }

    /** A GKE cluster that exists already: argo-gke installs Argo in it and leaves the cluster alone. */
    public record ExistingGke(String name, Location location) implements ClusterChoice, GkeLocation {
    }

    /**
     * Any Kubernetes cluster (kind, minikube, another cloud's): Argo and the workflows only; no
     * artifact bucket, Workload Identity or public endpoint, which all need Google Cloud.
     *
     * @param kubeconfig a kubeconfig file's path (relative to the project folder, or starting with {@code ~/})
     * @param context    the context to use; empty: the file's current context
     */
    public record ExistingKubeconfig(String kubeconfig, Optional<String> context) implements ClusterChoice {
    }

    /**
     * The Google Cloud project and the region regional resources go to.
     *
     * @param dataAccessLogs whether the stack turns on the project's Data Access audit logs of IAP,
     *                       Cloud Storage and GKE ({@code argo-gke:dataAccessLogs}); off only for a
     *                       project whose audit config someone else manages
     */
    public record Gcp(String project, String region, GcpAuth auth, boolean dataAccessLogs) {
        public Gcp(String project, String region) {
            this(project, region, GcpAuth.AMBIENT, true);
        }
    }

    /**
     * How the stack's explicit GCP provider authenticates, when the stack says so with the GCP
     * provider's own keys ({@code gcp:credentials}, {@code gcp:accessToken},
     * {@code gcp:impersonateServiceAccount}: pulumi-gcp's installation and configuration docs). An
     * explicit provider reads no stack config by itself, so without these it would fall back to
     * application default credentials even where the stack names others.
     */
    public record GcpAuth(Optional<Secret> credentials, Optional<Secret> accessToken, Optional<String> impersonateServiceAccount) {
        /** Application default credentials (gcloud, Workload Identity Federation in CI, a metadata server). */
        public static final GcpAuth AMBIENT = new GcpAuth(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param location        a zone ({@code europe-west1-b}: zonal, covered by GKE's free tier) or a region (regional)
     * @param privateNodes    nodes without public IPs, egress through Cloud NAT
     * @param authorizedNetworks CIDRs allowed to reach the control plane; empty = any (still authenticated)
     */
    public record Cluster(
            String name,
            Location location,
            ReleaseChannel releaseChannel,
            boolean privateNodes,
            List<String> authorizedNetworks,
            boolean deletionProtection) implements ClusterChoice, GkeLocation {
        public Cluster {
            authorizedNetworks = List.copyOf(authorizedNetworks);
        }
    }

    /**
     * @param workflowsOnly tainted so that only workflow pods (which Argo's workflow defaults give
     *                      the toleration) land there; the pool can then scale to zero between runs
     */
    public record NodePool(
            String name,
            String machineType,
            int minNodes,
            int maxNodes,
            boolean spot,
            int diskSizeGb,
            DiskType diskType,
            boolean workflowsOnly) {
    }

    /**
     * @param chartSource             where Helm gets the chart: a chart repository or a local chart folder
     * @param serverAuthMode          argo-server's {@code --auth-mode}: server (behind IAP, the default) or client; sso is refused (no OIDC settings)
     * @param artifactRetentionDays   workflow artifacts and archived logs are deleted after this many days
     * @param workflowRoles           extra project roles for the workflows' Google service account
     */
    public record Argo(
            String namespace,
            String chartVersion,
            String imageTag,
            ChartSource chartSource,
            ServerAuthMode serverAuthMode,
            int artifactRetentionDays,
            List<String> workflowRoles) {
        public Argo {
            workflowRoles = List.copyOf(workflowRoles);
        }
    }

    /**
     * Where the Argo chart comes from: a chart repository (argo-helm's, or a company mirror of it;
     * {@code https://} with an index, or an {@code oci://} registry path), or a chart folder (relative
     * to the project, or absolute) that Helm reads as it is.
     *
     * @param location the repository URL or the folder
     * @param folder   true for a local chart folder
     */
    public record ChartSource(String location, boolean folder) {
        public static ChartSource repository(String url) {
            return new ChartSource(url, false);
        }

        public static ChartSource folder(String path) {
            return new ChartSource(path, true);
        }

        /** An OCI registry, from which Helm pulls {@code <location>/<chart>} (no index to look the chart up in). */
        public boolean oci() {
            return !folder && location.startsWith("oci://");
        }
    }

    /**
     * @param suspendAll    deploy every CronWorkflow suspended (dev: the schedules never fire)
     * @param imageRegistry replaces the registry part of every container image
     * @param imageTag      replaces the tag of every container image
     */
    public record Workflows(
            String directory,
            String namespace,
            boolean suspendAll,
            Optional<String> imageRegistry,
            Optional<String> imageTag) {
    }

    /**
     * Argo Events, installed when {@code workflows/} holds an EventSource or Sensor.
     *
     * @param namespace where its controller, EventBus, EventSources and Sensors live
     * @param chartPath a local {@code argo-events} chart folder instead of argo-helm's repository
     * @param bucketNotifications buckets whose new objects are published to a Pub/Sub EventSource's topic
     */
    public record Events(String namespace, Optional<String> chartPath, List<BucketNotification> bucketNotifications) {
        public Events {
            bucketNotifications = List.copyOf(bucketNotifications);
        }

        public Events(String namespace, Optional<String> chartPath) {
            this(namespace, chartPath, List.of());
        }
    }

    /** A bucket that tells a Pub/Sub EventSource of each object written under {@code prefix} (all, when empty). */
    public record BucketNotification(String eventSource, String bucket, Optional<String> prefix) {
    }

    /**
     * The public endpoint of the Argo UI: a host name, its DNS, and who IAP lets through.
     *
     * @param dns       how the A record is made
     * @param iapMembers members allowed through IAP ({@code user:}, {@code group:}, {@code domain:})
     * @param oauthClient a custom OAuth client for IAP; empty: Google-managed client
     */
    public record Edge(
            String host,
            Dns dns,
            List<String> iapMembers,
            Optional<OAuthClient> oauthClient) {
        public Edge {
            iapMembers = List.copyOf(iapMembers);
        }
    }

    /**
     * @param mode        {@code existing-zone}: add the record to {@code zone}; {@code create-zone}: create
     *                    {@code zone} for {@code zoneDnsName} and output its name servers;
     *                    {@code external}: no Cloud DNS, the record to create is output
     * @param project     the project holding the zone, when it is not the stack's (a company's zone
     *                    usually lives in one project of its own)
     */
    public record Dns(DnsMode mode, Optional<String> zone, Optional<String> zoneDnsName, Optional<String> project) {
        public Dns(DnsMode mode, Optional<String> zone, Optional<String> zoneDnsName) {
            this(mode, zone, zoneDnsName, Optional.empty());
        }
    }

    public enum DnsMode {
        EXISTING_ZONE, CREATE_ZONE, EXTERNAL;

        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static String shown() {
            return choices(Arrays.stream(values()).map(DnsMode::value).toList());
        }
    }

    /** An OAuth client for IAP; the secret never appears in plain text. */
    public record OAuthClient(String clientId, Secret clientSecret) {
    }

    /** A policy rule turned off for this stack, with the reason the stack file gives. */
    public record Waiver(String rule, String reason) {
    }
}
