package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Secret Manager in the cost estimate, against Google's Secret Manager pricing page: $0.06 per active
 * version a month, $0.03 per 10,000 accesses, 6 versions and 10,000 accesses a month free per billing account.
 */
class SecretManagerCostsTest {
    @Test
    void theJiraTokenIsOneFreeVersionAndANoteGivesTheRates() {
        CostEstimate dev = CostEstimate.of(OfflinePlan.run(Path.of("."), MockCloud.stack("dev"), Optional.empty()));
        List<CostEstimate.Line> secrets = dev.lines().stream().filter(l -> l.key().startsWith("secretmanager:")).toList();
        assertEquals(1, secrets.size(), "workflows/ names one Secret Manager secret, the JIRA token: " + secrets);
        assertEquals(new BigDecimal("0.00"), secrets.get(0).monthly());
        assertTrue(secrets.get(0).detail().contains("$0.06 a month, within the 6 free"), secrets.get(0).detail());
        String note = dev.notes().stream().filter(n -> n.startsWith("Secret Manager")).findFirst().orElseThrow();
        assertTrue(note.startsWith("Secret Manager: the billing account's first 6 active secret versions and 10,000 accesses a month are free, "
                + "then $0.06 a version a month and $0.03 per 10,000 accesses"), note);
    }
}
