package dev.argogke.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.argo.ServerService;
import dev.argogke.config.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Argo UI on the team's own domain, through Identity-Aware Proxy: the load balancer
 * ({@link Endpoint}), the host's DNS ({@link PublicDns}) and who may pass ({@link Access}).
 *
 * <p>argo-server runs in {@code server} auth mode behind it: IAP decides who gets in, and
 * argo-server then acts with its own narrowly scoped service account (see
 * {@code dev.argogke.argo.ServerRbac}). Only the load balancer can reach argo-server's pod, and
 * there only {@link IapProxy}, which lets through only requests that carry IAP's signed JWT; the
 * Service's exposure and the proxy come from {@link #serverService}, handed to the Argo release.
 */
public final class Edge extends ComponentResource {
    /**
     * @param namespace where argo-server's Service is (the Argo namespace)
     * @param server    the Argo release that runs argo-server
     */
    public record Args(String project, String stack, Settings.Edge edge, String namespace, Resource server) {
    }

    private final Endpoint endpoint;
    private final PublicDns dns;
    private final Access access;
    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    public Edge(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:edge:Edge", name, options);
        Settings.Edge edge = args.edge();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();

        this.endpoint = new Endpoint(name, new Endpoint.Args(args.project(), args.stack(), edge.host(),
                args.namespace(), edge.oauthClient(), args.server()), child);
        this.dns = new PublicDns(name + "-dns", new PublicDns.Args(edge.dns().project().orElse(args.project()), edge.host(), edge.dns(),
                endpoint.address().address()), child);
        this.access = new Access(name + "-access", new Access.Args(args.project(), edge.iapMembers()), child);

        outputs.put("url", Output.of("https://" + edge.host()));
        outputs.put("staticIp", endpoint.address().address());
        outputs.put("dnsRecord", dns.recordText());
        if (edge.dns().mode() == Settings.DnsMode.CREATE_ZONE) {
            outputs.put("nameServers", dns.nameServers());
        }
        outputs.put("iapMembers", access.members());
        registerOutputs(Map.copyOf(outputs));
    }

    /**
     * How argo-server's Service must be exposed for this edge, and the proxy in its pod (goes into
     * the Argo release's values).
     *
     * @param projectNumber the stack's Google Cloud project number, which IAP puts in its JWT's audience
     */
    public static ServerService serverService(Output<String> projectNumber) {
        return Endpoint.serverService(projectNumber);
    }

    /** The stack outputs of the edge, by name: url, staticIp, dnsRecord, nameServers (zone created here), iapMembers. */
    public Map<String, Output<?>> outputs() {
        return Collections.unmodifiableMap(outputs);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public PublicDns dns() {
        return dns;
    }

    public Access access() {
        return access;
    }
}
