package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.TreePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedImagesTest {
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
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
    void theIapProxysPinnedEnvoyImageIsAcceptedInEveryCommittedStack() {
        for (String stack : List.of("dev", "prod")) {
            PolicyInput input = PolicyFixtures.real(stack);
            Object image = TreePath.at(PolicyFixtures.resource(input.plan(), RELEASE, "argo").input("values"), "server.extraContainers");
            assertTrue(String.valueOf(image).contains("image=docker.io/envoyproxy/envoy:v1.40.0"), stack + ": " + image);
            assertEquals(List.of(), lines(rule, input), stack);
        }
        // Docker's short form names the same image.
        assertEquals(List.of(), lines(rule, withProxyImage("envoyproxy/envoy:v1.40.0")));
        assertEquals(List.of(), lines(rule, withProxyImage("europe-docker.pkg.dev/acme-argo-prod/mirror/envoy:v1.40.0")));
    }

    @Test
    void anyOtherImageBesideArgoServerIsRefused() {
        for (String image : List.of("docker.io/envoyproxy/envoy:latest", "envoyproxy/envoy:v1.39.0",
                "docker.io/someone/envoy:v1.40.0", "ghcr.io/someone/envoy:v1.40.0", "envoy:v1.40.0")) {
            List<Violation> violations = PolicyFixtures.violationsOfOnly("trusted-images", withProxyImage(image));
            assertEquals(1, violations.size(), image);
            assertEquals("kubernetes:helm.sh/v3:Release argo: values.server.extraContainers[0].image", violations.get(0).resource());
            assertTrue(violations.get(0).message().startsWith("'" + image + "' is neither from Artifact Registry or gcr.io"), violations.get(0).message());
        }
    }

    /** The prod plan with the IAP proxy's image replaced. */
    private static PolicyInput withProxyImage(String image) {
        PolicyInput prod = PolicyFixtures.real("prod");
        Map<String, Object> values = PolicyFixtures.mutable(cast(PolicyFixtures.resource(prod.plan(), RELEASE, "argo").input("values")));
        Map<String, Object> server = cast(values.get("server"));
        List<Object> containers = new ArrayList<>((List<?>) server.get("extraContainers"));
        Map<String, Object> proxy = new LinkedHashMap<>(cast(containers.get(0)));
        proxy.put("image", image);
        containers.set(0, proxy);
        server.put("extraContainers", containers);
        return PolicyFixtures.withPlan(prod, PolicyFixtures.set(prod.plan(), RELEASE, "argo", "values", values));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    @Test
    void aMovingTagIsFineInDev() {
        assertEquals(List.of(), lines(rule, stack(dir, "dev", committed("dev", "    imageTag: dev", "    imageTag: latest"))));
    }
}
