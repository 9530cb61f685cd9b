package dev.argogke.edge;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.SSLPolicy;
import com.pulumi.gcp.compute.SSLPolicyArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.argo.ServerService;
import dev.argogke.config.GoogleIds;
import dev.argogke.config.Settings;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Google load balancer in front of argo-server: a reserved global IP, a Google-managed
 * certificate, HTTPS with HTTP answered only by a redirect, IAP on the backend, and a health check
 * on what argo-server really answers.
 *
 * <p>argo-server itself runs plain HTTP ({@code server.secure: false}) inside the VPC: TLS ends at
 * the load balancer, so the backend protocol and the health check are HTTP. The load balancer
 * talks to {@link IapProxy} in argo-server's pod (port {@value IapProxy#PORT}), which passes a
 * request on only with a valid IAP JWT; nothing but the load balancer may reach that port (see
 * {@link #LOAD_BALANCER_RANGES}), and nothing from outside the pod reaches argo-server's own.
 */
public final class Endpoint extends ComponentResource {
    /** The BackendConfig the argo-server Service points at; it lives next to the Service. */
    public static final String BACKEND_CONFIG = "argo-server";
    public static final String FRONTEND_CONFIG = "argo-ui";
    public static final String CERTIFICATE = "argo-ui";
    public static final String INGRESS = "argo-ui";
    public static final String OAUTH_SECRET = "argo-iap-oauth-client";
    public static final String NETWORK_POLICY = "argo-server-from-load-balancer";

    /**
     * Where Google's front ends and health checkers connect from (Cloud Load Balancing docs,
     * "Firewall rules": 35.191.0.0/16 and 130.211.0.0/22). With container-native load balancing
     * they connect straight to the pod, so these are the only sources argo-server accepts.
     */
    public static final List<String> LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");

    /**
     * The UI streams workflow events and logs over long-lived HTTP responses; the load balancer
     * cuts any response after the backend timeout (default 30 s), which would break a followed log
     * every half minute. An hour keeps streams open; the UI reconnects after that on its own.
     */
    public static final int BACKEND_TIMEOUT_SECONDS = 3600;
    /**
     * Time a removed pod (rollout, spot preemption with its 30 s notice) keeps serving the requests
     * it has; longer would only hold up rollouts, since the long streams reconnect anyway.
     */
    public static final int DRAINING_SECONDS = 30;

    /**
     * @param host    the UI's host name
     * @param server  what must exist before the load balancer is pointed at argo-server (the Argo release)
     */
    public record Args(String project, String stack, String host, String namespace,
                       Optional<Settings.OAuthClient> oauthClient, Resource server) {
    }

    private final GlobalAddress address;
    private final SSLPolicy sslPolicy;
    private final CustomResource backendConfig;
    private final CustomResource frontendConfig;
    private final CustomResource certificate;
    private final Optional<Secret> oauthSecret;
    private final NetworkPolicy networkPolicy;
    private final Ingress ingress;

    public Endpoint(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:edge:Endpoint", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions afterServer = CustomResourceOptions.builder().parent(this).dependsOn(args.server()).build();

        this.address = globalAddress(name, args, child);
        this.sslPolicy = tlsPolicy(name, args, child);
        this.oauthSecret = oauthClientSecret(name, args, afterServer);

        this.backendConfig = new CustomResource(name + "-backend", CustomResourceArgs.builder("cloud.google.com/v1", "BackendConfig")
                .metadata(metadata(BACKEND_CONFIG, args.namespace()))
                .spec(GkeIngressSpecs.backendConfigSpec(args.oauthClient().isPresent()))
                .build(), afterServer);

        this.frontendConfig = new CustomResource(name + "-frontend", CustomResourceArgs.builder("networking.gke.io/v1beta1", "FrontendConfig")
                .metadata(metadata(FRONTEND_CONFIG, args.namespace()))
                .spec(sslPolicy.name().applyValue(GkeIngressSpecs::frontendConfigSpec))
                .build(), afterServer);

        this.certificate = new CustomResource(name + "-certificate", CustomResourceArgs.builder("networking.gke.io/v1", "ManagedCertificate")
                .metadata(metadata(CERTIFICATE, args.namespace()))
                .spec(Map.of("domains", List.of(args.host())))
                .build(), afterServer);

        this.networkPolicy = loadBalancerOnly(name, args, afterServer);
        this.ingress = uiIngress(name, args);

        registerOutputs(Map.of(
                "address", address.address(),
                "addressName", address.name(),
                "host", Output.of(args.host())));
    }

    /** The UI's reserved global IP, which the DNS record and the certificate hang on. */
    private GlobalAddress globalAddress(String name, Args args, CustomResourceOptions child) {
        return new GlobalAddress(name + "-ip", GlobalAddressArgs.builder()
                .project(args.project())
                .name(GoogleIds.fit("argo-ui-" + args.stack(), 63))
                // Nothing that may change: description forces a new address (pulumi-gcp 7.0.0
                // compute.GlobalAddress, ForceNew in terraform-provider-google-beta v5.0.0), and the
                // DNS record and the certificate hang on this IP. So no host name here.
                .description("Argo UI of stack " + args.stack() + " (argo-gke)")
                // IPv4 only: the A record points here, and no AAAA record is ever made (an IPv6
                // record the certificate's validation cannot reach keeps it in Provisioning).
                .ipVersion("IPV4")
                .addressType("EXTERNAL")
                .build(), child);
    }

    private SSLPolicy tlsPolicy(String name, Args args, CustomResourceOptions child) {
        return new SSLPolicy(name + "-tls", SSLPolicyArgs.builder()
                .project(args.project())
                .name(GoogleIds.fit("argo-ui-" + args.stack() + "-tls", 63))
                .description("TLS 1.2+ with modern ciphers for the Argo UI (argo-gke)")
                .profile("MODERN")
                .minTlsVersion("TLS_1_2")
                .build(), child);
    }

    /** The custom OAuth client IAP signs users in with, if the stack names one. */
    private Optional<Secret> oauthClientSecret(String name, Args args, CustomResourceOptions afterServer) {
        return args.oauthClient().map(client -> new Secret(name + "-oauth-client", SecretArgs.builder()
                .metadata(metadata(OAUTH_SECRET, args.namespace()))
                .type("Opaque")
                // The key names GKE's ingress controller reads for IAP (client_id, client_secret).
                .stringData(Output.ofSecret(Map.of(
                        "client_id", client.clientId(),
                        "client_secret", client.clientSecret().reveal())))
                .build(), afterServer));
    }

    /** Only Google's load balancer and health checkers may reach argo-server's pods, and only at the proxy. */
    private NetworkPolicy loadBalancerOnly(String name, Args args, CustomResourceOptions afterServer) {
        return new NetworkPolicy(name + "-only-load-balancer", NetworkPolicyArgs.builder()
                .metadata(metadata(NETWORK_POLICY, args.namespace()))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(ArgoWorkflows.SERVER_POD_LABELS).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(LOAD_BALANCER_RANGES.stream()
                                        .map(cidr -> NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(cidr).build()).build())
                                        .toList())
                                // The proxy's port only: argo-server's own port (2746) is admitted from nowhere,
                                // so a request can only reach argo-server through the proxy's JWT check.
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(IapProxy.PORT).build())
                                .build())
                        .build())
                .build(), afterServer);
    }

    private Ingress uiIngress(String name, Args args) {
        List<Resource> ingressNeeds = new ArrayList<>(List.of(args.server(), backendConfig, frontendConfig, certificate));
        oauthSecret.ifPresent(ingressNeeds::add);
        return new Ingress(name + "-ingress", IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(INGRESS)
                        .namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "argo-gke"))
                        .annotations(address.name().applyValue(GkeIngressSpecs::ingressAnnotations))
                        .build())
                .spec(IngressSpecArgs.builder()
                        .defaultBackend(IngressBackendArgs.builder()
                                .service(IngressServiceBackendArgs.builder()
                                        .name(ArgoWorkflows.SERVER_SERVICE)
                                        .port(ServiceBackendPortArgs.builder().number(ArgoWorkflows.SERVER_PORT).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ingressNeeds).build());
    }

    /**
     * argo-server's Service for this load balancer: NodePort (what GKE Ingress requires of a
     * Service without NEGs, and what the classic {@code kubectl patch} made it), pointing at
     * the BackendConfig, with container-native load balancing, sending to {@link IapProxy} in the
     * pod rather than to argo-server itself.
     *
     * <p>Why NEGs ({@code cloud.google.com/neg}): the load balancer then sends to the pod's own IP
     * instead of through a node port and kube-proxy, so the pod sees the load balancer's address as
     * the source and {@link #LOAD_BALANCER_RANGES} can be enforced by a NetworkPolicy; the health
     * check probes the pod itself, not whichever node; and the setting no longer depends on the GKE
     * version's default. Set through the chart's values, so Helm owns the Service alone.
     */
    public static ServerService serverService(Output<String> projectNumber) {
        return new ServerService("NodePort", Map.of(
                "cloud.google.com/backend-config", "{\"default\":\"" + BACKEND_CONFIG + "\"}",
                "cloud.google.com/neg", "{\"ingress\":true}"),
                Optional.of(IapProxySidecar.of(projectNumber)));
    }

    private static ObjectMetaArgs metadata(String name, String namespace) {
        return ObjectMetaArgs.builder()
                .name(name)
                .namespace(namespace)
                .labels(Map.of("app.kubernetes.io/part-of", "argo-gke"))
                .build();
    }

    public GlobalAddress address() {
        return address;
    }

    public Ingress ingress() {
        return ingress;
    }

    public CustomResource backendConfig() {
        return backendConfig;
    }

    public CustomResource frontendConfig() {
        return frontendConfig;
    }

    public CustomResource certificate() {
        return certificate;
    }

    public Optional<Secret> oauthSecret() {
        return oauthSecret;
    }

    public NetworkPolicy networkPolicy() {
        return networkPolicy;
    }

    public SSLPolicy sslPolicy() {
        return sslPolicy;
    }
}
