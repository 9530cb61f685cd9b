package dev.argogke.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Material kept beside the checkout in {@code ../shared} (the POM passes it as the system property
 * {@code argogke.shared}): the Argo conformance corpus, the real Helm charts. A user's clone does
 * not have it: then the tests that need it are skipped, except under {@code CI=true}, where its
 * absence fails.
 */
public final class Shared {
    private Shared() {
    }

    /**
     * {@code ../shared/<folder>}, which must hold {@code marker}; skips the calling test without it.
     *
     * @param what what the folder holds, in words, for the skip message
     */
    public static Path folder(String folder, String marker, String what) {
        Path path = Path.of(System.getProperty("argogke.shared", "../shared"), folder);
        if (!Files.exists(path.resolve(marker))) {
            String why = what + " is not at " + path.toAbsolutePath().normalize();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true requires it)");
            }
            assumeTrue(false, why + ": skipping the tests that need it");
        }
        return path;
    }

    /** The argo-helm argo-workflows chart the program deploys (see {@code ../shared/charts/README.md}). */
    public static Path argoChart() {
        return folder("charts/argo-workflows", "Chart.yaml", "argo-helm's argo-workflows chart");
    }

    /** The argo-helm argo-events chart (see {@code ../shared/charts/README.md}). */
    public static Path argoEventsChart() {
        return folder("charts/argo-events", "Chart.yaml", "argo-helm's argo-events chart");
    }
}
