package dev.argogke.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static MockCloud.Result run(boolean privateNodes) {
        return MockCloud.run("dev", Map.of(), Set.of(), ctx ->
                new Network("network", Network.Args.defaults("acme-argo-dev", "europe-west1", privateNodes), null));
    }

    @Test
    void networkIsDedicatedAndVpcNativeWithPodAndServiceRanges() {
        MockCloud.Result r = run(true);
        assertEquals(Boolean.FALSE, r.one("gcp:compute/network:Network").input("autoCreateSubnetworks"));
        Registered subnet = r.one("gcp:compute/subnetwork:Subnetwork");
        assertEquals("europe-west1", subnet.string("region"));
        assertEquals(Boolean.TRUE, subnet.input("privateIpGoogleAccess"));
        assertEquals("10.10.0.0/24", subnet.string("ipCidrRange"));
        // Renaming a secondary range replaces the subnetwork, and with it the cluster: the names are fixed.
        assertEquals(List.of(Map.of("rangeName", "pods", "ipCidrRange", "10.20.0.0/16"),
                Map.of("rangeName", "services", "ipCidrRange", "10.30.0.0/20")), subnet.input("secondaryIpRanges"));
    }

    @Test
    void privateNodesGetCloudNatForEgress() {
        MockCloud.Result r = run(true);
        assertEquals("ALL_SUBNETWORKS_ALL_IP_RANGES", r.one("gcp:compute/routerNat:RouterNat").string("sourceSubnetworkIpRangesToNat"));
    }

    @Test
    void publicNodesNeedNoNat() {
        MockCloud.Result r = run(false);
        assertTrue(r.ofType("gcp:compute/routerNat:RouterNat").isEmpty());
        assertTrue(r.ofType("gcp:compute/router:Router").isEmpty());
    }
}
