package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedImagesTest {
    private final Rule rule = new TrustedImages();

    @TempDir
    Path dir;

    @Test
    void theIssuesExampleARegistryOnDockerHubFails() {
        PolicyInput input = stack(dir, "dev", committed("dev", "    imageTag: dev", "    imageTag: dev\n    imageRegistry: docker.io/anyone"));
        assertEquals(List.of(dir.resolve("Pulumi.dev.yaml") + ": argo-gke:workflows.imageRegistry: 'docker.io/anyone' is not Artifact Registry "
                + "(LOCATION-docker.pkg.dev/PROJECT/REPO) or gcr.io; anyone may push to a public registry's namespace"), lines(rule, input));
    }

    @Test
    void theIssuesExampleLatestInProdFails() {
        PolicyInput input = stack(dir, "prod", committed("prod", "    suspendAll: false", "    suspendAll: false\n    imageTag: latest"));
        List<String> lines = lines(rule, input);
        assertTrue(lines.contains(dir.resolve("Pulumi.prod.yaml") + ": argo-gke:workflows.imageTag: 'latest' is a moving tag, so prod would run "
                + "whatever was pushed last; use a release tag such as 1.8.2 or a digest"), lines.toString());
        // The override reaches every deployed image, and each is reported where it is.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("workflows/etl-step.yaml (WorkflowTemplate etl-step): spec.templates[0].container.image: "
                + "'europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:latest' is not pinned")), lines.toString());
        assertEquals(false, Policies.evaluate(input).passed());
    }

    @Test
    void googleRegistriesAndReleaseTagsPass() {
        assertEquals(List.of(), lines(rule, PolicyFixtures.real("prod")));
        assertEquals(List.of(), lines(rule, PolicyFixtures.real("dev")));
        PolicyInput input = stack(dir, "prod", committed("prod", "    suspendAll: false",
                "    suspendAll: false\n    imageRegistry: us-central1-docker.pkg.dev/acme-argo-prod/jobs\n    imageTag: 2024.05.1"));
        assertEquals(List.of(), lines(rule, input));
        assertTrue(TrustedImages.allowedRegistry("eu.gcr.io/acme-argo-prod"));
        assertEquals(false, TrustedImages.allowedImage("python:3.12"), "no host: Docker Hub");
        assertEquals(false, TrustedImages.allowedImage("ghcr.io/someone/tool:1.0"));
    }

    @Test
    void aMovingTagIsFineInDev() {
        assertEquals(List.of(), lines(rule, stack(dir, "dev", committed("dev", "    imageTag: dev", "    imageTag: latest"))));
    }
}
