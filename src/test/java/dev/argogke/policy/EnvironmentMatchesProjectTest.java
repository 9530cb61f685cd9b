package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentMatchesProjectTest {
    private final Rule rule = new EnvironmentMatchesProject();

    @TempDir
    Path dir;

    @Test
    void theIssuesExampleAProdStackOnADevProjectFails() {
        PolicyInput input = stack(dir, "prod", committed("prod", "gcp:project: acme-argo-prod", "gcp:project: acme-argo-dev"));
        assertEquals(List.of(dir.resolve("Pulumi.prod.yaml") + ": gcp:project: 'acme-argo-dev' reads like a non-production project ('dev') "
                + "but argo-gke:environment is prod; point the stack at its own project, or waive environment-matches-project with a reason if the name misleads"),
                lines(rule, input));
    }

    @Test
    void aDevStackOnAProdProjectFails() {
        PolicyInput input = stack(dir, "dev", committed("dev", "gcp:project: acme-argo-dev", "gcp:project: acme-argo-prod"));
        assertEquals(1, lines(rule, input).size());
    }

    @Test
    void wordsNotSubstringsDecide() {
        PolicyInput input = stack(dir, "prod", committed("prod", "gcp:project: acme-argo-prod", "gcp:project: acme-devops-prod"));
        assertEquals(List.of(), lines(rule, input));
        PolicyInput testing = stack(dir, "prod", committed("prod", "gcp:project: acme-argo-prod", "gcp:project: acme-etl-staging"));
        assertEquals(1, lines(rule, testing).size());
    }
}
