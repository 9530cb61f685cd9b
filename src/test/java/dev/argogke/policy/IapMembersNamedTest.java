package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM's domain: principal is a Workspace/Cloud Identity domain; gmail.com is anyone's. */
class IapMembersNamedTest {
    private final Rule rule = new IapMembersNamed();

    @TempDir
    Path dir;

    @Test
    void theIssuesExampleDomainGmailFails() {
        for (String domain : List.of("gmail.com", "googlemail.com")) {
            PolicyInput input = stack(dir, "gmail", committed("dev", "      - group:data-team@example.com", "      - domain:" + domain));
            List<String> lines = lines(rule, input);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("argo-gke:edge.iapMembers: domain:" + domain + " lets anyone with a free"), lines.get(0));
            assertEquals(false, Policies.evaluate(input).passed());
        }
    }

    @Test
    void namedPeopleGroupsAndTheOrganizationsDomainPass() {
        PolicyInput input = stack(dir, "org", committed("dev", "      - group:data-team@example.com",
                "      - group:data-team@example.com\n      - user:ana@gmail.com\n      - domain:example.com"));
        assertEquals(List.of(), lines(rule, input));
    }

    @Test
    void prodCannotWaiveIt() {
        String text = committed("prod", "      - user:ops-lead@example.com", "      - domain:gmail.com")
                + "    - rule: iap-members-named\n      reason: contractors sign in with their own accounts\n";
        PolicyInput input = stack(dir, "prod", text);
        UserError e = assertThrows(UserError.class, () -> Policies.evaluate(input));
        assertTrue(e.getMessage().contains("argo-gke:waivers[1].rule: iap-members-named cannot be waived in prod"), e.getMessage());
    }
}
