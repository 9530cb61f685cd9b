package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.TestSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pub/Sub in the cost estimate, against Google's Pub/Sub pricing page: throughput only, the first
 * 10 GiB a month free, then $40 per TiB, at least 1,000 bytes per publish and per delivery.
 */
class PubSubCostsTest {
    private static final String SUBSCRIPTION = "urn:pulumi:dev::argo-gke::gcp:pubsub/subscription:Subscription::hr-export";

    @Test
    void aSubscriptionIsAFreeLineAndANotePricesExampleRatesByHand() {
        PlanFile dev = OfflinePlan.run(Path.of("."), MockCloud.stack("dev"), Optional.empty());
        List<PlanFile.Resource> resources = new ArrayList<>(dev.resources());
        resources.add(new PlanFile.Resource(SUBSCRIPTION, PubSubCosts.SUBSCRIPTION, "hr-export", null, null, true,
                List.of(), List.of(), Map.of(), null, Map.of("name", "argo-events-dev-hr-export")));
        CostEstimate estimate = CostEstimate.of(new PlanFile(dev.formatVersion(), dev.project(), dev.stack(), resources,
                dev.outputs(), dev.workflows(), dev.waivers()));

        CostEstimate.Line line = estimate.lines().stream().filter(l -> l.key().equals("pubsub:" + SUBSCRIPTION)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.00"), line.monthly());
        assertEquals(CostEstimate.of(dev).total(), estimate.total(), "a subscription adds nothing to the total");
        // By hand, 730 hours a month, each message billed twice (publish, delivery) at 1,000 bytes:
        //   one a minute:  43,800 × 2,000 B = 87,600,000 B = 0.08 GiB: free
        //   one a second:  2,628,000 × 2,000 B = 5,256,000,000 B = 4.90 GiB: free
        //   ten a second:  52,560,000,000 B = 48.95 GiB; 38.95 GiB over the free 10 = 0.03804 TiB × $40 = $1.52
        String note = estimate.notes().stream().filter(n -> n.startsWith("Pub/Sub")).findFirst().orElseThrow();
        assertTrue(note.endsWith("one a minute 0.1 GiB, $0.00; one a second 4.9 GiB, $0.00; ten a second 49.0 GiB, $1.52."), note);
        assertTrue(note.contains("the first 10 GiB a month are free, then $40 per TiB"), note);
    }

    @Test
    void aStackWithoutPubSubHasNoPubSubLineOrNote(@TempDir Path workflows) throws java.io.IOException {
        // The dev stack with a workflows folder that has no EventSource (the committed one has two).
        Files.copy(Path.of("workflows/etl-step.yaml"), workflows.resolve("etl-step.yaml"));
        StackFile stack = MockCloud.stack("dev");
        CostEstimate dev = CostEstimate.of(OfflinePlan.run(Path.of("."), TestSettings.forOtherWorkflows(SettingsLoader.load("dev", stack)),
                stack.values(), stack.secretKeys(), Optional.of(workflows)));
        assertTrue(dev.lines().stream().noneMatch(l -> l.key().startsWith("pubsub:")));
        assertTrue(dev.notes().stream().noneMatch(n -> n.startsWith("Pub/Sub")));
    }
}
