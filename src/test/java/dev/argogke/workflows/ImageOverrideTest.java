package dev.argogke.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageOverrideTest {
    private static final String OWN = "europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2";

    @Test
    void tagOverrideReplacesTheTagOfTheTeamsOwnImages() {
        assertEquals("europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:dev",
                new ImageOverride(Optional.empty(), Optional.of("dev")).apply(OWN));
    }

    @Test
    void registryOverrideMovesTheImageToAnotherRegistryPathKeepingNameAndTag() {
        assertEquals("europe-docker.pkg.dev/acme-argo-dev/jobs/etl-runner:1.8.2",
                new ImageOverride(Optional.of("europe-docker.pkg.dev/acme-argo-dev/jobs/"), Optional.empty()).apply(OWN));
    }

    @Test
    void tagOverrideDropsAPinnedDigest() {
        assertEquals("gcr.io/acme/report:dev",
                new ImageOverride(Optional.empty(), Optional.of("dev")).apply("gcr.io/acme/report@sha256:abc"));
    }

    @Test
    void publicImagesAreNeverRewritten() {
        ImageOverride both = new ImageOverride(Optional.of("europe-docker.pkg.dev/acme-argo-dev/jobs"), Optional.of("dev"));
        assertEquals("alpine:3.20", both.apply("alpine:3.20"));
        assertEquals("quay.io/argoproj/argocli:v4.0.6", both.apply("quay.io/argoproj/argocli:v4.0.6"));
    }

    @Test
    void rewriteReachesEveryImageInATemplateTree() {
        Map<String, Object> spec = Map.of("templates", List.of(
                Map.of("name", "a", "container", Map.of("image", OWN)),
                Map.of("name", "b", "script", Map.of("image", "python:3.12", "source", "print(1)"))));
        Object rewritten = new ImageOverride(Optional.empty(), Optional.of("dev")).rewrite(spec);
        assertEquals(Map.of("templates", List.of(
                Map.of("name", "a", "container", Map.of("image", "europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:dev")),
                Map.of("name", "b", "script", Map.of("image", "python:3.12", "source", "print(1)")))), rewritten);
    }
}
