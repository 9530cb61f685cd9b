package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's A record in each DNS mode, pointing at the static IP the load balancer uses. */
class PublicDnsTest {
    private static final String RECORD = "gcp:dns/recordSet:RecordSet";
    private static final String ZONE = "gcp:dns/managedZone:ManagedZone";
    private static final String DEV_DNS = """
                  mode: existing-zone
                  zone: example-com
                  dnsName: example.com
            """;

    @TempDir
    Path dir;

    private record Run(MockCloud.Result result, PublicDns dns) {
        Object value(Function<PublicDns, Output<?>> output) {
            return PulumiTestInternal.extractOutputData(output.apply(dns)).getValueNullable();
        }
    }

    private static Run run(Settings s) {
        AtomicReference<PublicDns> dns = new AtomicReference<>();
        MockCloud.Result result = MockCloud.run(s.stack(), Map.of(), Set.of(), ctx -> {
            var address = new GlobalAddress("ip", GlobalAddressArgs.builder().name("argo-ui-" + s.stack()).build());
            dns.set(new PublicDns("dns", new PublicDns.Args(s.gcp().orElseThrow().project(), s.edge().orElseThrow().host(), s.edge().orElseThrow().dns(), address.address()), null));
        });
        return new Run(result, dns.get());
    }

    private Settings devWithDns(String dnsBlock) {
        return SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev", TestSettings.devWith(DEV_DNS, dnsBlock)));
    }

    @Test
    void existingZoneGetsAnARecordForTheHostWithTheStaticIpsAddress() {
        Run run = run(TestSettings.of("dev"));
        Registered record = run.result().one(RECORD);
        assertEquals("example-com", record.string("managedZone"));
        assertEquals("argo-dev.example.com.", record.string("name"));
        assertEquals("A", record.string("type"));
        assertEquals(300, record.integer("ttl"));
        assertEquals(List.of(MockCloud.STATIC_IP), record.input("rrdatas"));
        assertTrue(run.result().ofType(ZONE).isEmpty(), "the zone exists already");
        assertEquals("argo-dev.example.com. 300 IN A " + MockCloud.STATIC_IP, run.value(PublicDns::recordText));
        assertEquals(List.of(), run.value(PublicDns::nameServers));
    }

    @Test
    void createZoneMakesThePublicZoneAndOutputsItsNameServersForDelegation() {
        Run run = run(devWithDns("""
                      mode: create-zone
                      zone: argo-example-com
                      dnsName: example.com
                """));
        Registered zone = run.result().one(ZONE);
        assertEquals("argo-example-com", zone.string("name"));
        assertEquals("example.com.", zone.string("dnsName"));
        assertEquals("public", zone.string("visibility"));
        Registered record = run.result().one(RECORD);
        assertEquals("argo-example-com", record.string("managedZone"), "the record goes into the zone created here");
        assertEquals(List.of(MockCloud.STATIC_IP), record.input("rrdatas"));
        assertEquals(List.of("ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."), run.value(PublicDns::nameServers));
    }

    @Test
    void externalDomainGetsNoCloudDnsButTheRecordToCreate() {
        Run run = run(devWithDns("""
                      mode: external
                """));
        assertTrue(run.result().ofType(RECORD).isEmpty());
        assertTrue(run.result().ofType(ZONE).isEmpty());
        String instruction = (String) run.value(PublicDns::recordText);
        assertTrue(instruction.contains("argo-dev.example.com. 300 IN A " + MockCloud.STATIC_IP), instruction);
        assertTrue(instruction.contains("no AAAA"), instruction);
    }

    @Test
    void noModeEverCreatesAnAaaaRecord() {
        for (Run run : List.of(run(TestSettings.of("dev")), run(TestSettings.of("prod")),
                run(devWithDns("      mode: create-zone\n      zone: z\n      dnsName: example.com\n")))) {
            run.result().ofType(RECORD).forEach(r -> assertEquals("A", r.string("type")));
        }
    }
}
