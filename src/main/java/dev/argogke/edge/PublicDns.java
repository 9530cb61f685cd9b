package dev.argogke.edge;

import com.pulumi.core.Output;
import com.pulumi.gcp.dns.ManagedZone;
import com.pulumi.gcp.dns.ManagedZoneArgs;
import com.pulumi.gcp.dns.RecordSet;
import com.pulumi.gcp.dns.RecordSetArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's host name pointing at the load balancer's IP: an A record in an existing Cloud DNS
 * zone, in a zone created here (whose name servers the parent domain must delegate to), or
 * nowhere (domain hosted elsewhere: the record to create is an output).
 *
 * <p>Only an A record, never AAAA: the load balancer has no IPv6 address, and a Google-managed
 * certificate stays in Provisioning while any of the domain's records points elsewhere.
 */
public final class PublicDns extends ComponentResource {
    public static final int TTL_SECONDS = 300;

    /** @param ip the static IP's address */
    public record Args(String project, String host, Settings.Dns dns, Output<String> ip) {
    }

    private final Optional<ManagedZone> zone;
    private final Optional<RecordSet> record;
    private final Output<String> recordText;

    public PublicDns(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:edge:PublicDns", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Settings.Dns dns = args.dns();
        String fqdn = args.host() + ".";
        Output<String> line = args.ip().applyValue(ip -> fqdn + " " + TTL_SECONDS + " IN A " + ip);

        this.zone = dns.mode() == Settings.DnsMode.CREATE_ZONE
                ? Optional.of(new ManagedZone(name + "-zone", ManagedZoneArgs.builder()
                        .project(args.project())
                        .name(dns.zone().orElseThrow())
                        .dnsName(dns.zoneDnsName().orElseThrow() + ".")
                        .description("Zone of the Argo UI (argo-gke); delegate " + dns.zoneDnsName().orElseThrow() + " to its name servers")
                        .visibility("public")
                        .build(), child))
                : Optional.empty();

        if (dns.mode() == Settings.DnsMode.EXTERNAL) {
            this.record = Optional.empty();
            this.recordText = line.applyValue(l -> "create at your DNS host: " + l + " (and no AAAA record for " + args.host() + ")");
        } else {
            Output<String> zoneName = zone.map(ManagedZone::name).orElse(Output.of(dns.zone().orElseThrow()));
            this.record = Optional.of(new RecordSet(name + "-a", RecordSetArgs.builder()
                    .project(args.project())
                    .managedZone(zoneName)
                    .name(fqdn)
                    .type("A")
                    .ttl(TTL_SECONDS)
                    .rrdatas(args.ip().applyValue(List::of))
                    .build(), child));
            this.recordText = line;
        }

        registerOutputs(Map.of(
                "record", recordText,
                "nameServers", nameServers()));
    }

    /** The created zone's name servers (to delegate the domain to); empty unless the zone is created here. */
    public Output<List<String>> nameServers() {
        return zone.map(ManagedZone::nameServers).orElse(Output.of(List.of()));
    }

    /** The record as a zone file line, or for an external domain the instruction to create it. */
    public Output<String> recordText() {
        return recordText;
    }

    public Optional<RecordSet> record() {
        return record;
    }

    public Optional<ManagedZone> zone() {
        return zone;
    }
}
