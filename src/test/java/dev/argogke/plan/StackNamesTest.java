package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any stack name Pulumi accepts plans into Google names Google accepts. The rules are Google's,
 * from its docs; the names are read from the plan, i.e. as the program sends them to the provider.
 */
class StackNamesTest {
    private static final Pattern COMPUTE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    private static final Pattern SERVICE_ACCOUNT_ID = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][-_a-z0-9]{1,61}[a-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("[-_a-z0-9]{0,63}");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Team_A.Prod", "DEV", "google-eu", "a", "staging.europe-west1.very-long-stack-name-for-the-data-platform-team-x"})
    void anyValidPulumiStackNamePlansValidGoogleNames(String stack) throws Exception {
        String text = Files.readString(Path.of("stacks/Pulumi.dev.yaml"));
        PlanFile plan = OfflinePlan.run(Path.of("."), TestSettings.stackFile(dir, stack, text), Optional.empty());

        assertAll(plan, "gcp:container/cluster:Cluster", "name", CLUSTER_NAME);
        assertAll(plan, "gcp:serviceaccount/account:Account", "accountId", SERVICE_ACCOUNT_ID);
        assertAll(plan, "gcp:storage/bucket:Bucket", "name", BUCKET);
        assertAll(plan, "gcp:storage/bucket:Bucket", "labels.stack", LABEL_VALUE);
        assertAll(plan, "gcp:compute/globalAddress:GlobalAddress", "name", COMPUTE_NAME);
        assertAll(plan, "gcp:compute/sSLPolicy:SSLPolicy", "name", COMPUTE_NAME);
    }

    private static void assertAll(PlanFile plan, String type, String input, Pattern rule) {
        List<PlanFile.Resource> of = plan.resources().stream().filter(r -> r.type().equals(type)).toList();
        assertTrue(!of.isEmpty(), "the plan has no " + type);
        for (PlanFile.Resource r : of) {
            String value = String.valueOf(r.input(input));
            assertTrue(rule.matcher(value).matches(), type + " " + r.name() + " " + input + ": '" + value + "'");
        }
    }

    @org.junit.jupiter.api.Test
    void renamingTheHostLeavesTheStaticIpAsItIs() throws Exception {
        // The DNS record and the managed certificate hang on this address; any change to its
        // inputs would replace it (every GlobalAddress input forces a new one in pulumi-gcp 7.0.0).
        PlanFile before = plan("argo-dev.example.com");
        PlanFile after = plan("workflows.example.com");
        assertEquals("workflows.example.com.", after.resourcesOfType("gcp:dns/recordSet:RecordSet").get(0).input("name"),
                "the rename reached the plan");
        assertEquals(address(before), address(after));
    }

    private static Map<String, Object> address(PlanFile plan) {
        return plan.resources().stream().filter(r -> r.type().equals("gcp:compute/globalAddress:GlobalAddress"))
                .findFirst().orElseThrow().inputs();
    }

    private PlanFile plan(String host) {
        String text = TestSettings.devWith("host: argo-dev.example.com", "host: " + host);
        return OfflinePlan.run(Path.of("."), TestSettings.stackFile(dir, "dev", text), Optional.empty());
    }
}
